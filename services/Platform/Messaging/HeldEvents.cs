using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BrandPlatform.Platform.Messaging;

/// <summary>An aggregate whose next event a projection still waits for, with the later ones it holds back.</summary>
public sealed record HeldAggregate(string Projection, Guid AggregateId, long AppliedVersion, long WaitingFor, int Held, DateTimeOffset HeldSince);

/// <summary>What the service's projections hold behind gaps, longest-waiting first.</summary>
public abstract class HeldEvents
{
    public const string Path = "/ops/projections/held";

    public abstract Task<IReadOnlyList<HeldAggregate>> ListAsync(int max, CancellationToken cancellationToken);
}

internal sealed class HeldEvents<TDbContext>(TDbContext db) : HeldEvents where TDbContext : DbContext
{
    public override async Task<IReadOnlyList<HeldAggregate>> ListAsync(int max, CancellationToken cancellationToken) =>
        db.Model.FindEntityType(typeof(ProjectionPosition)) is null
            ? []
            : await db.Set<ProjectionPosition>().AsNoTracking()
                .Where(p => p.Held > 0)
                .OrderBy(p => p.HeldSince)
                .Take(max)
                .Select(p => new HeldAggregate(p.Projection, p.AggregateId, p.Version, p.Version + 1, p.Held, p.HeldSince!.Value))
                .ToListAsync(cancellationToken);
}

public static class HeldEventsEndpoints
{
    /// <summary>
    /// An operations endpoint beside the error-queue replay: a gap that never fills means an event was lost or is stuck
    /// upstream (in an error queue, in an outbox), and the events behind it are not yet in the figures.
    /// </summary>
    internal static IEndpointRouteBuilder MapHeldEvents(this IEndpointRouteBuilder app)
    {
        app.MapGet(HeldEvents.Path, async Task<Ok<IReadOnlyList<HeldAggregate>>> (HeldEvents held, int? max, CancellationToken cancellationToken) =>
                TypedResults.Ok(await held.ListAsync(Math.Clamp(max ?? 100, 1, 1000), cancellationToken)))
            .RequireOperator()
            .WithName("ListHeldProjectionEvents")
            .WithTags("Operations")
            .WithSummary("List the aggregates whose events a projection holds back behind a missing version");
        return app;
    }
}

/// <summary>
/// Degraded while a projection has held an event behind a gap for longer than
/// <c>Messaging:Projections:HeldAlertAfter</c> (5 minutes unless configured): a gap that long is not the broker's
/// reordering but a lost or stuck event, and the dashboard shows the service's health.
/// </summary>
internal sealed class HeldEventsHealthCheck(IServiceScopeFactory scopes, TimeProvider timeProvider, IConfiguration configuration) : IHealthCheck
{
    public const string Name = "projections";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alertAfter = configuration.GetValue("Messaging:Projections:HeldAlertAfter", TimeSpan.FromMinutes(5));
        await using var scope = scopes.CreateAsyncScope();
        var oldest = (await scope.ServiceProvider.GetRequiredService<HeldEvents>().ListAsync(1, cancellationToken)).FirstOrDefault();
        return oldest is not null && timeProvider.GetUtcNow() - oldest.HeldSince >= alertAfter
            ? HealthCheckResult.Degraded(
                $"{oldest.Projection} has waited since {oldest.HeldSince:O} for version {oldest.WaitingFor} of {oldest.AggregateId}; see {HeldEvents.Path}")
            : HealthCheckResult.Healthy();
    }
}
