using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Sends what telemetry is still pending once the host has stopped, for at most <see cref="Budget"/>, and then lets
/// the process end. Left to themselves the exporters wait for a collector that is down (the dashboard stopped, or
/// disabled as in the end-to-end tests) with retries and a grace period per signal, and a service took 19 seconds to
/// end after SIGTERM: longer than the orchestrator waits before it reports that the process could not be stopped.
/// Telemetry is best effort; a stop is not.
/// </summary>
internal sealed class TelemetryShutdown(IServiceProvider services, IHostApplicationLifetime lifetime) : IHostedService
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(ShutDown);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void ShutDown()
    {
        var milliseconds = (int)Budget.TotalMilliseconds;
        // In parallel: the budget is for the whole stop, not per signal. A provider shut down here does nothing more
        // when the container disposes it; an exporter thread still waiting is a background thread and ends with us.
        Task.WaitAll(
            Task.Run(() => services.GetService<TracerProvider>()?.Shutdown(milliseconds)),
            Task.Run(() => services.GetService<MeterProvider>()?.Shutdown(milliseconds)),
            Task.Run(() => services.GetService<LoggerProvider>()?.Shutdown(milliseconds)));
    }
}
