using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace BrandPlatform.Portal.Security;

/// <summary>
/// The access token a circuit calls the gateway with: first the cookie's, then its own refreshed copies (the circuit
/// cannot write the cookie; the next page load refreshes the cookie itself or signs in again silently).
/// </summary>
public sealed class CircuitTokens(AuthenticationStateProvider authentication, TokenRefresher refresher, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private PortalTokens.Tokens? current;

    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null)
            {
                var state = await authentication.GetAuthenticationStateAsync();
                if (state.User.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
                {
                    return null;
                }
                current = PortalTokens.Read(identity);
            }
            if (current.ExpiresAt - PortalTokens.RefreshMargin <= timeProvider.GetUtcNow()
                && await refresher.RefreshAsync(current.RefreshToken, cancellationToken) is { } refreshed)
            {
                current = new PortalTokens.Tokens(refreshed.AccessToken, refreshed.RefreshToken, refreshed.ExpiresAt);
            }
            return current.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
