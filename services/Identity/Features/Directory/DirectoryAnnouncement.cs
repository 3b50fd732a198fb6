using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>
/// At start the directory announces its units again through the outbox. RabbitMQ drops an event that no queue
/// is bound for yet, so a service that subscribes later (a new service, or one upgraded to keep units) would otherwise
/// never learn the units that existed before it; the AppHost starts identity after its subscribers for this reason.
/// Replicas starting together announce once: under a lock, a replica skips it when the outbox shows an announcement
/// made since it began to start (another replica's, while this one waited); a later restart announces again.
/// </summary>
public sealed partial class DirectoryAnnouncement(
    IServiceScopeFactory scopes, DatabaseLocks locks, ReplicaStart replicaStart, TimeProvider timeProvider, ILogger<DirectoryAnnouncement> logger)
    : IHostedService
{
    private static readonly string EventName = EventNameAttribute.Of(typeof(OrganisationUnitAnnounced));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var turn = await locks.TakeAsync(nameof(DirectoryAnnouncement), cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var since = replicaStart.At;
        if (await db.Set<OutboxMessage>().AnyAsync(m => m.EventName == EventName && m.OccurredAt >= since, cancellationToken))
        {
            LogAlreadyAnnounced(logger);
            return;
        }
        var now = timeProvider.GetUtcNow();
        var units = await db.OrganisationUnits.ToListAsync(cancellationToken);
        units.ForEach(unit => unit.Announce(now));
        await db.SaveChangesAsync(cancellationToken);
        LogAnnounced(logger, units.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory: {Units} units announced again for late subscribers")]
    private static partial void LogAnnounced(ILogger logger, int units);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory: another replica announced the units while this one started; not again")]
    private static partial void LogAlreadyAnnounced(ILogger logger);
}
