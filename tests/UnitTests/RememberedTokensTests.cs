using System.Security.Claims;
using System.Security.Cryptography;
using BrandPlatform.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>
/// A bearer token's signature is checked once; the token is still judged on its lifetime every time, and any other
/// text, however close, is checked in full.
/// </summary>
public sealed class RememberedTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly ManualClock clock = new(Start);
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "signing" };

    [Fact]
    public async Task A_token_seen_before_is_accepted_without_its_key_and_gets_an_identity_of_its_own()
    {
        var handler = new RememberedTokens(clock) { MapInboundClaims = false };
        var token = Issue(expires: Start.AddMinutes(30));

        var first = await handler.ValidateTokenAsync(token, Parameters(key));
        var again = await handler.ValidateTokenAsync(token, Parameters(/* no key: only a remembered token passes */));

        first.IsValid.ShouldBeTrue();
        again.IsValid.ShouldBeTrue();
        again.ClaimsIdentity.FindFirst("sub")!.Value.ShouldBe("person-1");
        again.ClaimsIdentity.ShouldNotBeSameAs(first.ClaimsIdentity);
        again.ClaimsIdentity.AddClaim(new Claim("added", "by a request"));
        (await handler.ValidateTokenAsync(token, Parameters())).ClaimsIdentity.FindFirst("added").ShouldBeNull();
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var handler = new RememberedTokens(clock);
        var token = Issue(expires: Start.AddMinutes(2));
        (await handler.ValidateTokenAsync(token, Parameters(key))).IsValid.ShouldBeTrue();

        clock.Now += TimeSpan.FromMinutes(2) + Skew + TimeSpan.FromSeconds(1);

        var expired = await handler.ValidateTokenAsync(token, Parameters(key));
        expired.IsValid.ShouldBeFalse();
        expired.Exception.ShouldBeAssignableTo<SecurityTokenInvalidLifetimeException>();
    }

    [Fact]
    public async Task A_token_altered_after_a_valid_one_was_remembered_is_checked_in_full()
    {
        var handler = new RememberedTokens(clock);
        var token = Issue(expires: Start.AddMinutes(30));
        (await handler.ValidateTokenAsync(token, Parameters(key))).IsValid.ShouldBeTrue();

        var signature = token.LastIndexOf('.') + 1;
        var altered = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];

        (await handler.ValidateTokenAsync(altered, Parameters(key))).IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task A_remembered_token_is_checked_in_full_again_after_a_few_minutes()
    {
        var handler = new RememberedTokens(clock);
        var token = Issue(expires: Start.AddHours(1));
        (await handler.ValidateTokenAsync(token, Parameters(key))).IsValid.ShouldBeTrue();

        clock.Now += RememberedTokens.RememberFor;

        // Its signing key withdrawn meanwhile: the token is refused.
        (await handler.ValidateTokenAsync(token, Parameters())).IsValid.ShouldBeFalse();
    }

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    private TokenValidationParameters Parameters(params SecurityKey[] keys) => new()
    {
        ValidIssuer = "https://identity.example/",
        ValidAudience = "tickets",
        IssuerSigningKeys = keys,
        ClockSkew = Skew,
        RequireExpirationTime = true,
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore.Value <= now + Skew) && expires is not null && expires.Value >= now - Skew;
        },
    };

    private string Issue(DateTimeOffset expires) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = "https://identity.example/",
            Audience = "tickets",
            Subject = new ClaimsIdentity([new Claim("sub", "person-1")]),
            IssuedAt = Start.UtcDateTime,
            NotBefore = Start.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
}
