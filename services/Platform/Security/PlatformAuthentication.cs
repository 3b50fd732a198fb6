using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BrandPlatform.Platform.Security;

/// <summary>
/// Identity:* for token validation. Authority is the OpenID Connect issuer: the embedded identity service through the
/// gateway, or the government's unified identity platform — changing Authority is the whole switch.
/// </summary>
public sealed class TokenValidationOptions
{
    public string? Authority { get; set; }
    /// <summary>Only for development over plain HTTP; production metadata is fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>Defaults to the service's own name (tickets, reporting, ...), the audience its scopes carry.</summary>
    public string? Audience { get; set; }
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
}

public static class PlatformAuthentication
{
    public const string ScopeClaim = "scope";

    /// <summary>
    /// JWT bearer validation of issuer, audience, lifetime and signature (keys from the discovery document), with
    /// 401 and 403 answered as ProblemDetails.
    /// </summary>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder, string serviceName)
    {
        var settings = builder.Configuration.GetSection("Identity").Get<TokenValidationOptions>() ?? new TokenValidationOptions();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = settings.Authority;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                options.Audience = settings.Audience ?? serviceName;
                // Keep the token's own claim names (sub, scope, client_id, role) rather than WS-* URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = "role";
                options.TokenValidationParameters.ClockSkew = settings.ClockSkew;
                options.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await context.HttpContext.WriteProblemAsync(StatusCodes.Status401Unauthorized, "需要登录或有效的访问令牌",
                            context.AuthenticateFailure is null ? "A bearer token is required." : "The bearer token is not valid.");
                    },
                    OnForbidden = context => context.HttpContext.WriteProblemAsync(StatusCodes.Status403Forbidden, "没有权限",
                        "The token does not grant this operation.").AsTask(),
                };
            });
        // Secure by default: an endpoint that says nothing about authorization needs an authenticated caller.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>Callers need one of these scopes (space-separated in the token's scope claim).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] anyOf) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HasAnyScope(context.User, anyOf)));

    public static bool HasAnyScope(System.Security.Claims.ClaimsPrincipal user, IReadOnlyCollection<string> scopes) =>
        user.FindAll(ScopeClaim)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(scopes.Contains);
}
