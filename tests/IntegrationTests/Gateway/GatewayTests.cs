extern alias gateway;

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    public async Task The_bare_address_sends_people_to_the_portal()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/portal/");
    }

    [Fact]
    public async Task Health_names_each_service_behind_the_gateway()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var entries = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .RootElement.GetProperty("entries");
        foreach (var service in ServiceNames.Clusters.Where(c => c != "identity"))
        {
            entries.GetProperty(service).GetProperty("status").GetString().ShouldBe("Unhealthy");
        }
    }

    [Fact]
    public async Task The_api_reference_opens_on_tickets_and_loads_nothing_from_outside_the_gateway()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/docs/", TestContext.Current.CancellationToken);

        Regex.Matches(html, @"(https?:)?//[^\s""'<>]+").Select(m => m.Value).ShouldBeEmpty("an intranet reaches nothing outside the gateway");
        foreach (var script in Regex.Matches(html, @"<script[^>]*\ssrc=""([^""]+)""").Select(m => m.Groups[1].Value))
        {
            using var served = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/docs/"), script), TestContext.Current.CancellationToken);
            served.StatusCode.ShouldBe(HttpStatusCode.OK, $"{script} is served by the gateway");
        }
        var configuration = ReferenceConfiguration(html);
        var sources = configuration.GetProperty("sources").EnumerateArray().ToList();
        sources[0].GetProperty("url").GetString().ShouldBe("openapi/tickets.json");
        sources[0].GetProperty("default").GetBoolean().ShouldBeTrue();
        sources.Where(s => s.TryGetProperty("default", out var isDefault) && isDefault.GetBoolean()).ShouldHaveSingleItem();
        sources.Select(s => s.GetProperty("url").GetString())
            .ShouldBe(ServiceNames.Documented.Select(service => $"openapi/{service}.json"));
        // The reference tool's online services: fonts from its CDN, AI chat, MCP, SDK generation and deployment, telemetry.
        configuration.GetProperty("withDefaultFonts").GetBoolean().ShouldBeFalse();
        configuration.GetProperty("agent").GetProperty("disabled").GetBoolean().ShouldBeTrue();
        configuration.GetProperty("mcp").GetProperty("disabled").GetBoolean().ShouldBeTrue();
        configuration.GetProperty("showDeveloperTools").GetString().ShouldBe("never");
        configuration.GetProperty("telemetry").GetBoolean().ShouldBeFalse();
        configuration.TryGetProperty("proxyUrl", out _).ShouldBeFalse("requests go from the browser to the gateway, through no proxy");
    }

    [Fact]
    public async Task Operators_have_their_own_reference_of_every_service_s_operations_document()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/docs/operations/", TestContext.Current.CancellationToken);

        Regex.Matches(html, @"https?://").ShouldBeEmpty();
        ReferenceConfiguration(html).GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("url").GetString())
            .ShouldBe(ServiceNames.Documented.Select(service => $"openapi/operations/{service}.json"));
        using var proxied = await client.GetAsync("/openapi/operations/tickets.json", TestContext.Current.CancellationToken);
        proxied.StatusCode.ShouldBe(HttpStatusCode.BadGateway, "the gateway routes the document to the tickets service, which is down here");
    }

    /// <summary>The configuration the page hands to the reference's script.</summary>
    private static JsonElement ReferenceConfiguration(string html) =>
        JsonDocument.Parse(Regex.Match(html, @"^\s*(\{"".*\}),\s*$", RegexOptions.Multiline).Groups[1].Value).RootElement;

    public class GatewayFactory : WebApplicationFactory<gateway::Program>
    {
        protected virtual int PermitLimit => 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("RateLimiting:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimiting:Window", "00:10:00");
            foreach (var service in ServiceNames.Clusters)
            {
                // Port 9 (discard) refuses connections on loopback: every service is "down".
                builder.UseSetting($"ReverseProxy:Clusters:{service}:Destinations:d1:Address", "http://127.0.0.1:9");
            }
        }
    }
}
