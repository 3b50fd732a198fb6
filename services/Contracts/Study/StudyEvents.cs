namespace BrandPlatform.Contracts.Study;

// The study service (学习活动) announces what happens to its activities, members' self-study and the youth study group's
// host rotation, and the materials designated for study. Kinds and states travel as camelCase codes (partyLesson,
// branchAssembly, held, ...). Four aggregates raise them, each numbering its own events: the activity
// (StudyActivityEvent), the member's study note (MemberStudyEvent), the youth group's rotation (YouthGroupRotationEvent)
// and the library's material (StudyMaterialEvent).

/// <summary>
/// An event of one study activity; <see cref="IntegrationEvent.AggregateId"/> is the activity. Each carries what the
/// activity is as it stands after the change, so a consumer keeps its figures without asking back.
/// </summary>
public abstract record StudyActivityEvent : IntegrationEvent
{
    public Guid ActivityId { get; init; }
    /// <summary>firstAgendaItem, centralGroupStudy, branchStudy, branchAssembly, branchCommittee, groupMeeting, partyLesson, ...</summary>
    public string Kind { get; init; } = "";
    /// <summary>The unit that organises it: a branch, a party group, the leadership team, a study group, the committee.</summary>
    public Guid OrganiserUnitId { get; init; }
    public string Topic { get; init; } = "";
    /// <summary>The materials library's entries studied (speeches, documents); materials named only by title are not listed.</summary>
    public IReadOnlyList<Guid> MaterialIds { get; init; } = [];
    /// <summary>The training series (履职能力提升专题培训) the activity is a session of.</summary>
    public Guid? SeriesId { get; init; }
    /// <summary>
    /// The brand (党建服务品牌) the activity is held under, and one of its measures; study keeps whatever id it was given
    /// (the registry is reporting's), so the brand's page lists what points at it.
    /// </summary>
    public Guid? BrandId { get; init; }
    public Guid? BrandMeasureId { get; init; }
    public DateTimeOffset PlannedStart { get; init; }
    public DateTimeOffset PlannedEnd { get; init; }
    /// <summary>planned, held or cancelled.</summary>
    public string State { get; init; } = "";
}

[EventName("study.activity-scheduled.v1")]
public sealed record StudyActivityScheduled : StudyActivityEvent
{
    /// <summary>unit, members, unitedFront or wholeOrgan.</summary>
    public required string AudienceKind { get; init; }
    public Guid? AudienceUnitId { get; init; }
}

/// <summary>A planned activity moved to another time or place, or its topic and materials changed, before it was held.</summary>
[EventName("study.activity-rescheduled.v1")]
public sealed record StudyActivityRescheduled : StudyActivityEvent;

/// <summary>An event that states an activity's held record (attendance, duration) as it stands after the change.</summary>
public abstract record StudyActivityRecordEvent : StudyActivityEvent
{
    public DateTimeOffset HeldAt { get; init; }
    public int DurationMinutes { get; init; }
    /// <summary>The people present (checked in or marked by the secretary).</summary>
    public IReadOnlyList<Guid> AttendeeIds { get; init; } = [];
    public IReadOnlyList<Guid> AbsentWithReasonIds { get; init; } = [];
    public IReadOnlyList<Guid> AbsentIds { get; init; } = [];
    /// <summary>People outside the directory who attended (a united-front audience), counted only.</summary>
    public int ExternalAttendees { get; init; }
}

/// <summary>The activity took place and its record (attendance, minutes, duration) was filed.</summary>
[EventName("study.activity-held.v1")]
public sealed record StudyActivityHeld : StudyActivityRecordEvent
{
    public required DateTimeOffset RecordedAt { get; init; }
    /// <summary>Filed after the third working day after the meeting (三会一课 records are filed within 3 working days).</summary>
    public required bool RecordedLate { get; init; }
}

/// <summary>A held record was corrected; the original stays with the activity. Carries the record as it now stands.</summary>
[EventName("study.activity-amended.v1")]
public sealed record StudyActivityAmended : StudyActivityRecordEvent
{
    public required string Reason { get; init; }
}

[EventName("study.activity-cancelled.v1")]
public sealed record StudyActivityCancelled : StudyActivityEvent
{
    public required string Reason { get; init; }
}

/// <summary>An event of one member's self-study note; <see cref="IntegrationEvent.AggregateId"/> is the note.</summary>
public abstract record MemberStudyEvent : IntegrationEvent;

/// <summary>
/// A member recorded self-study of a material (自学). Deliberately without minutes or scores: national no-formalism
/// rules (2026) forbid judging people by study time, likes or check-ins.
/// </summary>
[EventName("study.member-study-recorded.v1")]
public sealed record MemberStudyRecorded : MemberStudyEvent
{
    public required Guid PersonId { get; init; }
    public Guid? MaterialId { get; init; }
    public required DateOnly StudiedOn { get; init; }
}

/// <summary>An event of one youth study group's host rotation; <see cref="IntegrationEvent.AggregateId"/> is the rotation.</summary>
public abstract record YouthGroupRotationEvent : IntegrationEvent;

/// <summary>A member hosts the youth study group (青年理论学习小组) for a two-month term (每2个月轮值).</summary>
[EventName("study.youth-group-host-assigned.v1")]
public sealed record YouthGroupHostAssigned : YouthGroupRotationEvent
{
    public required Guid GroupId { get; init; }
    public required Guid PersonId { get; init; }
    public required string DisplayName { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
}

/// <summary>An event of one entry of the materials library; <see cref="IntegrationEvent.AggregateId"/> is the material.</summary>
public abstract record StudyMaterialEvent : IntegrationEvent
{
    public Guid MaterialId { get; init; }
    public string Title { get; init; } = "";
}

/// <summary>
/// The office designated the material for study: the leadership team studies it as 第一议题 by
/// <see cref="FirstAgendaItemDue"/>, every branch by <see cref="BranchFollowUpDue"/> (China dates, inclusive).
/// </summary>
[EventName("study.material-designated.v1")]
public sealed record StudyMaterialDesignated : StudyMaterialEvent
{
    public required DateTimeOffset DesignatedAt { get; init; }
    public required DateOnly FirstAgendaItemDue { get; init; }
    public required DateOnly BranchFollowUpDue { get; init; }
}
