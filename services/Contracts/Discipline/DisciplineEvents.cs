namespace BrandPlatform.Contracts.Discipline;

// The discipline-education service (纪律教育) announces 一季一警示 campaigns, the branches' warning sessions, members'
// integrity quizzes and make-ups, yearly integrity pledges and the reminders before holidays (八小时之外). Each family is
// one aggregate's history, numbered by that aggregate. Scores are a member's own: events carry them for the programme's
// figures (reporting shows pass rates per branch, never a person's score to anyone else).

/// <summary>An event of one quarterly warning campaign; <see cref="IntegrationEvent.AggregateId"/> is the campaign.</summary>
public abstract record WarningCampaignEvent : IntegrationEvent
{
    public Guid CampaignId { get; init; }
    public int Year { get; init; }
    public int Quarter { get; init; }
    public string Theme { get; init; } = "";
    /// <summary>The warning cases (警示案例) the campaign studies; a make-up reads them all.</summary>
    public IReadOnlyList<Guid> CaseIds { get; init; } = [];
    /// <summary>Warning sessions every branch holds during the campaign.</summary>
    public int RequiredSessionsPerBranch { get; init; }
    /// <summary>launched or closed.</summary>
    public string State { get; init; } = "";
}

/// <summary>The office launched the quarter's campaign (一季一警示) with its quiz paper drawn from the question bank.</summary>
[EventName("discipline.warning-campaign-launched.v1")]
public sealed record WarningCampaignLaunched : WarningCampaignEvent
{
    public required int QuizQuestionCount { get; init; }
    /// <summary>The score (out of 100) that passes the quiz.</summary>
    public required int PassMark { get; init; }
    public required int TimeLimitMinutes { get; init; }
}

/// <summary>The campaign ended: no more sessions, make-ups or quiz attempts count for it.</summary>
[EventName("discipline.warning-campaign-closed.v1")]
public sealed record WarningCampaignClosed : WarningCampaignEvent;

/// <summary>An event of one branch's warning session; <see cref="IntegrationEvent.AggregateId"/> is the session.</summary>
public abstract record WarningSessionEvent : IntegrationEvent
{
    public Guid SessionId { get; init; }
    public Guid CampaignId { get; init; }
    public Guid BranchId { get; init; }
    public string Topic { get; init; } = "";
    public DateTimeOffset PlannedStart { get; init; }
    public DateTimeOffset PlannedEnd { get; init; }
    /// <summary>planned, held or cancelled.</summary>
    public string State { get; init; } = "";
}

[EventName("discipline.warning-session-scheduled.v1")]
public sealed record WarningSessionScheduled : WarningSessionEvent;

/// <summary>The session took place; its attendance as filed by the branch's keepers (check-ins, marks, the roster).</summary>
[EventName("discipline.warning-session-held.v1")]
public sealed record WarningSessionHeld : WarningSessionEvent
{
    public required DateTimeOffset HeldAt { get; init; }
    public required int DurationMinutes { get; init; }
    public IReadOnlyList<Guid> AttendeeIds { get; init; } = [];
    public IReadOnlyList<Guid> AbsentWithReasonIds { get; init; } = [];
    public IReadOnlyList<Guid> AbsentIds { get; init; } = [];
}

[EventName("discipline.warning-session-cancelled.v1")]
public sealed record WarningSessionCancelled : WarningSessionEvent
{
    public required string Reason { get; init; }
}

/// <summary>An event of one member's quiz attempt; <see cref="IntegrationEvent.AggregateId"/> is the attempt.</summary>
public abstract record QuizAttemptEvent : IntegrationEvent
{
    public Guid AttemptId { get; init; }
    public Guid CampaignId { get; init; }
    public Guid PersonId { get; init; }
    /// <summary>1 for the member's first attempt at the campaign's quiz; a reopened quiz gives the next number.</summary>
    public int Number { get; init; }
}

/// <summary>A member submitted the campaign's quiz (廉政知识测试) within the time limit and it was scored.</summary>
[EventName("discipline.quiz-completed.v1")]
public sealed record QuizCompleted : QuizAttemptEvent
{
    /// <summary>Out of 100.</summary>
    public required int Score { get; init; }
    public required bool Passed { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>The office reopened a member's quiz: the attempt no longer counts and the member may take another.</summary>
[EventName("discipline.quiz-reopened.v1")]
public sealed record QuizReopened : QuizAttemptEvent
{
    public required string Reason { get; init; }
}

/// <summary>An event of one member's make-up for a campaign; <see cref="IntegrationEvent.AggregateId"/> is the make-up.</summary>
public abstract record WarningMakeUpEvent : IntegrationEvent
{
    public Guid MakeUpId { get; init; }
    public Guid CampaignId { get; init; }
    public Guid PersonId { get; init; }
}

/// <summary>A member who missed the campaign's sessions read every case of the campaign and passed its quiz (补学).</summary>
[EventName("discipline.warning-make-up-completed.v1")]
public sealed record WarningMakeUpCompleted : WarningMakeUpEvent
{
    public required DateTimeOffset CompletedAt { get; init; }
}

/// <summary>An event of one member's yearly integrity pledge; <see cref="IntegrationEvent.AggregateId"/> is the signature.</summary>
public abstract record IntegrityPledgeEvent : IntegrationEvent
{
    public Guid SignatureId { get; init; }
    public int Year { get; init; }
    public Guid PersonId { get; init; }
}

/// <summary>A member signed the year's integrity pledge (廉政承诺书) for their role; a signature never changes.</summary>
[EventName("discipline.pledge-signed.v1")]
public sealed record PledgeSigned : IntegrityPledgeEvent
{
    public required Guid PledgeTextId { get; init; }
    /// <summary>leadershipTeamMember or partyMember.</summary>
    public required string Role { get; init; }
    /// <summary>The branch the member belonged to when signing, if any.</summary>
    public Guid? BranchId { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>An event of one integrity reminder (八小时之外); <see cref="IntegrationEvent.AggregateId"/> is the reminder.</summary>
public abstract record IntegrityReminderEvent : IntegrationEvent
{
    public Guid ReminderId { get; init; }
}

/// <summary>A reminder before a public holiday went to every member (节前廉政提醒).</summary>
[EventName("discipline.integrity-reminder-issued.v1")]
public sealed record IntegrityReminderIssued : IntegrityReminderEvent
{
    public required string Holiday { get; init; }
    public required DateOnly HolidayFrom { get; init; }
    public required DateOnly HolidayTo { get; init; }
    public required int RecipientCount { get; init; }
}
