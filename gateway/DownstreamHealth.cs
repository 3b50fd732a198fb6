using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BrandPlatform.Gateway;

/// <summary>The gateway's /health names each service behind it, so an operator sees which one is down.</summary>
public static class DownstreamHealth
{
    public static WebApplicationBuilder AddDownstreamHealthChecks(this WebApplicationBuilder builder)
    {
        var clusters = builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren();
        var checks = builder.Services.AddHealthChecks();
        foreach (var cluster in clusters)
        {
            var address = cluster.GetSection("Destinations").GetChildren().Select(d => d["Address"]).FirstOrDefault();
            if (address is null)
            {
                continue;
            }
            var health = new Uri(new Uri(address), "/health");
            checks.Add(new HealthCheckRegistration(
                cluster.Key,
                services => new DownstreamHealthCheck(services.GetRequiredService<IHttpClientFactory>(), health),
                HealthStatus.Unhealthy,
                ["downstream"],
                TimeSpan.FromSeconds(5)));
        }
        return builder;
    }

    private sealed class DownstreamHealthCheck(IHttpClientFactory httpClientFactory, Uri health) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var client = httpClientFactory.CreateClient("downstream-health");
                using var response = await client.GetAsync(health, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy($"{health.Host} answered {(int)response.StatusCode}")
                    : HealthCheckResult.Unhealthy($"{health.Host} answered {(int)response.StatusCode}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{health.Host} is unreachable", exception);
            }
        }
    }
}
