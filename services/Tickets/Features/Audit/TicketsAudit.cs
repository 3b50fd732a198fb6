using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Infrastructure;

namespace BrandPlatform.Tickets.Features.Audit;

/// <summary>
/// The tickets service's audit: changes to who receives and sees what (requester profiles, the routing table, chambers
/// and their leader links, webhook subscriptions) and the supervision orders' instructions and answers. Administrators
/// and the office read it.
/// </summary>
public static class TicketsAudit
{
    public const string RequesterRegistered = "requester-registered";
    public const string RequesterUpdated = "requester-updated";
    public const string RouteSet = "route-set";
    public const string ChamberUpdated = "chamber-updated";
    public const string LeaderLinked = "leader-linked";
    public const string LeaderLinkEnded = "leader-link-ended";
    public const string WebhookSubscribed = "webhook-subscribed";
    public const string WebhookCancelled = "webhook-cancelled";
    public const string SupervisionInstructed = "supervision-instructed";
    public const string SupervisionAnswered = "supervision-answered";

    public static RouteGroupBuilder MapTicketsAudit(this RouteGroupBuilder tickets)
    {
        tickets.MapAuditLog<TicketsDbContext>()
            .RequirePersonAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("ListTicketsAuditEntries")
            .WithSummary("Newest audit entries first (requester profiles, routing, chambers, webhooks, supervision); filter by action, actor or target, page with beforeId");
        return tickets;
    }
}
