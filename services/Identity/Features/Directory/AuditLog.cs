using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>The security audit for administrators: sign-ins (successful, failed, locked out) and directory changes.</summary>
public static class AuditLog
{
    public sealed record AuditEntryResponse(
        long Id, DateTimeOffset OccurredAt, string Action, bool Succeeded, string Actor, string? Target, string? Detail,
        string? IpAddress, string? CorrelationId);

    public static void MapAuditLog(this RouteGroupBuilder directory) => directory
        .MapGet("/audit", ListAsync)
        .RequireAccess(DirectoryApi.ManageScopes, PlatformRoles.Administrator)
        .WithName("ListAuditEntries")
        .WithSummary("Newest audit entries first; filter by action, actor or target, page with beforeId");

    internal static async Task<Ok<List<AuditEntryResponse>>> ListAsync(
        string? action, string? actor, string? target, long? beforeId, int? take, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
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
            .Select(a => new AuditEntryResponse(a.Id, a.OccurredAt, a.Action, a.Succeeded, a.Actor, a.Target, a.Detail, a.IpAddress, a.CorrelationId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
