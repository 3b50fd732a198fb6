using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Infrastructure;

namespace BrandPlatform.Tickets.Features.Liaison;

/// <summary>
/// A problem an enterprise raised to a liaison cadre on a visit or at an engagement event becomes a ticket filed on the
/// enterprise's behalf (channel visit, event or project), whose external reference is the problem: liaison links the visit to the ticket from the ticket's
/// events, and the ticket names where it came from (queue tickets-raised-problems).
/// </summary>
public sealed class RaisedProblems(TicketsDbContext db, DeadlinePolicy deadlines, TimeProvider timeProvider, ILogger<RaisedProblems> logger)
    : InboxConsumer<ProblemRaised, TicketsDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(ProblemRaised problem, CancellationToken cancellationToken)
    {
        var external = new ExternalReference(RaisedProblemEvent.TicketSource, problem.ProblemId.ToString());
        if (await Db.FiledAsync(external, cancellationToken))
        {
            return; // filed already (the same problem announced again under another message id)
        }
        var now = Time.GetUtcNow();
        var creditCode = UnifiedSocialCreditCode.Normalize(problem.EnterpriseCreditCode);
        var requester = await RequesterProfiles.ForEnterpriseAsync(Db, problem.EnterpriseName, creditCode, now, cancellationToken);
        var chamberName = await RequesterProfiles.ChamberNameAsync(Db, requester, cancellationToken);
        var category = EnumCodes.TryFromCode<TicketCategory>(problem.Category, out var known) ? known : TicketCategory.Other;
        var ticket = Ticket.Submit(
            await Db.NextAsync(now, cancellationToken), problem.Title, category, problem.Description, requester, problem.EnterpriseName, chamberName,
            TicketPriority.Normal, ChannelOf(problem), external, [],
            new TicketActor(problem.RaisedById.ToString(), problem.RaisedByName, PlatformRoles.Member, null), deadlines, now);
        Db.Tickets.Add(ticket);
    }

    private static TicketChannel ChannelOf(ProblemRaised problem) => problem.Origin switch
    {
        RaisedProblemEvent.EngagementEventOrigin => TicketChannel.Event,
        RaisedProblemEvent.KeyProjectOrigin => TicketChannel.Project,
        _ => TicketChannel.Visit,
    };
}
