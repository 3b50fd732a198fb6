using BrandPlatform.Portal.Security;
using Microsoft.AspNetCore.Localization;

namespace BrandPlatform.Portal;

public static class PortalPaths
{
    /// <summary>Where the gateway serves the portal; the identity service has its sign-in callbacks registered under it.</summary>
    public const string Base = "/portal";

    /// <summary>The gateway's address as this process reaches it (the AppHost sets it; live figures need a real address).</summary>
    public const string GatewayAddressSetting = "Portal:GatewayAddress";
    public const string DefaultGatewayAddress = "http://localhost:5200";

    /// <summary>The Aspire dashboard's address for operators (the AppHost knows it); the operations page says when it is not set.</summary>
    public const string DashboardAddressSetting = "Portal:DashboardAddress";

    /// <summary>
    /// Nothing comes from another host (government intranets have no internet, and a page that asked would hang on it):
    /// the browser is told so, and refuses anything but the portal's own scripts, styles, fonts and images.
    /// </summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + FormTargets(context);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        return next(context);
    });

    /// <summary>Sign-in and sign-out forms post to the identity service, which the gateway serves on the same host.</summary>
    private static string FormTargets(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/identity/";

    /// <summary>中文 / English: a cookie the request localization reads, set by a plain request so it can be written.</summary>
    public static void MapPortalLanguage(this WebApplication app) =>
        app.MapGet("/language", (string? name, string? returnUrl, HttpContext context) =>
        {
            var culture = PlatformLanguages.Supported.FirstOrDefault(c => c.Name == name) ?? PlatformLanguages.Default;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/", IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
            return TypedResults.LocalRedirect("~" + PortalAuthentication.LocalOnly(returnUrl));
        }).AllowAnonymous();
}
