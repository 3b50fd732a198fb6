using BrandPlatform.Tickets.Domain;

namespace BrandPlatform.Tickets.Features;

public sealed record TicketResponse(
    Guid Id,
    string Number,
    string Title,
    TicketCategory Category,
    string Description,
    string EnterpriseName,
    string UnifiedSocialCreditCode,
    TicketState State,
    DateTimeOffset SubmittedAt)
{
    public static TicketResponse From(Ticket ticket) => new(
        ticket.Id, ticket.Number.Value, ticket.Title, ticket.Category, ticket.Description, ticket.EnterpriseName,
        ticket.UnifiedSocialCreditCode, ticket.State, ticket.SubmittedAt);
}
