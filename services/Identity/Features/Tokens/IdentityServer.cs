using System.Security.Cryptography.X509Certificates;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Features.SignIn;
using BrandPlatform.Identity.Infrastructure;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>Identity:* — the public issuer and the keys tokens are signed with.</summary>
public sealed class IdentityServerOptions
{
    /// <summary>The public URL people and systems use, through the gateway: e.g. http://localhost:8080/identity/.</summary>
    public string? Issuer { get; set; }
    /// <summary>Off only in Development (the service refuses to start with it off elsewhere).</summary>
    public bool RequireHttps { get; set; } = true;
    /// <summary>Short, so a deactivated person or a changed role stops working soon; the portal refreshes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
    /// <summary>How long a sign-in at the login page lasts before the person types the password again.</summary>
    public TimeSpan SignInLifetime { get; set; } = TimeSpan.FromHours(8);
    public CertificateOptions? SigningCertificate { get; set; }
    public CertificateOptions? EncryptionCertificate { get; set; }

    public sealed class CertificateOptions
    {
        public string Path { get; set; } = "";
        public string? Password { get; set; }

        public X509Certificate2 Load() => X509CertificateLoader.LoadPkcs12FromFile(Path, Password);
    }
}

public static class IdentityServer
{
    /// <summary>
    /// OpenIddict as the embedded OAuth 2.0 / OpenID Connect server over ASP.NET Core Identity's user store: the
    /// authorization-code flow with PKCE and refresh tokens for the portal, client credentials for government systems.
    /// Access tokens are signed JWTs (not encrypted) so every service and the gateway can validate them from the
    /// discovery document alone.
    /// </summary>
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Identity").Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        if (!options.RequireHttps && !builder.Environment.IsDevelopment())
        {
            // Tokens and passwords over plain HTTP: a setting for a developer's machine, never a deployment's. Behind a
            // TLS-terminating proxy the forwarded scheme (X-Forwarded-Proto) satisfies the requirement instead.
            throw new InvalidOperationException(
                $"Identity:RequireHttps=false is honoured only in Development; the {builder.Environment.EnvironmentName} environment refuses to start with it.");
        }
        builder.AddPeopleAndSignIn(options);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                if (options.Issuer is not null)
                {
                    server.SetIssuer(new Uri(options.Issuer));
                }
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'))
                    .SetAuthorizationEndpointUris(AuthorizeEndpoint.Path.TrimStart('/'))
                    .SetEndSessionEndpointUris(AuthorizeEndpoint.EndSessionPath.TrimStart('/'));
                server.AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                // PKCE with S256 only: "plain" sends the verifier itself as the challenge (RFC 9700, 2.1.1).
                server.Configure(settings => settings.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, .. ApiScopes.All.Select(s => s.Name)]);
                server.DisableAccessTokenEncryption();
                if (builder.Environment.IsDevelopment())
                {
                    server.AddDevelopmentEncryptionCertificate().AddDevelopmentSigningCertificate();
                }
                else
                {
                    server.AddSigningCertificate((options.SigningCertificate
                        ?? throw new InvalidOperationException("Identity:SigningCertificate is required outside Development.")).Load());
                    server.AddEncryptionCertificate((options.EncryptionCertificate
                        ?? throw new InvalidOperationException("Identity:EncryptionCertificate is required outside Development.")).Load());
                }
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        // Token lifetimes follow the same clock as the rest of the service (tests move it).
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<TimeProvider>((server, clock) => server.TimeProvider = clock);
        return builder;
    }

    /// <summary>
    /// ASP.NET Core Identity for people's accounts: password policy, lockout after repeated failures, and the sign-in
    /// cookie of the login page (only under /identity; APIs use bearer tokens).
    /// </summary>
    private static void AddPeopleAndSignIn(this WebApplicationBuilder builder, IdentityServerOptions options)
    {
        builder.Services.AddIdentityCore<Person>(AccountPolicy.Apply)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<LocalIdentityErrors>()
            .AddDefaultTokenProviders();
        // Operators may tighten the policy: Identity:Accounts:Password:RequiredLength, Identity:Accounts:Lockout:*.
        builder.Services.Configure<IdentityOptions>(builder.Configuration.GetSection("Identity:Accounts"));
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "brandplatform.signin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = LoginPage.Path;
            cookie.ExpireTimeSpan = options.SignInLifetime;
            cookie.SlidingExpiration = false;
        });
        builder.Services.AddAntiforgery();
        builder.Services.AddHttpContextAccessor();
    }
}
