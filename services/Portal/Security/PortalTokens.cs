using System.Globalization;
using System.Security.Claims;
using BrandPlatform.Platform.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BrandPlatform.Portal.Security;

/// <summary>The person's tokens as claims of the portal's own (encrypted, never sent to the browser's scripts) cookie.</summary>
public static class PortalTokens
{
    public const string AccessTokenClaim = "portal:access_token";
    public const string RefreshTokenClaim = "portal:refresh_token";
    public const string IdTokenClaim = "portal:id_token";
    public const string ExpiresAtClaim = "portal:expires_at";

    /// <summary>Refreshed this long before expiry, so a call started just before it still carries a valid token.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    public sealed record Tokens(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

    public static Tokens Read(ClaimsIdentity identity) => new(
        identity.FindFirst(AccessTokenClaim)?.Value ?? "",
        identity.FindFirst(RefreshTokenClaim)?.Value,
        DateTimeOffset.TryParse(identity.FindFirst(ExpiresAtClaim)?.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue);

    public static bool NeedsRefresh(ClaimsIdentity identity, DateTimeOffset now) => Read(identity).ExpiresAt - RefreshMargin <= now;

    public static void Write(ClaimsIdentity identity, string accessToken, string? refreshToken, string? idToken, DateTimeOffset expiresAt)
    {
        Replace(identity, AccessTokenClaim, accessToken);
        Replace(identity, RefreshTokenClaim, refreshToken);
        if (idToken is not null)
        {
            Replace(identity, IdTokenClaim, idToken);
        }
        Replace(identity, ExpiresAtClaim, expiresAt.ToString("O", CultureInfo.InvariantCulture));
    }

    private static void Replace(ClaimsIdentity identity, string type, string? value)
    {
        foreach (var old in identity.FindAll(type).ToList())
        {
            identity.RemoveClaim(old);
        }
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}

/// <summary>What the portal shows depends on the roles and organisation the access token carries.</summary>
public static class AccessTokenClaims
{
    private static readonly string[] Copied =
        [PlatformClaims.Role, PlatformClaims.Branch, PlatformClaims.Unit, PlatformClaims.Enterprise, PlatformClaims.EnterpriseName, PlatformClaims.Name];

    public static void CopyRoles(ClaimsIdentity identity, string accessToken)
    {
        var handler = new JsonWebTokenHandler();
        if (!handler.CanReadToken(accessToken))
        {
            return;
        }
        var token = handler.ReadJsonWebToken(accessToken);
        foreach (var claim in token.Claims.Where(c => Copied.Contains(c.Type)))
        {
            if (!identity.HasClaim(claim.Type, claim.Value))
            {
                identity.AddClaim(new Claim(claim.Type, claim.Value));
            }
        }
    }
}
