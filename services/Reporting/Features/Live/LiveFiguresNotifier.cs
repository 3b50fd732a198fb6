using System.Collections.Concurrent;
using System.Threading.Channels;
using BrandPlatform.Platform.Messaging;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.Live;

/// <summary>
/// Turns projection commits into <c>figuresChanged</c> messages, coalesced per area: the first change after a quiet
/// spell goes out at once (a single event is seen without delay), later ones within <see cref="LiveFiguresOptions.Coalesce"/>
/// wait for the span to end and go out as one. Sending runs here, off the consumers' path, so a slow client never
/// holds back a projection.
/// </summary>
internal sealed partial class LiveFiguresNotifier(
    IHubContext<FiguresHub> hub, IOptions<LiveFiguresOptions> options, TimeProvider timeProvider, ILogger<LiveFiguresNotifier> logger)
    : BackgroundService, IProjectionObserver
{
    private readonly ConcurrentDictionary<string, bool> changed = new();
    private readonly Dictionary<string, DateTimeOffset> lastSent = [];
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Applied(ProjectionApplied applied)
    {
        changed[applied.Projection] = true;
        wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await WaitAsync(await SendDueAsync(stoppingToken), stoppingToken);
        }
    }

    /// <summary>Sends every changed area whose span has ended; returns when the earliest held-back one is due.</summary>
    private async Task<DateTimeOffset> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nextDue = DateTimeOffset.MaxValue;
        foreach (var area in changed.Keys)
        {
            var due = lastSent.TryGetValue(area, out var sent) ? sent + options.Value.Coalesce : now;
            if (due > now)
            {
                nextDue = due < nextDue ? due : nextDue;
                continue;
            }
            changed.TryRemove(area, out _);
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

    /// <summary>Until a change arrives or <paramref name="nextDue"/> (the earliest held-back area) comes.</summary>
    private async Task WaitAsync(DateTimeOffset nextDue, CancellationToken stoppingToken)
    {
        var delay = nextDue == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : Later(nextDue - timeProvider.GetUtcNow());
        using var timeout = new CancellationTokenSource(delay, timeProvider);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await wake.Reader.WaitToReadAsync(either.Token);
            wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The held-back area is due.
        }
    }

    private static TimeSpan Later(TimeSpan delay) => delay > TimeSpan.Zero ? delay : TimeSpan.Zero;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live figures: telling readers that {Area} changed failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string area);
}
