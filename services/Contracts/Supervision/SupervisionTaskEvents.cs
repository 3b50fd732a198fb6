namespace BrandPlatform.Contracts.Supervision;

// 督办 (日常任务清单): the supervision office's tasks, from a decision, an upper-level requirement, a brand measure or a
// rectification item, planned backwards from their deadlines, reported on at a cadence and closed with evidence. Each
// task's events are one history numbered by the task; each reminder is an aggregate of its own (one event).

/// <summary>An event of one supervision task; <see cref="IntegrationEvent.AggregateId"/> is the task.</summary>
public abstract record SupervisionTaskEvent : IntegrationEvent
{
    public Guid TaskId { get; init; }
    public string Title { get; init; } = "";
    /// <summary>decision, upperRequirement, brandMeasure, rectification or practicalMatter (a community practical matter: the task id is the matter id).</summary>
    public string Source { get; init; } = "";
    public Guid OwnerUnitId { get; init; }
    public Guid OwnerPersonId { get; init; }
    /// <summary>A China date.</summary>
    public DateOnly Deadline { get; init; }
    public Guid? BrandId { get; init; }
    public Guid? MeasureId { get; init; }
    /// <summary>inProgress, closureRequested or closed.</summary>
    public string State { get; init; } = "";
}

/// <summary>The office put a task on the list, with its milestones.</summary>
[EventName("supervision.task-created.v1")]
public sealed record SupervisionTaskCreated : SupervisionTaskEvent
{
    /// <summary>weekly, fortnightly or monthly.</summary>
    public required string FeedbackCadence { get; init; }
    public IReadOnlyList<DateOnly> MilestoneDues { get; init; } = [];
}

/// <summary>The owner adjusted the milestones (倒排进度).</summary>
[EventName("supervision.task-milestones-changed.v1")]
public sealed record SupervisionTaskMilestonesChanged : SupervisionTaskEvent
{
    public IReadOnlyList<DateOnly> MilestoneDues { get; init; } = [];
}

/// <summary>The owner reported progress (定期反馈).</summary>
[EventName("supervision.task-feedback-given.v1")]
public sealed record SupervisionTaskFeedbackGiven : SupervisionTaskEvent
{
    public required Guid FeedbackId { get; init; }
    public IReadOnlyList<Guid> MilestonesReached { get; init; } = [];
}

/// <summary>The owner asked the office to close the task, with evidence.</summary>
[EventName("supervision.task-closure-requested.v1")]
public sealed record SupervisionTaskClosureRequested : SupervisionTaskEvent
{
    public required DateOnly RequestedOn { get; init; }
}

/// <summary>The office accepted the evidence: the task is closed, on time when closure was asked for by the deadline.</summary>
[EventName("supervision.task-closed.v1")]
public sealed record SupervisionTaskClosed : SupervisionTaskEvent
{
    public required DateOnly ClosedOn { get; init; }
    public required bool OnTime { get; init; }
}

/// <summary>The office returned the closure request: the task is in progress again.</summary>
[EventName("supervision.task-returned.v1")]
public sealed record SupervisionTaskReturned : SupervisionTaskEvent
{
    public required string Reason { get; init; }
}

/// <summary>A reminder of one task's milestone or missing feedback; <see cref="IntegrationEvent.AggregateId"/> is the reminder.</summary>
public abstract record SupervisionTaskReminderEvent : IntegrationEvent
{
    public Guid ReminderId { get; init; }
    public Guid TaskId { get; init; }
}

/// <summary>A reminder is due to the task's owner; a notifier delivers it.</summary>
[EventName("supervision.task-reminder-due.v1")]
public sealed record SupervisionTaskReminderDue : SupervisionTaskReminderEvent
{
    /// <summary>milestone (one working day before it) or feedback (the cadence's feedback is missing).</summary>
    public required string Kind { get; init; }
    public required Guid RecipientId { get; init; }
    public required string TaskTitle { get; init; }
    /// <summary>The milestone's due date, or the date the missing feedback was due.</summary>
    public required DateOnly DueOn { get; init; }
    public Guid? MilestoneId { get; init; }
    public string Message { get; init; } = "";
}
