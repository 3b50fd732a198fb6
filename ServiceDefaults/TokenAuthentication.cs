using BrandPlatform.ServiceDefaults.Resources;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Identity:* for token validation. Authority is the OpenID Connect issuer: the embedded identity service through the
/// gateway, or the government's unified identity platform (统一身份认证) — changing Authority is the whole switch.
/// </summary>
public sealed class TokenValidationOptions
{
    public string? Authority { get; set; }
    /// <summary>Only for development over plain HTTP; production metadata is fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    /// <summary>
    /// The audiences accepted. A service accepts its own name (tickets, reporting, ...), the audience its scopes carry;
    /// the gateway accepts every service's name.
    /// </summary>
    public string[] Audiences { get; set; } = [];
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>The claim carrying roles; an external authority may name it differently.</summary>
    public string RoleClaimType { get; set; } = "role";
}

public static class TokenAuthentication
{
    /// <summary>
    /// Where a token may come in the query string (<c>access_token</c>) instead of the Authorization header: the live
    /// figures' hub, because a browser cannot set headers on a WebSocket or server-sent-events request. Nowhere else, so
    /// tokens do not end up in the access logs of ordinary requests.
    /// </summary>
    public static readonly PathString[] QueryTokenPaths = [new("/api/reporting/live")];

    /// <summary>
    /// JWT bearer validation of issuer, audience, lifetime and signature (keys from the discovery document), with
    /// 401 and 403 answered as ProblemDetails. Secure by default: an endpoint that says nothing about authorization
    /// needs an authenticated caller.
    /// </summary>
    public static TBuilder AddTokenAuthentication<TBuilder>(this TBuilder builder, params string[] defaultAudiences)
        where TBuilder : IHostApplicationBuilder
    {
        var settings = builder.Configuration.GetSection("Identity").Get<TokenValidationOptions>() ?? new TokenValidationOptions();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = settings.Authority;
                options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                options.TokenValidationParameters.ValidAudiences = settings.Audiences.Length > 0 ? settings.Audiences : defaultAudiences;
                // Keep the token's own claim names (sub, scope, client_id, role) rather than WS-* URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.TokenValidationParameters.RoleClaimType = settings.RoleClaimType;
                options.TokenValidationParameters.ClockSkew = settings.ClockSkew;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (string.IsNullOrEmpty(context.Request.Headers.Authorization)
                            && Array.Exists(QueryTokenPaths, path => context.Request.Path.StartsWithSegments(path))
                            && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        // RFC 6750: say why, so a client knows to refresh an expired token rather than sign in again.
                        var (header, detail) = context.AuthenticateFailure switch
                        {
                            null => ("Bearer", ProblemTexts.Unauthorized_MissingToken),
                            SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException =>
                                ("Bearer error=\"invalid_token\", error_description=\"The token expired\"", ProblemTexts.Unauthorized_ExpiredToken),
                            _ => ("Bearer error=\"invalid_token\"", ProblemTexts.Unauthorized_InvalidToken),
                        };
                        context.Response.Headers.WWWAuthenticate = header;
                        await context.HttpContext.WriteProblemAsync(StatusCodes.Status401Unauthorized, ProblemTexts.Unauthorized_Title, detail);
                    },
                    OnForbidden = context => context.HttpContext.WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden_Title, ProblemTexts.Forbidden_Detail).AsTask(),
                };
            });
        // Token lifetimes are judged by the same clock as everything else in the process (tests move it).
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, clock) =>
            {
                var skew = options.TokenValidationParameters.ClockSkew;
                // A custom validator replaces the handler's own checks, RequireExpirationTime included: a token without
                // exp would never expire, so it is refused here as well.
                options.TokenValidationParameters.RequireExpirationTime = true;
                options.TokenHandlers.Clear();
                // Set on the handler itself: JwtBearerOptions.MapInboundClaims only reaches the handlers it made.
                options.TokenHandlers.Add(new RememberedTokens(clock) { MapInboundClaims = options.MapInboundClaims });
                options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore.Value <= now + skew) && expires is not null && expires.Value >= now - skew;
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
