using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>
/// Development only: the API scopes and one demo government client, so a developer can call the APIs at once.
/// Never run outside Development; production clients are registered by administrators.
/// </summary>
public static class DevelopmentClients
{
    public const string DemoClientId = "gov-demo-client";
    public const string DemoClientSecretKey = "Identity:DemoClientSecret";
    public const string DefaultDemoClientSecret = "brandplatform-dev-secret";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Development clients are refused outside Development.");
        }
        var scopeManager = services.GetRequiredService<IOpenIddictScopeManager>();
        foreach (var scope in ApiScopes.All)
        {
            if (await scopeManager.FindByNameAsync(scope.Name, cancellationToken) is null)
            {
                await scopeManager.CreateAsync(new OpenIddictScopeDescriptor
                {
                    Name = scope.Name,
                    DisplayName = scope.DisplayName,
                    Resources = { scope.Audience },
                }, cancellationToken);
            }
        }

        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(DemoClientId, cancellationToken) is null)
        {
            var secret = services.GetRequiredService<IConfiguration>()[DemoClientSecretKey] ?? DefaultDemoClientSecret;
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = DemoClientId,
                ClientSecret = secret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "演示政务系统（12345 热线）",
                Permissions =
                {
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + "tickets.read",
                    Permissions.Prefixes.Scope + "tickets.write",
                    Permissions.Prefixes.Scope + "reporting.read",
                },
            }, cancellationToken);
        }
    }
}
