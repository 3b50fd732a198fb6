namespace BrandPlatform.Portal.Components.Tickets;

// The tickets API's answers as the screens read them (its OpenAPI document, /openapi/tickets.json). Enum values stay the
// API's camelCase names: the screens only show them through TicketText and send them back unchanged.

public sealed record TicketView(
    Guid Id, string Number, string Title, string Category, string Description, string RequesterName, string? UnifiedSocialCreditCode,
    string Priority, string Channel, string State, Guid? LeadUnitId, IReadOnlyList<Guid> CoHandlingUnitIds, DateTimeOffset SubmittedAt,
    TicketClocks Deadlines, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, string? Satisfaction, double PausedWorkingHours,
    string EscalationLevel, int Version, TicketObjection? Objection = null, TicketExtension? Extension = null);

/// <summary>An objection to the assignment waiting for the office.</summary>
public sealed record TicketObjection(string Reason, DateTimeOffset RaisedAt, string RaisedBy, DateTimeOffset DecisionDue);

/// <summary>An extension request waiting for the office.</summary>
public sealed record TicketExtension(DateTimeOffset RequestedDue, string Reason, DateTimeOffset RequestedAt, string RequestedBy);

public sealed record TicketClocks(
    DateTimeOffset Acceptance, DateTimeOffset FirstContact, DateTimeOffset? StageReply, DateTimeOffset? Resolution, DateTimeOffset? OriginalResolution);

/// <summary>A queue row: the deadline that matters now and the working hours left to it (negative when overdue).</summary>
public sealed record QueueItem(TicketView Ticket, DateTimeOffset Due, double WorkingHoursRemaining, bool Overdue);

public sealed record TimelineEntry(
    DateTimeOffset At, string Action, string? FromState, string ToState, string ActorName, string? ActorRole, Guid? UnitId, string? Note);

public sealed record HandlingUnit(Guid Id, string Kind, string Name);

public sealed record WithdrawalItem(TicketView Ticket, DateTimeOffset WithdrawnAt, WithdrawalReview? Review);

public sealed record WithdrawalReview(DateTimeOffset ReviewedAt, bool PressedByUnit, string? Note);

public sealed record SupervisionOrder(
    Guid Id, Guid TicketId, string TicketNumber, string TicketTitle, DateTimeOffset IssuedAt, string? Instructions,
    DateTimeOffset? InstructedAt, string? Answer, DateTimeOffset? AnsweredAt, IReadOnlyList<SupervisionEntry> History);

public sealed record SupervisionEntry(string Kind, string Text, string By, DateTimeOffset At);

/// <summary>A file the requester adds, described as the API takes it (the bytes go to the document store).</summary>
public sealed record AttachmentDescription(string FileName, string ContentType, long SizeBytes, string Sha256);
