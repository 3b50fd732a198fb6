using BrandPlatform.Contracts.Study;

namespace BrandPlatform.Reporting.Features.StudyFigures;

/// <summary>
/// Reporting's copy of what it needs about one study activity, from the study service's events in the activity's order
/// (<see cref="StudyActivitiesProjection"/>): each event brings the activity as it stands; a held or amended record
/// brings its attendance, kept as counts, and the present people's ids only because coverage counts each member once
/// whatever they attended (figures compare units, never people: no id leaves reporting).
/// </summary>
public sealed class StudyActivityRecord
{
    /// <summary>As long as the study service allows.</summary>
    public const int TopicMaxLength = 200;

    private StudyActivityRecord() { }

    public Guid ActivityId { get; private set; }
    public string Kind { get; private set; } = "";
    /// <summary>What was studied: a brand's page lists held activities under it by topic.</summary>
    public string Topic { get; private set; } = "";
    public Guid OrganiserUnitId { get; private set; }
    public string State { get; private set; } = "";
    public DateTimeOffset PlannedStart { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public int? DurationMinutes { get; private set; }
    public int Attendees { get; private set; }
    public int AbsentWithReason { get; private set; }
    public int Absent { get; private set; }
    /// <summary>People outside the directory who attended (a united-front audience).</summary>
    public int ExternalAttendees { get; private set; }
    public bool RecordedLate { get; private set; }
    /// <summary>The people present: coverage (学习教育全覆盖) counts a member once, whichever activities they attended.</summary>
    public Guid[] PresentIds { get; private set; } = [];
    /// <summary>The library's materials studied: 第一议题 follow-up finds who studied a designated one.</summary>
    public Guid[] MaterialIds { get; private set; } = [];
    /// <summary>The brand (and measure) the activity was held under, as study recorded it: the brand's page lists it.</summary>
    public Guid? BrandId { get; private set; }
    public Guid? BrandMeasureId { get; private set; }
    /// <summary>PostgreSQL's row version (xmin), as on the ticket record: the guard against an unnumbered event racing a numbered one.</summary>
    public uint Version { get; private set; }

    public static StudyActivityRecord For(StudyActivityEvent integrationEvent) => new() { ActivityId = integrationEvent.ActivityId };

    public void Apply(StudyActivityEvent integrationEvent)
    {
        Kind = integrationEvent.Kind;
        Topic = integrationEvent.Topic;
        BrandId = integrationEvent.BrandId;
        BrandMeasureId = integrationEvent.BrandMeasureId;
        OrganiserUnitId = integrationEvent.OrganiserUnitId;
        State = integrationEvent.State;
        PlannedStart = integrationEvent.PlannedStart;
        MaterialIds = [.. integrationEvent.MaterialIds];
        switch (integrationEvent)
        {
            case StudyActivityHeld held:
                SetRecord(held.HeldAt, held.DurationMinutes, held.AttendeeIds, held.AbsentWithReasonIds, held.AbsentIds, held.ExternalAttendees);
                RecordedLate = held.RecordedLate;
                break;
            case StudyActivityAmended amended:
                // A correction is not a new filing: whether the record was late stays as it was.
                SetRecord(amended.HeldAt, amended.DurationMinutes, amended.AttendeeIds, amended.AbsentWithReasonIds, amended.AbsentIds, amended.ExternalAttendees);
                break;
        }
    }

    private void SetRecord(DateTimeOffset heldAt, int durationMinutes, IReadOnlyList<Guid> attendees, IReadOnlyList<Guid> absentWithReason,
        IReadOnlyList<Guid> absent, int externalAttendees)
    {
        HeldAt = heldAt;
        DurationMinutes = durationMinutes;
        Attendees = attendees.Count;
        PresentIds = [.. attendees];
        AbsentWithReason = absentWithReason.Count;
        Absent = absent.Count;
        ExternalAttendees = externalAttendees;
    }
}
