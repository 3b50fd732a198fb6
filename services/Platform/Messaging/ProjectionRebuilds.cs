using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Platform;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Resources;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Messaging;

/// <summary>One of the service's projections as operators see it: what it consumes and how far it has come.</summary>
/// <param name="Family">The event family whose every event it applies, e.g. <c>TicketEvent</c>.</param>
/// <param name="Aggregates">How many aggregates it has applied events of.</param>
/// <param name="Held">How many events it holds back behind gaps (<c>GET /ops/projections/held</c> lists them).</param>
public sealed record ProjectionState(string Name, string Queue, string Family, IReadOnlyList<string> Events, int Aggregates, int Held);

/// <summary>An accepted rebuild: the projection is empty and the services are sending it their history.</summary>
public sealed record ProjectionRebuildAccepted(string Projection);

/// <summary>The service's projections, and their rebuild from the services' event history.</summary>
public abstract class ProjectionRebuilds
{
    public const string ListPath = "/ops/projections";

    public abstract Task<IReadOnlyList<ProjectionState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>False when the service has no projection of that name.</summary>
    public abstract Task<bool> RebuildAsync(string name, CancellationToken cancellationToken);
}

internal sealed partial class ProjectionRebuilds<TDbContext>(
    TDbContext db, IServiceProvider services, IReadOnlyList<VersionedProjections.Registration> projections,
    TimeProvider timeProvider, ILogger<ProjectionRebuilds<TDbContext>> logger) : ProjectionRebuilds where TDbContext : DbContext
{
    public override async Task<IReadOnlyList<ProjectionState>> ListAsync(CancellationToken cancellationToken)
    {
        if (projections.Count == 0)
        {
            return [];
        }
        var progress = await db.Set<ProjectionPosition>().AsNoTracking()
            .GroupBy(p => p.Projection)
            .Select(g => new { Projection = g.Key, Aggregates = g.Count(), Held = g.Sum(p => p.Held) })
            .ToDictionaryAsync(p => p.Projection, cancellationToken);
        return [.. projections.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new ProjectionState(
            p.Name, p.Queue, p.Family.Name, [.. p.Events.Select(EventNameAttribute.Of)],
            progress.GetValueOrDefault(p.Name)?.Aggregates ?? 0, progress.GetValueOrDefault(p.Name)?.Held ?? 0))];
    }

    /// <summary>
    /// Empties the projection and asks every service for its history, in one transaction: the request leaves through
    /// the outbox only if the projection was emptied, and live events that arrive from then on wait behind the gap
    /// the history fills (the projection parks them), so nothing is applied twice or lost.
    /// </summary>
    public override async Task<bool> RebuildAsync(string name, CancellationToken cancellationToken)
    {
        if (projections.FirstOrDefault(p => p.Name == name) is not { } projection)
        {
            return false;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ((IVersionedProjection)services.GetRequiredService(projection.Projection)).ClearAsync(ct);
            await db.Set<ParkedEvent>().Where(p => p.Projection == name).ExecuteDeleteAsync(ct);
            await db.Set<ProjectionPosition>().Where(p => p.Projection == name).ExecuteDeleteAsync(ct);
            db.AddIntegrationEvent(new EventHistoryRequested
            {
                OccurredAt = timeProvider.GetUtcNow(),
                Queue = projection.Queue,
                EventNames = [.. projection.Events.Select(EventNameAttribute.Of)],
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        LogRebuilding(logger, name, projection.Queue);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection {Projection} was emptied for a rebuild; the services send their history to {Queue}")]
    private static partial void LogRebuilding(ILogger logger, string projection, string queue);
}

public static class ProjectionRebuildEndpoints
{
    public const string RebuildPath = "/ops/projections/{name}/rebuild";

    /// <summary>Operations endpoints beside the held events: what the service projects, and a rebuild of one projection.</summary>
    internal static IEndpointRouteBuilder MapProjectionRebuilds(this IEndpointRouteBuilder app)
    {
        app.MapGet(ProjectionRebuilds.ListPath, async Task<Ok<IReadOnlyList<ProjectionState>>> (ProjectionRebuilds rebuilds, CancellationToken cancellationToken) =>
                TypedResults.Ok(await rebuilds.ListAsync(cancellationToken)))
            .RequireOperator()
            .WithName("ListProjections")
            .WithTags("Operations")
            .WithSummary("List the service's projections: queue, event family, aggregates applied and events held");
        app.MapPost(RebuildPath, async Task<Results<Accepted<ProjectionRebuildAccepted>, ProblemHttpResult>> (
                string name, ProjectionRebuilds rebuilds, CancellationToken cancellationToken) =>
                await rebuilds.RebuildAsync(name, cancellationToken)
                    ? TypedResults.Accepted(ProjectionRebuilds.ListPath, new ProjectionRebuildAccepted(name))
                    : UnknownProjection(name))
            .RequireOperator()
            .WithName("RebuildProjection")
            .WithTags("Operations")
            .WithSummary("Empty a projection and apply every service's event history to it again")
            .WithDescription("Answers at once: the services send their history through the broker, and the projection's figures " +
                "fill again as it arrives (GET /ops/projections shows the aggregates applied). Live events keep flowing meanwhile.");
        return app;
    }

    internal static ProblemHttpResult UnknownProjection(string name) => TypedResults.Problem(
        title: PlatformTexts.UnknownProjection_Title, detail: PlatformTexts.ResourceManager.Text(nameof(PlatformTexts.UnknownProjection_Detail), name).ToString(),
        statusCode: StatusCodes.Status404NotFound);
}
