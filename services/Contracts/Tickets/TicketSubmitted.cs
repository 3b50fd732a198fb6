namespace BrandPlatform.Contracts.Tickets;

/// <summary>An enterprise-service ticket (企业服务工单) entered the closed loop.</summary>
[EventName("tickets.ticket-submitted.v1")]
public sealed record TicketSubmitted : IntegrationEvent
{
    public required Guid TicketId { get; init; }
    public required string Number { get; init; }
    /// <summary>Ticket category code (financing, land, approvals, labour, policy, relocation, project, other).</summary>
    public required string Category { get; init; }
    public required string EnterpriseName { get; init; }
    public required string UnifiedSocialCreditCode { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
