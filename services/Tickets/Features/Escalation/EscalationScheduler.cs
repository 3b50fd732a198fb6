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
        var candidates = await db.Tickets
            .Where(t => Escalating.Contains(t.State) && t.ResolutionDue != null && t.ResolutionDue <= horizon
                && t.EscalationLevel != EscalationLevel.Publicised)
            .OrderBy(t => t.ResolutionDue).Take(200)
            .ToListAsync(cancellationToken);
        var chamberIds = candidates.Where(t => t.ChamberId != null).Select(t => t.ChamberId!.Value).Distinct().ToList();
        var chambers = await db.Chambers.AsNoTracking().Include(c => c.LeaderLinks).Where(c => chamberIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var today = ChinaCalendar.DateOf(now);
        // 督办单 go to the leader linked to the requester's chamber that day; requesters without one to the fallback leader.
        var steps = candidates.Count(ticket => ticket.AdvanceEscalation(policy, deadlines,
            (ticket.ChamberId is { } chamber ? chambers.GetValueOrDefault(chamber)?.LeaderOn(today) : null) ?? policy.FallbackLeaderId, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed one of these tickets meanwhile; the next pass looks again.
            LogConcurrentChange(logger);
            db.ChangeTracker.Clear();
            return 0;
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
