namespace BrandPlatform.Contracts.Tickets;

/// <summary>
/// What every ticket event carries so reporting can keep its figures without asking back: the ticket, its class, its
/// units and its clocks as they stand after the change. Codes are camelCase (category, priority, state).
/// </summary>
public abstract record TicketEvent : IntegrationEvent
{
    public Guid TicketId { get; init; }
    public string Number { get; init; } = "";
    public string Category { get; init; } = "";
    public string Priority { get; init; } = "";
    /// <summary>enterprise or person (民营经济人士, 新阶层人士).</summary>
    public string RequesterKind { get; init; } = "";
    public Guid RequesterId { get; init; }
    /// <summary>The enterprise's unified social credit code; null for a person.</summary>
    public string? EnterpriseCode { get; init; }
    /// <summary>The requester's chamber of commerce when the ticket was filed.</summary>
    public Guid? ChamberId { get; init; }
    /// <summary>That chamber's name when the ticket was filed, so figures per chamber have a label.</summary>
    public string? ChamberName { get; init; }
    /// <summary>
    /// The government system (its client id) that filed the ticket; null when a person or a handler filed it. A
    /// system reads the figures of what it filed only.
    /// </summary>
    public string? FilingSystem { get; init; }
    /// <summary>The party-building brand (and its measure) the ticket was filed under, if any: a brand's page lists it.</summary>
    public Guid? BrandId { get; init; }
    public Guid? BrandMeasureId { get; init; }
    public string State { get; init; } = "";
    public Guid? LeadUnitId { get; init; }
    public IReadOnlyList<Guid> CoHandlingUnitIds { get; init; } = [];
    public DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? AcceptanceDue { get; init; }
    public DateTimeOffset? FirstContactDue { get; init; }
    /// <summary>When the lead unit first contacted the requester (handling started).</summary>
    public DateTimeOffset? FirstContactAt { get; init; }
    public DateTimeOffset? StageReplyDue { get; init; }
    /// <summary>The deadline as first set: on-time statistics use it even after an extension.</summary>
    public DateTimeOffset? OriginalResolutionDue { get; init; }
    public DateTimeOffset? ResolutionDue { get; init; }
    /// <summary>Working time spent paused (waiting for the requester), excluded from handling time.</summary>
    public TimeSpan PausedWorkingTime { get; init; }
}

[EventName("tickets.ticket-accepted.v1")]
public sealed record TicketAccepted : TicketEvent
{
    public required DateTimeOffset AcceptedAt { get; init; }
}

[EventName("tickets.ticket-rejected.v1")]
public sealed record TicketRejected : TicketEvent
{
    public required string Reason { get; init; }
}

[EventName("tickets.ticket-assigned.v1")]
public sealed record TicketAssigned : TicketEvent;

[EventName("tickets.ticket-paused.v1")]
public sealed record TicketPaused : TicketEvent
{
    public required string Reason { get; init; }
}

[EventName("tickets.ticket-resumed.v1")]
public sealed record TicketResumed : TicketEvent;

[EventName("tickets.ticket-responded.v1")]
public sealed record TicketResponded : TicketEvent
{
    public required DateTimeOffset RespondedAt { get; init; }
}

[EventName("tickets.ticket-resolved.v1")]
public sealed record TicketResolved : TicketEvent
{
    public required DateTimeOffset ResolvedAt { get; init; }
    /// <summary>Working hours from acceptance to resolution, pauses excluded.</summary>
    public required double HandlingWorkingHours { get; init; }
}

[EventName("tickets.ticket-confirmed.v1")]
public sealed record TicketConfirmed : TicketEvent
{
    /// <summary>satisfied, basicallySatisfied or dissatisfied.</summary>
    public required string Satisfaction { get; init; }
}

[EventName("tickets.ticket-reopened.v1")]
public sealed record TicketReopened : TicketEvent
{
    public required string Reason { get; init; }
}

[EventName("tickets.ticket-withdrawn.v1")]
public sealed record TicketWithdrawn : TicketEvent
{
    public required string Reason { get; init; }
}

/// <summary>A reminder to the handling unit before the resolution deadline.</summary>
[EventName("tickets.ticket-reminded.v1")]
public sealed record TicketReminded : TicketEvent;

/// <summary>The ladder's steps, as the ticket's timeline names them and <see cref="TicketEscalated.Step"/> carries them.</summary>
public static class LadderSteps
{
    public const string Remind = "remind";
    public const string Urge = "urge";
    public const string Supervise = "supervise";
    public const string Publicise = "publicise";
}

/// <summary>
/// A step of the escalation ladder: urge (催办, the working day after the deadline was missed), supervise (督办单 to the
/// liaison leader) or publicise (通报), or urge after a dissatisfied confirmation.
/// </summary>
[EventName("tickets.ticket-escalated.v1")]
public sealed record TicketEscalated : TicketEvent
{
    public required string Step { get; init; }
    /// <summary>The liaison leader a supervision order (督办单) goes to.</summary>
    public Guid? LeaderId { get; init; }
}

/// <summary>
/// The office approved an extension: <see cref="TicketEvent.ResolutionDue"/> is the new deadline, while
/// <see cref="TicketEvent.OriginalResolutionDue"/> stays for on-time statistics. The requester is told.
/// </summary>
[EventName("tickets.ticket-extended.v1")]
public sealed record TicketExtended : TicketEvent
{
    public required string Reason { get; init; }
}

/// <summary>回访: office staff called the requester about a resolved ticket.</summary>
[EventName("tickets.ticket-return-visited.v1")]
public sealed record TicketReturnVisited : TicketEvent
{
    public required bool Answered { get; init; }
    /// <summary>satisfied, basicallySatisfied or dissatisfied when answered.</summary>
    public string? Satisfaction { get; init; }
    public bool? ReallySolved { get; init; }
    /// <summary>The requester said someone asked for something improper (吃拿卡要).</summary>
    public bool? ImproperRequest { get; init; }
}
