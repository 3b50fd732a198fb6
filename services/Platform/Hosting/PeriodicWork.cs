using BrandPlatform.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Hosting;

/// <summary>
/// Background work that runs every <see cref="Interval"/> in its own DI scope, on the service's clock, quietly (no
/// trace per poll), and survives a failed pass: the next pass tries again. Unless <see cref="OnEveryReplica"/>, a pass
/// runs under the work's advisory lock in the service's database: with several replicas, the one that holds it does
/// the pass and the others skip theirs, so a reminder or an escalation step is never taken twice.
/// </summary>
public abstract partial class PeriodicWork(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected IServiceScopeFactory Scopes { get; } = scopes;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>True for work that is safe to run on every replica at once (it claims its rows itself).</summary>
    protected virtual bool OnEveryReplica => false;

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var quiet = PlatformTelemetry.Quiet();
                await using var scope = Scopes.CreateAsyncScope();
                await using var held = OnEveryReplica ? null
                    : await scope.ServiceProvider.GetRequiredService<DatabaseLocks>().TryTakeAsync(GetType().Name, stoppingToken);
                if (OnEveryReplica || held is not null)
                {
                    await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                }
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
