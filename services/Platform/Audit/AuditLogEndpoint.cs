using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using BrandPlatform.Platform.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.Platform.Audit;

/// <summary>GET {group}/audit: a service's audit, newest first, filtered by action, actor or target, paged with the shared cursor.</summary>
public static class AuditLogEndpoint
{
    public sealed record AuditEntryResponse(
        long Id, DateTimeOffset OccurredAt, string Action, bool Succeeded, string Actor, string? Target, string? Detail,
        string? IpAddress, string? UserAgent, string? CorrelationId);

    /// <summary>Maps the audit of <typeparamref name="TDbContext"/>'s database; the caller adds who may read it.</summary>
    public static RouteHandlerBuilder MapAuditLog<TDbContext>(this RouteGroupBuilder group) where TDbContext : DbContext =>
        group.MapAuditLog(typeof(TDbContext));

    private static RouteHandlerBuilder MapAuditLog(this RouteGroupBuilder group, Type dbContextType) =>
        group.MapGet("/audit", (string? action, string? actor, string? target, string? cursor, int? limit, HttpContext context,
                CancellationToken cancellationToken) =>
            ListAsync((DbContext)context.RequestServices.GetRequiredService(dbContextType), action, actor, target, cursor, limit, context, cancellationToken));

    private static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        DbContext db, string? action, string? actor, string? target, string? cursor, int? limit, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<long, long>(cursor, limit, out var paging, out var invalid, defaultLimit: 100))
        {
            return invalid;
        }
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
        var page = await query.PageAsync(paging, a => a.Id, a => a.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(a =>
            new AuditEntryResponse(a.Id, a.OccurredAt, a.Action, a.Succeeded, a.Actor, a.Target, a.Detail, a.IpAddress, a.UserAgent, a.CorrelationId)));
    }
}
