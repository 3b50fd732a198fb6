using BrandPlatform.Identity.Features.Tokens;
using BrandPlatform.Platform.Security;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>
/// The organisation directory's admin API, under /api/directory (the gateway routes /api/directory/** here). The
/// office reads it; administrators change it; every change is audited and announced as an integration event.
/// </summary>
public static class DirectoryApi
{
    public static readonly string[] ReadScopes = [ApiScopes.DirectoryRead, ApiScopes.DirectoryManage];
    public static readonly string[] ManageScopes = [ApiScopes.DirectoryManage];
    public static readonly string[] Readers = [PlatformRoles.Administrator, PlatformRoles.OfficeStaff];
    public static readonly string[] Managers = [PlatformRoles.Administrator];

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var directory = app.MapGroup("/api/directory").WithTags("Directory");
        directory.MapUnits();
        directory.MapPeople();
        directory.MapAuditLog();
        return app;
    }
}
