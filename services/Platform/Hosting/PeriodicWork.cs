using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Hosting;

/// <summary>
/// Background work that runs every <see cref="Interval"/> in its own DI scope, on the service's clock, quietly (no
/// trace per poll), and survives a failed pass: the next pass tries again.
/// </summary>
public abstract partial class PeriodicWork(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var quiet = PlatformTelemetry.Quiet();
                await using var scope = Scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(Logger, GetType().Name, exception);
            }
            await Task.Delay(Interval, Clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Work} failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, string work, Exception exception);
}
