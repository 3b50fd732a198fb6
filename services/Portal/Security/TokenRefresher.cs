using System.Text.Json;

namespace BrandPlatform.Portal.Security;

/// <summary>Redeems a refresh token at the identity service's token endpoint (refresh tokens rotate: use the new one).</summary>
public sealed class TokenRefresher(HttpClient http, PortalIdentityOptions settings, TimeProvider timeProvider, ILogger<TokenRefresher> logger)
{
    public sealed record Refreshed(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt);

    public async Task<Refreshed?> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || settings.Authority is null)
        {
            return null;
        }
        var endpoint = new Uri(new Uri(settings.Authority.TrimEnd('/') + "/"), "connect/token");
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = PortalIdentityOptions.ClientId,
            ["refresh_token"] = refreshToken,
        }), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("Refreshing a person's tokens answered {Status}: the person signs in again", (int)response.StatusCode);
            return null;
        }
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = body.RootElement;
        var seconds = root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 300;
        return new Refreshed(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var next) ? next.GetString() : refreshToken,
            timeProvider.GetUtcNow().AddSeconds(seconds));
    }
}
