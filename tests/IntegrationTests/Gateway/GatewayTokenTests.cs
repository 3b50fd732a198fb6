extern alias gateway;

using System.Net;
using System.Net.Http.Headers;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Gateway;

/// <summary>
/// The gateway checks tokens at the edge (services behind it are down here, so 502 means "let through") and counts
/// its rate limit per client or person named by the token.
/// </summary>
public sealed class GatewayTokenTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Api_routes_need_a_valid_token_and_sign_in_routes_do_not()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var factory = new TokenGatewayFactory(identity, permitLimit: 100);
        using var client = factory.CreateClient();

        using var none = await client.GetAsync("/api/tickets/" + Guid.NewGuid(), Cancel);
        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        none.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var token = await identity.TokenAsync("tickets.read");
        using var tampered = await SendAsync(client, "/api/tickets/" + Guid.NewGuid(), token[..^4] + "AAAA");
        tampered.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var valid = await SendAsync(client, "/api/tickets/" + Guid.NewGuid(), token);
        valid.StatusCode.ShouldBe(HttpStatusCode.BadGateway, "a valid token is let through to the (unreachable) service");

        using var discovery = await client.GetAsync("/identity/.well-known/openid-configuration", Cancel);
        discovery.StatusCode.ShouldBe(HttpStatusCode.BadGateway, "sign-in routes are anonymous at the edge");
    }

    [Fact]
    public async Task A_token_without_an_expiry_is_refused_at_the_edge()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var factory = new TokenGatewayFactory(identity, permitLimit: 100);
        using var client = factory.CreateClient();

        using var expiring = await SendAsync(client, "/api/tickets/units", identity.SignedSystemToken("tickets", "tickets.read", DateTime.UtcNow.AddMinutes(5)));
        expiring.StatusCode.ShouldBe(HttpStatusCode.BadGateway, "the same token with exp is let through");
        using var endless = await SendAsync(client, "/api/tickets/units", identity.SignedSystemToken("tickets", "tickets.read", expires: null));
        endless.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("POST", "/identity/ops/error-queues/replay")]
    [InlineData("GET", "/identity/health")]
    [InlineData("GET", "/identity/alive")]
    [InlineData("GET", "/identity/openapi/v1.json")]
    public async Task The_identity_route_does_not_reach_operations_or_health(string method, string path)
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var factory = new TokenGatewayFactory(identity, permitLimit: 100);
        using var client = factory.CreateClient();

        var operatorToken = (await identity.SignInAsync("operator", IdentityHost.DevelopmentPassword, "openid roles operations"))
            .GetProperty("access_token").GetString()!;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", operatorToken);

        using var response = await client.SendAsync(request, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the gateway has no route for it, even for an operator");
        using var token = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent([]), Cancel);
        token.StatusCode.ShouldBe(HttpStatusCode.BadGateway, "sign-in and token paths are still proxied");
    }

    [Fact]
    public async Task Each_client_and_person_has_its_own_rate_limit_window()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var factory = new TokenGatewayFactory(identity, permitLimit: 2);
        using var client = factory.CreateClient();
        var system = await identity.TokenAsync("tickets.read");
        var person = await identity.PersonTokenAsync("handler");

        var systemStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await SendAsync(client, "/api/tickets/" + Guid.NewGuid(), system);
            systemStatuses.Add(response.StatusCode);
        }
        using var personResponse = await SendAsync(client, "/api/tickets/" + Guid.NewGuid(), person);

        systemStatuses.ShouldBe([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.TooManyRequests]);
        personResponse.StatusCode.ShouldBe(HttpStatusCode.BadGateway, "the person is not counted in the system's window");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, Cancel);
    }

    private sealed class TokenGatewayFactory(IdentityHost identity, int permitLimit) : WebApplicationFactory<gateway::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Identity:Authority", IdentityHost.Issuer);
            builder.UseSetting("Identity:RequireHttpsMetadata", "false");
            builder.UseSetting("RateLimiting:PermitLimit", permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimiting:Window", "00:10:00");
            foreach (var service in ServiceNames.Clusters)
            {
                builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:d1:Address", "http://127.0.0.1:9");
            }
            builder.ConfigureTestServices(services => services.Configure<JwtBearerOptions>(
                JwtBearerDefaults.AuthenticationScheme, options => options.BackchannelHttpHandler = identity.Backchannel()));
        }
    }
}
