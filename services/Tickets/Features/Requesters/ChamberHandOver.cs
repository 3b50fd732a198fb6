using BrandPlatform.Platform.Hosting;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Requesters;

/// <summary>
/// Hands each chamber kept here before liaison owned chambers over to liaison, once: announced as ChamberHandedOver, in
/// the same commit that marks it handed over (<see cref="Domain.Chamber.HandOver"/>). Runs at start and then hourly, one
/// replica at a time (the pass holds its advisory lock); after the first pass of an upgraded system it finds nothing.
/// </summary>
public sealed class ChamberHandOver(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChamberHandOver> logger) : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        HandOverAsync(services.GetRequiredService<TicketsDbContext>(), Clock.GetUtcNow(), cancellationToken);

    /// <summary>One pass: every chamber kept here before and not handed over yet, announced and marked in one commit.</summary>
    /// <returns>How many chambers were handed over.</returns>
    public static async Task<int> HandOverAsync(TicketsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kept = await db.Chambers.Where(c => c.OrganisationId == null && c.HandedOverAt == null).ToListAsync(cancellationToken);
        foreach (var chamber in kept)
        {
            chamber.HandOver(now);
        }
        // The chamber's event version is a concurrency token: a pass that raced another (a replica without the lock)
        // fails here rather than announcing a chamber twice.
        await db.SaveChangesAsync(cancellationToken);
        return kept.Count;
    }
}
