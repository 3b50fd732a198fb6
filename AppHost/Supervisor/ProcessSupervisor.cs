using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandPlatform.AppHost.Supervisor;

/// <summary>
/// Watches the supervised resources' states and restarts a process that ended unexpectedly with Aspire's own start
/// command, as an operator would from the dashboard, with back-off and a crash budget (<see cref="CrashHistory"/>).
/// "Unexpectedly": with a non-zero exit code or a signal (systemd's on-failure), and not after a Stop, Restart or
/// Rebuild command or during the AppHost's shutdown. A process that fails before it was ever healthy did not crash, it failed to
/// start: that stops the whole application with one line on standard error (<see cref="SupervisorOptions.StopOnFailedStart"/>).
/// </summary>
public sealed partial class ProcessSupervisor(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    IOptions<SupervisorOptions> configured,
    TimeProvider time,
    ILogger<ProcessSupervisor> logger) : BackgroundService
{
    public const string StatusProperty = "brandplatform.supervisor.status";
    public const string RestartsProperty = "brandplatform.supervisor.restarts";
    private static readonly TimeSpan LogReadTimeout = TimeSpan.FromSeconds(5);

    private readonly SupervisorOptions options = configured.Value;
    // Per process (resource id: one per replica); touched by the watch loop only, one event at a time; restarts in
    // flight count through Interlocked.
    private readonly Dictionary<string, Watch> watches = [];
    private bool failedStartReported;

    private bool Stopping => lifetime.ApplicationStopping.IsCancellationRequested || failedStartReported && options.StopOnFailedStart;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var supervised = model.Resources.Where(resource => resource.HasAnnotationOfType<SupervisedAnnotation>()).ToHashSet();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (supervised.Contains(update.Resource))
                {
                    await ObserveAsync(update, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the AppHost is stopping
        }
    }

    private async Task ObserveAsync(ResourceEvent update, CancellationToken stoppingToken)
    {
        var snapshot = update.Snapshot;
        var state = snapshot.State?.Text;
        if (!watches.TryGetValue(update.ResourceId, out var watch))
        {
            watch = new Watch(new CrashHistory(options));
            watches.Add(update.ResourceId, watch);
            await ShowAsync(update, options.Enabled ? "守护中：意外退出后自动重启" : "未启用自动重启", restarts: 0);
        }
        var previous = watch.State;
        watch.State = state;

        if (state == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy)
        {
            watch.EverHealthy = true;
            if (watch.GaveUp)
            {
                // An operator started it again: supervise it afresh.
                watch.GaveUp = false;
                watch.History.Forget();
                await ShowAsync(update, "守护中：意外退出后自动重启", watch.Restarts);
            }
        }

        if (!IsEnd(state) || IsEnd(previous) || Stopping)
        {
            return;
        }
        if (state != KnownResourceStates.FailedToStart && snapshot.ExitCode == 0 || await StoppedByCommandAsync(update.ResourceId, stoppingToken))
        {
            return; // ended on purpose
        }
        if (!watch.EverHealthy && options.StopOnFailedStart)
        {
            await FailedToStartAsync(update, stoppingToken);
            return;
        }
        await CrashedAsync(update, watch, stoppingToken);
    }

    private async Task FailedToStartAsync(ResourceEvent update, CancellationToken stoppingToken)
    {
        if (failedStartReported)
        {
            return; // what waited for it fails next; the first failure is the cause
        }
        failedStartReported = true;
        var reason = FailureReason.Describe(await LogLinesAsync(update.ResourceId, stoppingToken), update.Snapshot.ExitCode);
        // run.sh shows this line as the reason it stopped; keep its form.
        await Console.Error.WriteLineAsync($"brandplatform: resource '{update.Resource.Name}' failed to start: {reason}");
        LogFailedToStart(logger, update.Resource.Name, reason);
        Environment.ExitCode = 1;
        lifetime.StopApplication();
    }

    private async Task CrashedAsync(ResourceEvent update, Watch watch, CancellationToken stoppingToken)
    {
        var name = update.Resource.Name;
        var exit = update.Snapshot.ExitCode is { } code ? $"exit code {code}" : update.Snapshot.State?.Text ?? "unknown";
        var resourceLog = resourceLogs.GetLogger(update.ResourceId);
        if (!options.Enabled)
        {
            LogNotRestarting(logger, name, exit);
            return;
        }
        var decision = watch.History.Crashed(time.GetUtcNow());
        if (decision.GiveUp)
        {
            watch.GaveUp = true;
            LogGaveUp(logger, name, exit, decision.CrashesInWindow, options.Window);
            LogGaveUp(resourceLog, name, exit, decision.CrashesInWindow, options.Window);
            await ShowAsync(update,
                $"已停止自动重启：{Span(options.Window)}内意外退出 {decision.CrashesInWindow} 次（最近一次{Chinese(exit)}）。查明原因后可在此手动启动",
                watch.Restarts);
            return;
        }
        LogRestarting(logger, name, exit, decision.Delay, decision.CrashesInWindow, options.MaxRestarts);
        LogRestarting(resourceLog, name, exit, decision.Delay, decision.CrashesInWindow, options.MaxRestarts);
        await ShowAsync(update,
            $"意外退出（{Chinese(exit)}），{Span(decision.Delay)}后自动重启（{Span(options.Window)}内第 {decision.CrashesInWindow} 次）",
            watch.Restarts);
        _ = RestartAfterAsync(update, watch, decision.Delay, exit, stoppingToken);
    }

    private async Task RestartAfterAsync(ResourceEvent crash, Watch watch, TimeSpan delay, string exit, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken);
            // An operator may have started it meanwhile.
            if (Stopping || !notifications.TryGetCurrentState(crash.ResourceId, out var current) || !IsEnd(current.Snapshot.State?.Text))
            {
                return;
            }
            // By its id: a command on the resource would start every replica, and only this one ended.
            var result = await commands.ExecuteCommandAsync(crash.ResourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                LogRestartFailed(logger, crash.Resource.Name, result.Message);
                return;
            }
            var restarts = Interlocked.Increment(ref watch.Restarts);
            LogRestarted(logger, crash.Resource.Name, restarts);
            await ShowAsync(crash, $"已于 {time.GetLocalNow():HH:mm:ss} 自动重启（此前{Chinese(exit)}）", restarts);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the AppHost is stopping
        }
        catch (Exception exception)
        {
            // A restart that throws must not end supervision of everything else.
            LogRestartFailed(logger, crash.Resource.Name, exception.Message);
        }
    }

    /// <summary>The dashboard shows both properties on the resource; the status says what the supervisor did last.</summary>
    private Task ShowAsync(ResourceEvent update, string status, int restarts) =>
        notifications.PublishUpdateAsync(update.Resource, update.ResourceId, snapshot => snapshot with
        {
            Properties = With(With(snapshot.Properties,
                new ResourcePropertySnapshot(StatusProperty, status) { DisplayName = "自动重启", IsHighlighted = true }),
                new ResourcePropertySnapshot(RestartsProperty, restarts) { DisplayName = "自动重启次数" }),
        });

    private static ImmutableArray<ResourcePropertySnapshot> With(ImmutableArray<ResourcePropertySnapshot> properties, ResourcePropertySnapshot property)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            if (properties[i].Name == property.Name)
            {
                return properties.SetItem(i, property);
            }
        }
        return properties.Add(property);
    }

    /// <summary>
    /// Whether the last command run on the resource ended it: the dashboard's Stop, Restart or Rebuild. Aspire runs a
    /// project as `dotnet run`, which a stop ends by signal, so the exit code cannot tell a stop from a crash; every
    /// command, from the dashboard, the CLI or this supervisor, goes through ResourceCommandService, which writes
    /// "Executing command 'name'." to the resource's log before it runs it.
    /// </summary>
    private async Task<bool> StoppedByCommandAsync(string resourceId, CancellationToken stoppingToken)
    {
        // The first batch is the AppHost's own lines about the resource; the process's output follows and is not needed.
        await foreach (var batch in resourceLogs.GetAllAsync(resourceId).WithCancellation(stoppingToken))
        {
            var last = batch.Select(line => CommandLine().Match(line.Content)).LastOrDefault(match => match.Success);
            return last is not null && last.Groups["name"].Value is "stop" or "restart" or "rebuild";
        }
        return false;
    }

    [GeneratedRegex("Executing command '(?<name>[^']+)'")]
    private static partial Regex CommandLine();

    private async Task<List<string>> LogLinesAsync(string resourceId, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(LogReadTimeout);
        var lines = new List<string>();
        try
        {
            await foreach (var batch in resourceLogs.GetAllAsync(resourceId).WithCancellation(timeout.Token))
            {
                lines.AddRange(batch.Select(line => line.Content));
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // what arrived in time is enough for a reason
        }
        return lines;
    }

    private static bool IsEnd(string? state) => state is not null && KnownResourceStates.TerminalStates.Contains(state);

    private static string Chinese(string exit) => exit.Replace("exit code", "退出码", StringComparison.Ordinal);

    private static string Span(TimeSpan span) => span >= TimeSpan.FromMinutes(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} 分钟")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} 秒");

    private sealed class Watch(CrashHistory history)
    {
        public CrashHistory History { get; } = history;
        public string? State { get; set; }
        public bool EverHealthy { get; set; }
        public bool GaveUp { get; set; }
        public int Restarts;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Resource {Resource} failed to start: {Reason}")]
    private static partial void LogFailedToStart(ILogger logger, string resource, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resource {Resource} exited unexpectedly ({Exit}); restarting it in {Delay} (crash {Crash} of {MaxRestarts} allowed in the window)")]
    private static partial void LogRestarting(ILogger logger, string resource, string exit, TimeSpan delay, int crash, int maxRestarts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resource {Resource} restarted by the supervisor (restart {Restarts})")]
    private static partial void LogRestarted(ILogger logger, string resource, int restarts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resource {Resource} exited unexpectedly ({Exit}), {Crashes} times within {Window}: the supervisor no longer restarts it; start it from the dashboard once the cause is fixed")]
    private static partial void LogGaveUp(ILogger logger, string resource, string exit, int crashes, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resource {Resource} exited unexpectedly ({Exit}); Supervisor:Enabled is off, so it stays down")]
    private static partial void LogNotRestarting(ILogger logger, string resource, string exit);

    [LoggerMessage(Level = LogLevel.Error, Message = "The supervisor could not restart resource {Resource}: {Message}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? message);
}
