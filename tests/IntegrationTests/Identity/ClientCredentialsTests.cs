using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>Government systems get access tokens with the client-credentials grant, limited to their registered scopes.</summary>
public sealed class ClientCredentialsTests(TestServers servers)
{
    [Fact]
    public async Task The_demo_client_gets_a_signed_token_for_its_scopes_with_the_services_as_audiences()
    {
        using var response = await RequestTokenAsync("gov-demo-client", "brandplatform-dev-secret", "tickets.write reporting.read");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        var claims = IdentityHost.JwtPayload(body.GetProperty("access_token").GetString()!);
        claims.GetProperty("iss").GetString().ShouldBe(IdentityHost.Issuer);
        claims.GetProperty("client_id").GetString().ShouldBe("gov-demo-client");
        claims.GetProperty("sub").GetString().ShouldBe("gov-demo-client");
        AuthorizationCodeFlowTests.Strings(claims, "aud").ShouldBe(["reporting", "tickets"], ignoreOrder: true);
        claims.GetProperty("scope").GetString()!.Split(' ').ShouldBe(["tickets.write", "reporting.read"], ignoreOrder: true);
        claims.GetProperty("exp").GetInt64().ShouldBeGreaterThan(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        using var response = await RequestTokenAsync("gov-demo-client", "not-the-secret", "tickets.read");
        response.IsSuccessStatusCode.ShouldBeFalse();
        (await ErrorAsync(response)).ShouldBe("invalid_client");
    }

    [Fact]
    public async Task A_scope_the_client_was_not_granted_is_refused()
    {
        using var response = await RequestTokenAsync("gov-demo-client", "brandplatform-dev-secret", "study.read");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // OpenIddict answers invalid_request (with the reason) for a registered scope the client may not use.
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        error.GetProperty("error").GetString().ShouldBe("invalid_request");
        error.GetProperty("error_description").GetString()!.ShouldContain("scope");
    }

    [Fact]
    public async Task An_unknown_scope_is_refused()
    {
        using var response = await RequestTokenAsync("gov-demo-client", "brandplatform-dev-secret", "everything.admin");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorAsync(response)).ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task Discovery_names_the_public_issuer_and_token_endpoint()
    {
        using var client = (await IdentityHost.SharedAsync(servers)).Service.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>(
            "/identity/.well-known/openid-configuration", TestContext.Current.CancellationToken);
        discovery.GetProperty("issuer").GetString().ShouldBe(IdentityHost.Issuer);
        discovery.GetProperty("token_endpoint").GetString().ShouldBe(IdentityHost.Issuer + "connect/token");
        discovery.GetProperty("jwks_uri").GetString()!.ShouldStartWith(IdentityHost.Issuer);
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret, string scope)
    {
        using var client = (await IdentityHost.SharedAsync(servers)).Service.CreateClient();
        return await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        }), TestContext.Current.CancellationToken);
    }

    private static async Task<string?> ErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("error").GetString();
}
