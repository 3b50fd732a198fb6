namespace BrandPlatform.Contracts.Supervision;

// The supervision office's document register (文件不过夜) and its 错情通报 register. Each family is one aggregate's
// history, numbered by that aggregate: a received document, a reminder that one is still open at a day's close, an
// error found in an outgoing document.

/// <summary>An event of one received document; <see cref="IntegrationEvent.AggregateId"/> is the document.</summary>
public abstract record ReceivedDocumentEvent : IntegrationEvent
{
    public Guid DocumentId { get; init; }
    /// <summary>The document's number (文号).</summary>
    public string Number { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>important (要事即办), urgent (急事快办), special (特事特办) or ordinary.</summary>
    public string Priority { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public Guid? AssigneeUnitId { get; init; }
    public Guid? AssigneePersonId { get; init; }
    /// <summary>received, assigned or handled.</summary>
    public string State { get; init; } = "";
}

[EventName("supervision.document-received.v1")]
public sealed record DocumentReceived : ReceivedDocumentEvent;

/// <summary>The office gave the document to a department or a person (again: the new assignee replaces the old).</summary>
[EventName("supervision.document-assigned.v1")]
public sealed record DocumentAssigned : ReceivedDocumentEvent;

/// <summary>The document was answered (办结) or filed (归档).</summary>
[EventName("supervision.document-handled.v1")]
public sealed record DocumentHandled : ReceivedDocumentEvent
{
    /// <summary>answered or filed.</summary>
    public required string Outcome { get; init; }
    public required DateTimeOffset HandledAt { get; init; }
    public required bool OnTime { get; init; }
}

/// <summary>An event of one close-of-day reminder; <see cref="IntegrationEvent.AggregateId"/> is the reminder.</summary>
public abstract record DocumentReminderEvent : IntegrationEvent
{
    public Guid ReminderId { get; init; }
    public Guid DocumentId { get; init; }
    /// <summary>The working day at whose close the document was still open.</summary>
    public DateOnly Day { get; init; }
}

/// <summary>A document was still open at a working day's close: its assignee (or the office, when unassigned) is reminded.</summary>
[EventName("supervision.document-reminder-due.v1")]
public sealed record DocumentReminderDue : DocumentReminderEvent
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public Guid? AssigneeUnitId { get; init; }
    public Guid? AssigneePersonId { get; init; }
}

/// <summary>An event of one error report (错情); <see cref="IntegrationEvent.AggregateId"/> is the report.</summary>
public abstract record DocumentErrorEvent : IntegrationEvent
{
    public Guid ErrorId { get; init; }
    public string DocumentNumber { get; init; } = "";
    /// <summary>A code of Supervision:DocumentErrors:Types (typo, format, numbering, ...).</summary>
    public string ErrorType { get; init; } = "";
    /// <summary>preIssue or postIssue.</summary>
    public string Stage { get; init; } = "";
    public Guid DepartmentId { get; init; }
    public Guid DrafterId { get; init; }
    public DateOnly FoundOn { get; init; }
}

[EventName("supervision.document-error-recorded.v1")]
public sealed record DocumentErrorRecorded : DocumentErrorEvent;
