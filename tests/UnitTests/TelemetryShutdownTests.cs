using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class TelemetryShutdownTests
{
    /// <summary>The orchestrator reports a process it could not stop after about ten seconds.</summary>
    private static readonly TimeSpan OrchestratorPatience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_service_whose_telemetry_collector_is_down_still_ends_well_within_the_orchestrators_patience()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // What the AppHost gives a service, with nothing listening where the dashboard would be.
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:1";
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.Configuration["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        await app.StartAsync(cancellationToken);
        // Telemetry still pending when the stop comes.
        using (var activity = new ActivitySource(app.Environment.ApplicationName).StartActivity("work"))
        {
            app.Logger.LogInformation("Pending when the service is stopped");
        }
        PlatformTelemetry.Meter.CreateCounter<long>("brandplatform.test.pending").Add(1);

        var stopping = Stopwatch.StartNew();
        await app.StopAsync(cancellationToken);
        await app.DisposeAsync();

        stopping.Elapsed.ShouldBeLessThan(OrchestratorPatience / 2);
    }
}
