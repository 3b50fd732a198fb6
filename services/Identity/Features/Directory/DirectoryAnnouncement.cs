using BrandPlatform.Identity.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>
/// At every start the directory announces its units again through the outbox. RabbitMQ drops an event that no queue
/// is bound for yet, so a service that subscribes later (a new service, or one upgraded to keep units) would otherwise
/// never learn the units that existed before it; the AppHost starts identity after its subscribers for this reason.
/// </summary>
public sealed partial class DirectoryAnnouncement(IServiceScopeFactory scopes, TimeProvider timeProvider, ILogger<DirectoryAnnouncement> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var units = await db.OrganisationUnits.ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        units.ForEach(unit => unit.Announce(now));
        await db.SaveChangesAsync(cancellationToken);
        LogAnnounced(logger, units.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory: {Units} units announced again for late subscribers")]
    private static partial void LogAnnounced(ILogger logger, int units);
}
