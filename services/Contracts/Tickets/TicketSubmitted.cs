namespace BrandPlatform.Contracts.Tickets;

/// <summary>An enterprise-service ticket (企业服务工单) entered the closed loop.</summary>
[EventName("tickets.ticket-submitted.v1")]
public sealed record TicketSubmitted : TicketEvent
{
    /// <summary>The enterprise's or the person's name; the enterprise's credit code is <see cref="TicketEvent.EnterpriseCode"/>.</summary>
    public required string RequesterName { get; init; }
    /// <summary>portal, handler, visit, hotline, governmentSystem, event, project or community.</summary>
    public string Channel { get; init; } = "";
    /// <summary>
    /// Where the ticket came from when another system or service filed it: the filing government system's client id, or
    /// liaison for a problem raised on a visit, with that record's reference (liaison: the problem's id). Optional
    /// members added later: consumers that do not know them ignore them, so the event keeps its name.
    /// </summary>
    public string? ExternalSource { get; init; }
    public string? ExternalReference { get; init; }
}
