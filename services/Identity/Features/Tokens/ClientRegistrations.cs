using BrandPlatform.Platform.Persistence;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.Identity.Features.Tokens;

/// <summary>Identity:Portal:* — where the web portal receives its authorization codes.</summary>
public sealed class PortalClientOptions
{
    public const string ClientId = "brandplatform-portal";

    /// <summary>The portal's sign-in callback URLs through the gateway, e.g. https://dangjian.example.gov.cn/portal/signin-callback.</summary>
    public string[] RedirectUris { get; set; } = [];
    public string[] PostLogoutRedirectUris { get; set; } = [];
}

/// <summary>
/// In every environment, at start: the API scopes (each with the service that accepts it) and the web portal as a
/// public client using the authorization-code flow with PKCE and refresh tokens, redirect URIs from configuration.
/// Government systems' clients are registered by administrators, not here.
/// </summary>
public sealed class ClientRegistrations(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Replicas starting together would both create what is missing: one at a time, the second updates.
        await using var turn = await services.GetRequiredService<DatabaseLocks>().TakeAsync(nameof(ClientRegistrations), cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var scopeManager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        foreach (var apiScope in ApiScopes.All)
        {
            var scopeDescriptor = new OpenIddictScopeDescriptor { Name = apiScope.Name, DisplayName = apiScope.DisplayName };
            scopeDescriptor.Resources.UnionWith(apiScope.Audiences);
            if (await scopeManager.FindByNameAsync(apiScope.Name, cancellationToken) is { } existingScope)
            {
                await scopeManager.UpdateAsync(existingScope, scopeDescriptor, cancellationToken);
            }
            else
            {
                await scopeManager.CreateAsync(scopeDescriptor, cancellationToken);
            }
        }

        var portal = configuration.GetSection("Identity:Portal").Get<PortalClientOptions>() ?? new PortalClientOptions();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = PortalClientOptions.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "机关党建品牌服务平台门户",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var apiScope in ApiScopes.All)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + apiScope.Name);
        }
        foreach (var uri in portal.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }
        foreach (var uri in portal.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(PortalClientOptions.ClientId, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
