using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.Platform.Audit;

/// <summary>GET {group}/audit: a service's audit, newest first, filtered by action, actor or target, paged with beforeId.</summary>
public static class AuditLogEndpoint
{
    public sealed record AuditEntryResponse(
        long Id, DateTimeOffset OccurredAt, string Action, bool Succeeded, string Actor, string? Target, string? Detail,
        string? IpAddress, string? UserAgent, string? CorrelationId);

    /// <summary>Maps the audit of <typeparamref name="TDbContext"/>'s database; the caller adds who may read it.</summary>
    public static RouteHandlerBuilder MapAuditLog<TDbContext>(this RouteGroupBuilder group) where TDbContext : DbContext =>
        group.MapAuditLog(typeof(TDbContext));

    private static RouteHandlerBuilder MapAuditLog(this RouteGroupBuilder group, Type dbContextType) =>
        group.MapGet("/audit", (string? action, string? actor, string? target, long? beforeId, int? take, IServiceProvider services,
                CancellationToken cancellationToken) =>
            ListAsync((DbContext)services.GetRequiredService(dbContextType), action, actor, target, beforeId, take, cancellationToken));

    private static async Task<Ok<List<AuditEntryResponse>>> ListAsync(
        DbContext db, string? action, string? actor, string? target, long? beforeId, int? take, CancellationToken cancellationToken)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }
        if (actor is not null)
        {
            query = query.Where(a => a.Actor.StartsWith(actor));
        }
        if (target is not null)
        {
            query = query.Where(a => a.Target == target);
        }
        if (beforeId is not null)
        {
            query = query.Where(a => a.Id < beforeId);
        }
        var entries = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(take ?? 100, 1, 500))
            .Select(a => new AuditEntryResponse(a.Id, a.OccurredAt, a.Action, a.Succeeded, a.Actor, a.Target, a.Detail, a.IpAddress, a.UserAgent, a.CorrelationId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
