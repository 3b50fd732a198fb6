using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Tickets.Features.Escalation;

/// <summary>One pass of the ladder over the open tickets whose deadline is near or past.</summary>
public sealed partial class EscalationRun(
    TicketsDbContext db, DeadlinePolicy deadlines, IOptions<EscalationPolicy> options, TimeProvider clock, ILogger<EscalationRun> logger)
{
    private const int BatchSize = 200;

    private static readonly TicketState[] Escalating =
        [TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Reopened];

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!deadlines.Calendar.IsWorkingTime(now))
        {
            return 0;
        }
        var policy = options.Value;
        var horizon = deadlines.Calendar.AddWorkingTime(now, policy.ReminderWindow);
        var today = ChinaCalendar.DateOf(now);
        var steps = 0;
        // Every candidate is looked at, a batch at a time in deadline order: tickets waiting for their next step must
        // not keep those behind them from their first.
        (DateTimeOffset Due, Guid Id)? after = null;
        while (true)
        {
            var candidates = db.Tickets.Where(t => Escalating.Contains(t.State) && t.ResolutionDue != null && t.ResolutionDue <= horizon
                && t.EscalationLevel != EscalationLevel.Publicised);
            if (after is { } last)
            {
                var (due, id) = last;
                candidates = candidates.Where(t => t.ResolutionDue > due || (t.ResolutionDue == due && t.Id.CompareTo(id) > 0));
            }
            var batch = await candidates.OrderBy(t => t.ResolutionDue).ThenBy(t => t.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            var chamberIds = batch.Where(t => t.ChamberId != null).Select(t => t.ChamberId!.Value).Distinct().ToList();
            var chambers = await db.Chambers.AsNoTracking().Include(c => c.LeaderLinks).Where(c => chamberIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, cancellationToken);
            // 督办单 go to the leader linked to the requester's chamber that day; requesters without one to the fallback leader.
            var taken = batch.Count(ticket => ticket.AdvanceEscalation(policy, deadlines,
                (ticket.ChamberId is { } chamber ? chambers.GetValueOrDefault(chamber)?.LeaderOn(today) : null) ?? policy.FallbackLeaderId, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                steps += taken;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed one of these tickets meanwhile; the next pass looks at this batch again.
                LogConcurrentChange(logger);
            }
            db.ChangeTracker.Clear();
            after = (batch[^1].ResolutionDue!.Value, batch[^1].Id);
        }
        if (steps > 0)
        {
            LogSteps(logger, steps);
        }
        return steps;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation ladder: {Steps} steps taken")]
    private static partial void LogSteps(ILogger logger, int steps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation ladder: a ticket changed during the pass; it is looked at again next time")]
    private static partial void LogConcurrentChange(ILogger logger);
}

/// <summary>Runs the ladder every Tickets:Escalation:Interval; the clock is the service's TimeProvider.</summary>
public sealed class EscalationScheduler(
    IServiceScopeFactory scopes, IOptions<EscalationPolicy> options, TimeProvider clock, ILogger<EscalationScheduler> logger)
    : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<EscalationRun>().RunOnceAsync(cancellationToken);
}
