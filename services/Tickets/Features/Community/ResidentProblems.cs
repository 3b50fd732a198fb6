using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Infrastructure;

namespace BrandPlatform.Tickets.Features.Community;

/// <summary>
/// A resident's problem (急难愁盼) a member met during a community service (我为群众办实事) becomes a ticket filed on the
/// resident's behalf, channel community, whose external reference is the problem; the member who raised it filed it
/// (queue tickets-resident-problems). The office routes it by its 民生 category like any other.
/// </summary>
public sealed class ResidentProblems(TicketsDbContext db, DeadlinePolicy deadlines, TimeProvider timeProvider, ILogger<ResidentProblems> logger)
    : InboxConsumer<ResidentProblemRaised, TicketsDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(ResidentProblemRaised problem, CancellationToken cancellationToken)
    {
        var external = new ExternalReference(ResidentProblemEvent.TicketSource, problem.ProblemId.ToString());
        if (await Db.FiledAsync(external, cancellationToken))
        {
            return; // filed already (the same problem announced again under another message id)
        }
        var now = Time.GetUtcNow();
        var requester = await RequesterProfiles.ForResidentAsync(Db, problem.ResidentName, problem.ResidentPhone, now, cancellationToken);
        var category = EnumCodes.TryFromCode<TicketCategory>(problem.Category, out var known) ? known : TicketCategory.Other;
        var ticket = Ticket.Submit(
            await Db.NextAsync(now, cancellationToken), problem.Title, category, problem.Description, requester, requester.Name, null,
            TicketPriority.Normal, TicketChannel.Community, external, [],
            new TicketActor(problem.RaisedById.ToString(), problem.RaisedByName, PlatformRoles.Member, null), deadlines, now);
        Db.Tickets.Add(ticket);
    }
}
