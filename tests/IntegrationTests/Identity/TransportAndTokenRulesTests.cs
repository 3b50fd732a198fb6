using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>PKCE with S256 only, tokens that always expire, and plain HTTP for developers' machines only.</summary>
public sealed class TransportAndTokenRulesTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_advertises_s256_only_and_a_plain_challenge_is_refused()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var client = identity.Service.CreateClient(new() { AllowAutoRedirect = false });

        var discovery = await client.GetFromJsonAsync<JsonElement>("/identity/.well-known/openid-configuration", Cancel);
        discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()).ShouldBe(["S256"]);

        using var plain = await client.GetAsync(
            $"/identity/connect/authorize?client_id={IdentityHost.PortalClientId}&response_type=code&scope=openid" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityHost.PortalRedirectUri)}&state=s" +
            "&code_challenge=abcdefghijabcdefghijabcdefghijabcdefghij123&code_challenge_method=plain", Cancel);
        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        plain.Headers.Location.ShouldBeNull("no code for a plain challenge");
    }

    [Fact]
    public async Task A_service_refuses_a_signed_token_without_an_expiry()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var tickets = await ServiceFactory<BrandPlatform.Tickets.Infrastructure.TicketsDbContext>.CreateAsync(
            servers, "tickets", "ticketsdb", identityBackchannel: identity.Backchannel());

        using var expiring = IdentityHost.WithBearer(tickets.CreateClient(),
            identity.SignedSystemToken("tickets", "tickets.read", DateTime.UtcNow.AddMinutes(5)));
        (await expiring.GetAsync("/api/tickets/units", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "the same token with exp is good");

        using var endless = IdentityHost.WithBearer(tickets.CreateClient(), identity.SignedSystemToken("tickets", "tickets.read", expires: null));
        using var refused = await endless.GetAsync("/api/tickets/units", Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public void Plain_http_outside_development_refuses_to_start()
    {
        using var production = new WebApplicationFactory<IdentityDbContext>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:identitydb", servers.NewDatabase("identity-production"));
            builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:9/");
            builder.UseSetting("Identity:Issuer", IdentityHost.Issuer);
            builder.UseSetting("Identity:RequireHttps", "false");
        });

        Should.Throw<InvalidOperationException>(() => production.Server).Message.ShouldContain("Identity:RequireHttps=false");
    }
}
