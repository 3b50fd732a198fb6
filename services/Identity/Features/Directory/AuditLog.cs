using BrandPlatform.Platform.Http;
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
        .WithSummary("Newest audit entries first; filter by action, actor or target; follow 'next'");

    internal static async Task<Results<Ok<Page<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        string? action, string? actor, string? target, string? cursor, int? limit, HttpContext context, IdentityDbContext db,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<long, long>(cursor, limit, out var paging, out var invalid, defaultLimit: 100))
        {
            return invalid;
        }
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
        var page = await query.PageAsync(paging, a => a.Id, a => a.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(a =>
            new AuditEntryResponse(a.Id, a.OccurredAt, a.Action, a.Succeeded, a.Actor, a.Target, a.Detail, a.IpAddress, a.CorrelationId)));
    }
}
