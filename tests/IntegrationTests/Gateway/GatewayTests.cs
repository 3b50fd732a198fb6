extern alias gateway;

using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Gateway;

/// <summary>The gateway's own behaviour, with every service behind it unreachable.</summary>
public sealed class GatewayTests : IClassFixture<GatewayTests.GatewayFactory>
{
    private readonly GatewayFactory factory;

    public GatewayTests(GatewayFactory factory) => this.factory = factory;

    [Fact]
    public async Task A_client_over_its_limit_gets_429_with_retry_after()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/api/reporting/tickets/summary", TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(1, $"statuses: {string.Join(", ", statuses)}");
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(last.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThan(0);
        last.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        last.Dispose();
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_caller_s_own_is_kept()
    {
        using var client = factory.CreateClient();
        using var generated = await client.GetAsync("/alive", TestContext.Current.CancellationToken);
        generated.Headers.GetValues("X-Correlation-Id").Single().ShouldMatch("^[0-9a-f]{32}$");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/alive");
        request.Headers.Add("X-Correlation-Id", "12345-hotline-ref");
        using var kept = await client.SendAsync(request, TestContext.Current.CancellationToken);
        kept.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("12345-hotline-ref");
    }

    [Fact]
    public async Task Health_names_each_service_behind_the_gateway()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var entries = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("entries");
        foreach (var service in new[] { "tickets", "study", "discipline", "reporting" })
        {
            entries.GetProperty(service).GetProperty("status").GetString().ShouldBe("Unhealthy");
        }
    }

    public class GatewayFactory : WebApplicationFactory<gateway::Program>
    {
        protected virtual int PermitLimit => 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("RateLimiting:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimiting:Window", "00:10:00");
            foreach (var service in new[] { "identity", "tickets", "study", "discipline", "reporting" })
            {
                // Port 9 (discard) refuses connections on loopback: every service is "down".
                builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:d1:Address", "http://127.0.0.1:9");
            }
        }
    }
}
