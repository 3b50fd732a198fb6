using BrandPlatform.Platform.Programme;
using BrandPlatform.Tickets.Domain;

namespace BrandPlatform.Tickets.Features;

public sealed record TicketResponse(
    Guid Id,
    string Number,
    string Title,
    TicketCategory Category,
    string Description,
    Guid RequesterId,
    RequesterKind RequesterKind,
    string RequesterName,
    string? UnifiedSocialCreditCode,
    Guid? ChamberId,
    TicketPriority Priority,
    TicketChannel Channel,
    TicketState State,
    Guid? LeadUnitId,
    IReadOnlyList<Guid> CoHandlingUnitIds,
    DateTimeOffset SubmittedAt,
    TicketResponse.Clocks Deadlines,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    Satisfaction? Satisfaction,
    double PausedWorkingHours,
    EscalationLevel EscalationLevel,
    PendingObjection? Objection,
    PendingExtension? Extension,
    Guid? BrandId,
    Guid? BrandMeasureId,
    IReadOnlyList<PolicyCitation> CitedPolicies,
    int Version)
{
    public sealed record Clocks(
        DateTimeOffset Acceptance, DateTimeOffset FirstContact, DateTimeOffset? StageReply, DateTimeOffset? Resolution,
        DateTimeOffset? OriginalResolution);

    public static TicketResponse From(Ticket ticket) => new(
        ticket.Id, ticket.Number.Value, ticket.Title, ticket.Category, ticket.Description, ticket.RequesterId, ticket.RequesterKind,
        ticket.RequesterName, ticket.UnifiedSocialCreditCode, ticket.ChamberId, ticket.Priority, ticket.Channel, ticket.State,
        ticket.LeadUnitId, ticket.CoHandlingUnitIds, ticket.SubmittedAt,
        new Clocks(ticket.AcceptanceDue, ticket.FirstContactDue, ticket.StageReplyDue, ticket.ResolutionDue, ticket.OriginalResolutionDue),
        ticket.AcceptedAt, ticket.FirstContactAt, ticket.RespondedAt, ticket.ResolvedAt, ticket.ClosedAt, ticket.Satisfaction,
        Math.Round(ticket.PausedWorkingTime.TotalHours, 2), ticket.EscalationLevel, ticket.Objection, ticket.Extension,
        ticket.BrandId, ticket.BrandMeasureId, ticket.CitedPolicies, ticket.Version);

    /// <summary>The entity tag of a ticket's current version, for If-Match.</summary>
    public static string ETagOf(Ticket ticket) => $"\"{ticket.Version}\"";
}
