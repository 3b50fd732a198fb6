using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Security;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>The security audit for administrators: sign-ins (successful, failed, locked out), tokens issued and directory changes.</summary>
public static class AuditLog
{
    public static void MapAuditLog(this RouteGroupBuilder directory) => directory
        .MapAuditLog<IdentityDbContext>()
        .RequireAccess(DirectoryApi.ManageScopes, PlatformRoles.Administrator)
        .WithName("ListAuditEntries")
        .WithSummary("Newest audit entries first; filter by action, actor or target, follow 'next'");
}
