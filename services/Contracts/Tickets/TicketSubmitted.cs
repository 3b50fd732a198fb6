namespace BrandPlatform.Contracts.Tickets;

/// <summary>An enterprise-service ticket (企业服务工单) entered the closed loop.</summary>
[EventName("tickets.ticket-submitted.v1")]
public sealed record TicketSubmitted : TicketEvent
{
    /// <summary>The enterprise's or the person's name; the enterprise's credit code is <see cref="TicketEvent.EnterpriseCode"/>.</summary>
    public required string RequesterName { get; init; }
    /// <summary>portal, handler, visit, hotline or governmentSystem.</summary>
    public string Channel { get; init; } = "";
}
