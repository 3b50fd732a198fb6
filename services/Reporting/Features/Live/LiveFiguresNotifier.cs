using System.Collections.Concurrent;
using System.Threading.Channels;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.Live;

/// <summary>
/// Turns projection commits into <c>figuresChanged</c> messages, coalesced per area: the first change after a quiet
/// spell goes out at once (a single event is seen without delay), later ones within <see cref="LiveFiguresOptions.Coalesce"/>
/// wait for the span to end and go out as one. Sending runs here, off the consumers' path, so a slow client never
/// holds back a projection. A commit is passed round through the database (NOTIFY on <see cref="NotifyChannel"/>): with
/// several replicas, the one whose consumer applied the event is seldom the one a reader's WebSocket is connected to.
/// </summary>
internal sealed partial class LiveFiguresNotifier(
    IHubContext<FiguresHub> hub, DatabaseNotifications notifications, IOptions<LiveFiguresOptions> options, TimeProvider timeProvider,
    ILogger<LiveFiguresNotifier> logger)
    : BackgroundService, IProjectionObserver
{
    public const string NotifyChannel = "reporting_figures_changed";

    /// <summary>Areas this replica committed, to be told to every replica.</summary>
    private readonly MarkedAreas committed = new();
    /// <summary>Areas any replica committed, to be told to this replica's readers.</summary>
    private readonly MarkedAreas changed = new();
    private readonly Dictionary<string, DateTimeOffset> lastSent = [];

    public void Applied(ProjectionApplied applied) => committed.Mark(applied.Projection);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = notifications.ListenAsync(NotifyChannel, changed.Mark, stoppingToken);
        var telling = TellReplicasAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitAsync(changed, await SendDueAsync(stoppingToken), stoppingToken);
        }
        await Task.WhenAll(listening, telling);
    }

    /// <summary>Every replica, this one included, hears of this replica's commits through the database.</summary>
    private async Task TellReplicasAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitAsync(committed, DateTimeOffset.MaxValue, stoppingToken);
            foreach (var area in committed.Areas)
            {
                committed.Unmark(area);
                try
                {
                    await notifications.NotifyAsync(NotifyChannel, area, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database is out of reach: this replica's readers still hear it, the others' at the next change.
                    LogNotifyFailed(logger, exception, area);
                    changed.Mark(area);
                }
            }
        }
    }

    /// <summary>Sends every changed area whose span has ended; returns when the earliest held-back one is due.</summary>
    private async Task<DateTimeOffset> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nextDue = DateTimeOffset.MaxValue;
        foreach (var area in changed.Areas)
        {
            var due = lastSent.TryGetValue(area, out var sent) ? sent + options.Value.Coalesce : now;
            if (due > now)
            {
                nextDue = due < nextDue ? due : nextDue;
                continue;
            }
            changed.Unmark(area);
            lastSent[area] = now;
            try
            {
                await hub.Clients.All.SendAsync(FiguresHub.FiguresChanged, new FiguresChanged(area, now), cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The figures are committed either way; a reader that missed this hears the area's next change.
                LogSendFailed(logger, exception, area);
            }
        }
        return nextDue;
    }

    /// <summary>Until an area of <paramref name="marked"/> is marked or <paramref name="nextDue"/> (the earliest held-back area) comes.</summary>
    private async Task WaitAsync(MarkedAreas marked, DateTimeOffset nextDue, CancellationToken stoppingToken)
    {
        var delay = nextDue == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : Later(nextDue - timeProvider.GetUtcNow());
        using var timeout = new CancellationTokenSource(delay, timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await marked.Wake.WaitToReadAsync(either.Token);
            marked.Wake.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The held-back area is due.
        }
    }

    private static TimeSpan Later(TimeSpan delay) => delay > TimeSpan.Zero ? delay : TimeSpan.Zero;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live figures: telling the other replicas that {Area} changed failed")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string area);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live figures: telling readers that {Area} changed failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string area);

    /// <summary>Areas marked and not yet taken, and a wake-up for whoever takes them.</summary>
    private sealed class MarkedAreas
    {
        private readonly ConcurrentDictionary<string, bool> areas = new();
        private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public ICollection<string> Areas => areas.Keys;

        public ChannelReader<bool> Wake => wake.Reader;

        public void Mark(string area)
        {
            areas[area] = true;
            wake.Writer.TryWrite(true);
        }

        public void Unmark(string area) => areas.TryRemove(area, out _);
    }
}
