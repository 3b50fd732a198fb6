using System.Security.Cryptography.X509Certificates;
using BrandPlatform.Identity.Infrastructure;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>Identity:* — the public issuer and the keys tokens are signed with.</summary>
public sealed class IdentityServerOptions
{
    /// <summary>The public URL people and systems use, through the gateway: e.g. http://localhost:8080/identity/.</summary>
    public string? Issuer { get; set; }
    /// <summary>Off only where TLS ends in front of the service (the gateway, a load balancer) or in development.</summary>
    public bool RequireHttps { get; set; } = true;
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
    /// OpenIddict as the embedded OAuth 2.0 / OpenID Connect server. Access tokens are signed JWTs (not encrypted) so
    /// every service and the gateway can validate them from the discovery document alone.
    /// </summary>
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Identity").Get<IdentityServerOptions>() ?? new IdentityServerOptions();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                if (options.Issuer is not null)
                {
                    server.SetIssuer(new Uri(options.Issuer));
                }
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. ApiScopes.All.Select(s => s.Name)]);
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
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }
}
