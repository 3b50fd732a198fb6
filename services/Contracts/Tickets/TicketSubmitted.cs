namespace BrandPlatform.Contracts.Tickets;

/// <summary>An enterprise-service ticket (企业服务工单) entered the closed loop.</summary>
[EventName("tickets.ticket-submitted.v1")]
public sealed record TicketSubmitted : TicketEvent
{
    public required string EnterpriseName { get; init; }
    public required string UnifiedSocialCreditCode { get; init; }
    /// <summary>portal, handler, visit, hotline or governmentSystem.</summary>
    public string Channel { get; init; } = "";
}
