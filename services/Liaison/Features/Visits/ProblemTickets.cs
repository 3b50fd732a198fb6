using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Visits;

/// <summary>
/// What became of each raised problem: the ticket the tickets service filed for it (its submission names the problem
/// as its external reference) and the state of that ticket, from every ticket event in the ticket's order (queue
/// liaison-problem-tickets). Tickets filed for anything else change nothing here.
/// </summary>
[ProjectionName("problem-tickets")]
public sealed class ProblemTickets(LiaisonDbContext db, TimeProvider timeProvider, ILogger<ProblemTickets> logger)
    : VersionedProjection<TicketEvent, LiaisonDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(TicketEvent ticketEvent, CancellationToken cancellationToken)
    {
        if (ticketEvent is TicketSubmitted { ExternalSource: RaisedProblemEvent.TicketSource, ExternalReference: var reference } submitted
            && Guid.TryParse(reference, out var problemId))
        {
            var filed = await Db.Problems.SingleOrDefaultAsync(p => p.Id == problemId, cancellationToken);
            filed?.Filed(submitted.TicketId, submitted.Number, submitted.State);
            return;
        }
        var problem = await Db.Problems.SingleOrDefaultAsync(p => p.TicketId == ticketEvent.TicketId, cancellationToken);
        problem?.TicketMoved(ticketEvent.State, ticketEvent.OccurredAt);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) =>
        Db.Problems.Where(p => p.TicketId != null).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.TicketId, (Guid?)null).SetProperty(p => p.TicketNumber, (string?)null).SetProperty(p => p.TicketState, (string?)null)
            .SetProperty(p => p.SolvedAt, (DateTimeOffset?)null),
            cancellationToken);
}
