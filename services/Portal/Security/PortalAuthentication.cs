using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace BrandPlatform.Portal.Security;

/// <summary>Identity:* for the portal: the issuer (the identity service through the gateway) and the portal's scopes.</summary>
public sealed class PortalIdentityOptions
{
    public const string ClientId = "brandplatform-portal";

    public string? Authority { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Every API scope a person may hold; the identity service grants only what the person's roles allow.</summary>
    public string[] Scopes { get; set; } =
    [
        "openid", "profile", "roles", "offline_access", "tickets.read", "tickets.write", "tickets.handle", "study.read",
        "study.write", "discipline.read", "discipline.write", "liaison.read", "liaison.write", "reporting.read", "supervision.read", "supervision.write",
        "directory.read", "community.read", "community.write",
    ];
}

/// <summary>
/// People sign in with the identity service's authorization-code flow with PKCE (the portal is a public client: a
/// secret in a web server shared by a department's operators would protect nothing the PKCE verifier does not). The
/// tokens live in the portal's encrypted cookie as claims, so the interactive circuit — which never sees a request's
/// cookie again — has them in its authentication state; the cookie refreshes them before they expire.
/// </summary>
public static class PortalAuthentication
{
    public const string CallbackPath = "/signin-callback";
    public const string SignedOutCallbackPath = "/signout-callback";

    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Identity").Get<PortalIdentityOptions>() ?? new PortalIdentityOptions();
        builder.Services.AddSingleton(settings);
        builder.Services.AddHttpClient<TokenRefresher>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "bp_portal";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.AccessDeniedPath = "/denied";
                options.Events.OnValidatePrincipal = RefreshWhenExpiringAsync;
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = settings.Authority;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                options.ClientId = PortalIdentityOptions.ClientId;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                // The code comes back by a top-level GET redirect, which carries Lax cookies. Secure follows the
                // request's scheme: production is HTTPS at the gateway; the loopback development setup is plain HTTP,
                // where a browser drops a Secure cookie and the sign-in would fail its correlation check.
                options.CorrelationCookie.SameSite = options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CallbackPath = CallbackPath;
                options.SignedOutCallbackPath = SignedOutCallbackPath;
                options.SignedOutRedirectUri = "/";
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.SaveTokens = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.Scope.Clear();
                foreach (var scope in settings.Scopes)
                {
                    options.Scope.Add(scope);
                }
                options.Events.OnTokenValidated = context =>
                {
                    if (context.TokenEndpointResponse is { } tokens && context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                        PortalTokens.Write(identity, tokens.AccessToken, tokens.RefreshToken, tokens.IdToken,
                            now.AddSeconds(int.TryParse(tokens.ExpiresIn, CultureInfo.InvariantCulture, out var seconds) ? seconds : 300));
                        AccessTokenClaims.CopyRoles(identity, tokens.AccessToken);
                    }
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    if (context.HttpContext.User.FindFirst(PortalTokens.IdTokenClaim) is { } idToken)
                    {
                        context.ProtocolMessage.IdTokenHint = idToken.Value;
                    }
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>Sign-in and sign-out as plain HTTP endpoints: cookies can only be set on a request, not over the circuit.</summary>
    public static void MapPortalAccount(this WebApplication app)
    {
        // The addresses to come back to are the portal's (under its base path), not the gateway's root.
        app.MapGet("/signin", (string? returnUrl, HttpContext http) => TypedResults.Challenge(
            new AuthenticationProperties { RedirectUri = http.Request.PathBase + LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        app.MapPost("/signout", (HttpContext http) => TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
    }

    /// <summary>Only a path inside the portal: an address from a link must not send a person elsewhere after sign-in.</summary>
    internal static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    private static async Task RefreshWhenExpiringAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || !PortalTokens.NeedsRefresh(identity, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
        {
            return;
        }
        var refresher = context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>();
        var refreshed = await refresher.RefreshAsync(PortalTokens.Read(identity).RefreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            // The refresh token was revoked or used up: sign in again (silently, while the identity session lasts).
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        PortalTokens.Write(identity, refreshed.AccessToken, refreshed.RefreshToken, null, refreshed.ExpiresAt);
        context.ShouldRenew = true;
    }
}
