using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>
/// A study activity (学习活动) of any kind: planned by its organiser unit, then held (its record: attendance, minutes,
/// duration, filed within 3 working days) or cancelled. A held record is corrected only by an amendment that keeps the
/// original. The entity owns the state machine: each transition checks the current state (409 naming it otherwise)
/// and raises the event that announces it.
/// </summary>
public sealed class StudyActivity : Aggregate
{
    public const int TopicMaxLength = 200;
    public const int PlaceMaxLength = 200;
    public const int MinutesMaxLength = 20000;
    public const int ReasonMaxLength = 500;
    public const int MaxMaterials = 20;
    public const int MaxSpeakers = 10;
    /// <summary>A working day of study at most: a longer "duration" is a typing error (minutes for hours).</summary>
    public const int MaxDurationMinutes = 8 * 60;
    /// <summary>三会一课 records are filed within 3 working days of the meeting.</summary>
    public const int RecordWorkingDays = 3;

    private StudyActivity() { }

    public Guid Id { get; private set; }
    public ActivityKind Kind { get; private set; }
    public Guid OrganiserUnitId { get; private set; }
    /// <summary>The organiser's branch (itself, or a party group's parent): the branch whose keepers keep the record.</summary>
    public Guid? BranchId { get; private set; }
    public string Topic { get; private set; } = "";
    public IReadOnlyList<MaterialReference> Materials { get; private set; } = [];
    /// <summary>The library entries among <see cref="Materials"/>, for "who has studied it" without reading every list.</summary>
    public Guid[] MaterialIds { get; private set; } = [];
    public DateTimeOffset PlannedStart { get; private set; }
    public DateTimeOffset PlannedEnd { get; private set; }
    public string Place { get; private set; } = "";
    public ActivityAudience Audience { get; private set; } = null!;
    /// <summary>The audience's kind, for queries (the audience itself is kept whole).</summary>
    public AudienceKind AudienceKind { get; private set; }
    /// <summary>The unit whose members are expected (audience of a unit: the organiser unless it names another), for calendars and "my activities".</summary>
    public Guid? AudienceUnitId { get; private set; }
    /// <summary>Named members of the audience, for "my activities" without reading every audience.</summary>
    public Guid[] AudienceMemberIds { get; private set; } = [];
    public IReadOnlyList<ExternalSpeaker> Speakers { get; private set; } = [];
    public Guid? SeriesId { get; private set; }
    /// <summary>
    /// The brand (and one of its measures) the activity is held under. The registry is the reporting service's, so any
    /// id is kept as given; the brand's page lists only what points at it.
    /// </summary>
    public Guid? BrandId { get; private set; }
    public Guid? BrandMeasureId { get; private set; }
    public ActivityState State { get; private set; }
    /// <summary>The code members check in with during the window (<see cref="CheckInCodes"/>).</summary>
    public string CheckInCode { get; private set; } = "";

    public DateTimeOffset? HeldAt { get; private set; }
    public int? DurationMinutes { get; private set; }
    public string? Minutes { get; private set; }
    public int ExternalAttendees { get; private set; }
    public IReadOnlyList<AttendanceEntry> Attendance { get; private set; } = [];
    /// <summary>Who was present, for "my activities" and coverage queries.</summary>
    public Guid[] PresentIds { get; private set; } = [];
    public DateTimeOffset? RecordedAt { get; private set; }
    /// <summary>The last China date the record could be filed on (the 3rd working day after the meeting).</summary>
    public DateOnly? RecordDue { get; private set; }
    public bool RecordedLate { get; private set; }
    public IReadOnlyList<ActivityAmendment> Amendments { get; private set; } = [];

    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }

    public string ScheduledBy { get; private set; } = "";
    public DateTimeOffset ScheduledAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Grows with every change; the ETag callers send back in If-Match.</summary>
    public int Version { get; private set; }

    /// <summary>Plans an activity. The organiser unit must be of a kind that holds activities of this kind (422).</summary>
    public static StudyActivity Schedule(
        ActivityKind kind, DirectoryUnit organiser, Guid? branchId, string topic, IReadOnlyList<MaterialReference> materials,
        DateTimeOffset plannedStart, DateTimeOffset plannedEnd, string place, ActivityAudience audience,
        IReadOnlyList<ExternalSpeaker> speakers, Guid? seriesId, string actor, DateTimeOffset now, Guid? brandId = null, Guid? brandMeasureId = null)
    {
        if (!kind.OrganisedBy().Contains(organiser.Kind))
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.WrongOrganiser_Title)),
                Text(nameof(StudyTexts.WrongOrganiser_Detail), kind, new UnitReference(organiser.Id)));
        }
        if (!organiser.IsActive)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.OrganiserInactive_Title)),
                Text(nameof(StudyTexts.OrganiserInactive_Detail), new UnitReference(organiser.Id)));
        }
        CheckAudience(kind, audience);
        var activity = new StudyActivity
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            OrganiserUnitId = organiser.Id,
            BranchId = branchId,
            State = ActivityState.Planned,
            CheckInCode = CheckInCodes.New(),
            ScheduledBy = actor,
            ScheduledAt = now,
        };
        activity.SetPlan(topic, materials, plannedStart, plannedEnd, place, audience, speakers, seriesId, now);
        activity.PointAt(brandId, brandMeasureId);
        activity.Raise(activity.Stamp(new StudyActivityScheduled
        {
            OccurredAt = now,
            AudienceKind = audience.Kind.ToCode(),
            AudienceUnitId = audience.UnitId,
        }));
        return activity;
    }

    /// <summary>Changes a planned activity's time, place, topic, materials, audience or speakers.</summary>
    public void Reschedule(
        string topic, IReadOnlyList<MaterialReference> materials, DateTimeOffset plannedStart, DateTimeOffset plannedEnd, string place,
        ActivityAudience audience, IReadOnlyList<ExternalSpeaker> speakers, DateTimeOffset now, Guid? brandId = null, Guid? brandMeasureId = null)
    {
        RequireState(ActivityState.Planned, nameof(StudyTexts.StepReschedule));
        CheckAudience(Kind, audience);
        SetPlan(topic, materials, plannedStart, plannedEnd, place, audience, speakers, SeriesId, now);
        PointAt(brandId, brandMeasureId);
        Raise(Stamp(new StudyActivityRescheduled { OccurredAt = now }));
    }

    /// <summary>Whether a member may check in now: planned, and within the window around the planned time.</summary>
    public bool IsCheckInOpen(DateTimeOffset now) => State == ActivityState.Planned && CheckInCodes.IsOpen(PlannedStart, PlannedEnd, now);

    /// <summary>
    /// Refuses a check-in that is not open now: 409 naming the state when the activity is no longer planned, else
    /// saying when the window opens (before it) or closed (after it), in Beijing time.
    /// </summary>
    public void RequireCheckInOpen(DateTimeOffset now)
    {
        RequireState(ActivityState.Planned, nameof(StudyTexts.StepCheckIn));
        CheckInCodes.RequireOpen(PlannedStart, PlannedEnd, now);
    }

    /// <summary>
    /// Files the record of a planned activity: when it was held (not in the future), how long, the minutes and the
    /// attendance sheet. Filed after <paramref name="recordDue"/> (the 3rd working day after the meeting) it is late.
    /// </summary>
    public void Hold(HeldRecord record, DateOnly recordDue, DateTimeOffset now)
    {
        RequireState(ActivityState.Planned, nameof(StudyTexts.StepHold));
        CheckRecord(record, now);
        SetRecord(record);
        RecordedAt = now;
        RecordDue = recordDue;
        RecordedLate = ChinaCalendar.DateOf(now) > recordDue;
        State = ActivityState.Held;
        Touch(now);
        Raise(StampRecord(new StudyActivityHeld { OccurredAt = now, RecordedAt = now, RecordedLate = RecordedLate }));
    }

    /// <summary>
    /// Corrects a held record; the record as it was is kept in <see cref="Amendments"/>. When it was filed (and so
    /// whether it was late) does not change: a correction is not a new filing.
    /// </summary>
    public void Amend(HeldRecord record, string reason, string actor, DateTimeOffset now)
    {
        RequireState(ActivityState.Held, nameof(StudyTexts.StepAmend));
        CheckRecord(record, now);
        Amendments = [.. Amendments, new ActivityAmendment(now, actor, reason.Trim(), CurrentRecord())];
        SetRecord(record);
        Touch(now);
        Raise(StampRecord(new StudyActivityAmended { OccurredAt = now, Reason = reason.Trim() }));
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        RequireState(ActivityState.Planned, nameof(StudyTexts.StepCancel));
        State = ActivityState.Cancelled;
        CancelledAt = now;
        CancelReason = reason.Trim();
        Touch(now);
        Raise(Stamp(new StudyActivityCancelled { OccurredAt = now, Reason = CancelReason }));
    }

    /// <summary>The held record as it stands (null before it is held).</summary>
    public HeldRecord? Record => HeldAt is not null ? CurrentRecord() : null;

    private HeldRecord CurrentRecord() => new(HeldAt!.Value, DurationMinutes ?? 0, Minutes ?? "", ExternalAttendees, Attendance);

    private void SetPlan(
        string topic, IReadOnlyList<MaterialReference> materials, DateTimeOffset plannedStart, DateTimeOffset plannedEnd, string place,
        ActivityAudience audience, IReadOnlyList<ExternalSpeaker> speakers, Guid? seriesId, DateTimeOffset now)
    {
        if (plannedEnd <= plannedStart)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.EndBeforeStart_Title)), Text(nameof(StudyTexts.EndBeforeStart_Detail)));
        }
        Topic = topic.Trim();
        Materials = [.. materials.Select(m => m with { Title = m.Title.Trim(), Link = string.IsNullOrWhiteSpace(m.Link) ? null : m.Link.Trim() })];
        MaterialIds = [.. materials.Where(m => m.MaterialId is not null).Select(m => m.MaterialId!.Value).Distinct()];
        PlannedStart = plannedStart.ToUniversalTime();
        PlannedEnd = plannedEnd.ToUniversalTime();
        Place = place.Trim();
        Audience = audience with { MemberIds = [.. audience.MemberIds.Distinct()] };
        AudienceKind = audience.Kind;
        AudienceUnitId = audience.Kind == AudienceKind.Unit ? audience.UnitId ?? OrganiserUnitId : null;
        AudienceMemberIds = [.. Audience.MemberIds];
        Speakers = [.. speakers.Select(s => new ExternalSpeaker(s.Name.Trim(), s.Affiliation.Trim()))];
        SeriesId = seriesId;
        Touch(now);
    }

    private void PointAt(Guid? brandId, Guid? brandMeasureId)
    {
        BrandId = brandId;
        BrandMeasureId = brandMeasureId;
    }

    private void SetRecord(HeldRecord record)
    {
        HeldAt = record.HeldAt.ToUniversalTime();
        DurationMinutes = record.DurationMinutes;
        Minutes = record.Minutes.Trim();
        ExternalAttendees = record.ExternalAttendees;
        Attendance = record.Attendance;
        PresentIds = [.. record.Attendance.WithStatus(AttendanceStatus.Present)];
    }

    private static void CheckRecord(HeldRecord record, DateTimeOffset now)
    {
        if (record.HeldAt > now)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.HeldInFuture_Title)), Text(nameof(StudyTexts.HeldInFuture_Detail)));
        }
    }

    /// <summary>A heart-to-heart talk is between named people; a united-front audience attends thematic education only.</summary>
    private static void CheckAudience(ActivityKind kind, ActivityAudience audience)
    {
        if (kind == ActivityKind.HeartToHeartTalk && (audience.Kind != AudienceKind.Members || audience.MemberIds.Distinct().Count() < 2))
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.TalkNeedsPair_Title)), Text(nameof(StudyTexts.TalkNeedsPair_Detail)));
        }
        if (audience.Kind == AudienceKind.UnitedFront && kind != ActivityKind.ThematicEducation)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.UnitedFrontAudienceKind_Title)),
                Text(nameof(StudyTexts.UnitedFrontAudienceKind_Detail), kind));
        }
    }

    private void RequireState(ActivityState required, string step)
    {
        if (State != required)
        {
            throw new RuleViolation(Text(nameof(StudyTexts.StepNotAllowed_Title)),
                Text(nameof(StudyTexts.StepNotAllowed_Detail), Text(step), State));
        }
    }

    private void Touch(DateTimeOffset now)
    {
        LastChangedAt = now;
        Version++;
    }

    private T StampRecord<T>(T integrationEvent) where T : StudyActivityRecordEvent => Stamp(integrationEvent) with
    {
        HeldAt = HeldAt!.Value,
        DurationMinutes = DurationMinutes ?? 0,
        AttendeeIds = Attendance.WithStatus(AttendanceStatus.Present),
        AbsentWithReasonIds = Attendance.WithStatus(AttendanceStatus.AbsentWithReason),
        AbsentIds = Attendance.WithStatus(AttendanceStatus.Absent),
        ExternalAttendees = ExternalAttendees,
    };

    private T Stamp<T>(T integrationEvent) where T : StudyActivityEvent => integrationEvent with
    {
        ActivityId = Id,
        Kind = Kind.ToCode(),
        OrganiserUnitId = OrganiserUnitId,
        Topic = Topic,
        MaterialIds = MaterialIds,
        SeriesId = SeriesId,
        BrandId = BrandId,
        BrandMeasureId = BrandMeasureId,
        PlannedStart = PlannedStart,
        PlannedEnd = PlannedEnd,
        State = State.ToCode(),
    };
}
