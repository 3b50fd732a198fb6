using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Validates a bearer token once and remembers the result for the token's exact text: the signature check was the
/// largest piece of CPU a request spent in the gateway and in a service (bench/results/profile-read-*.txt), and a
/// caller sends the same token with every request until it expires. A remembered token is still refused once it
/// expires (judged on every request by the same lifetime rule as a full validation); anything not seen before, a token altered by one
/// character included, is validated in full. An entry is kept at most <see cref="RememberFor"/>, so a token whose
/// signing key was withdrawn is refused again within minutes, as the key's own refresh would.
/// </summary>
public sealed class RememberedTokens(TimeProvider clock) : JsonWebTokenHandler
{
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);
    private const int MaxTokens = 20_000;

    // Lives as long as the authentication options, that is the process: nothing to dispose before it ends.
    private readonly MemoryCache remembered = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (remembered.TryGetValue(token, out Remembered? known) && known is not null)
        {
            if (now < known.ForgetAt && IsWithinLifetime(known.Token, validationParameters))
            {
                // Each request gets its own identity: claims transformations and handlers may add to it.
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = known.Token,
                    ClaimsIdentity = known.Result.ClaimsIdentity.Clone(),
                    Issuer = known.Result.Issuer,
                    TokenType = known.Result.TokenType,
                };
            }
            remembered.Remove(token);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken validated)
        {
            // The entry's own expiry only frees memory (by the machine's clock); the checks above use the process's.
            remembered.Set(token, new Remembered(result, validated, now + RememberFor),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberFor });
        }
        return result;
    }

    /// <summary>The same lifetime rule a full validation applies (the configured LifetimeValidator, clock skew included).</summary>
    private static bool IsWithinLifetime(JsonWebToken token, TokenValidationParameters validationParameters)
    {
        try
        {
            Validators.ValidateLifetime(
                token.ValidFrom == DateTime.MinValue ? null : token.ValidFrom,
                token.ValidTo == DateTime.MinValue ? null : token.ValidTo,
                token, validationParameters);
            return true;
        }
        catch (SecurityTokenException)
        {
            return false;
        }
    }

    private sealed record Remembered(TokenValidationResult Result, JsonWebToken Token, DateTimeOffset ForgetAt);
}
