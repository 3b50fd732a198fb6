using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// Publishes committed outbox rows through MassTransit and marks them sent. Rows are claimed with
/// FOR UPDATE SKIP LOCKED, so several instances of a service never publish the same row at once; a row whose publish
/// fails (broker down) stays and is retried with back-off, so nothing is lost across outages and restarts.
/// Delivery is at least once: consumers de-duplicate on the MessageId, which is the event id.
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    OutboxSignal signal,
    TimeProvider timeProvider,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly Counter<long> published = PlatformTelemetry.Meter.CreateCounter<long>(
        "brandplatform.outbox.published", description: "Integration events published from the outbox");
    private static readonly Counter<long> failed = PlatformTelemetry.Meter.CreateCounter<long>(
        "brandplatform.outbox.publish_failures", description: "Failed attempts to publish an outbox row");

    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
                await PurgeIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogDispatchFailed(logger, exception);
            }

            if (dispatched < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Publishes one batch of due rows; returns how many were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Polling is routine: its queries stay out of the traces operators read. Each publish still joins the trace
        // of the request that caused the event, through the parent stored in its row.
        using var quiet = PlatformTelemetry.Quiet();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = timeProvider.GetUtcNow();
            var due = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY occurred_at
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }

            var count = 0;
            foreach (var message in due)
            {
                if (!await TryPublishAsync(message, settings, ct))
                {
                    // The broker is most likely unreachable: stop here and let back-off space the next attempts.
                    break;
                }
                count++;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
    }

    private async Task<bool> TryPublishAsync(OutboxMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = PlatformTelemetry.ActivitySource.StartActivity(
            $"outbox publish {message.EventName}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("correlation.id", message.CorrelationId);

        try
        {
            var type = EventCatalog.TypeOf(message.EventName);
            var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxExtensions.PayloadJson)
                ?? throw new InvalidOperationException($"Outbox row {message.Id} has an empty payload.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PublishTimeout);
            await bus.Publish(payload, type, context =>
            {
                context.MessageId = message.Id;
                if (message.CorrelationId is not null)
                {
                    context.Headers.Set(ServiceDefaultsExtensions.CorrelationIdHeader, message.CorrelationId);
                }
            }, timeout.Token);

            message.MarkSent(timeProvider.GetUtcNow());
            published.Add(1, new KeyValuePair<string, object?>("event", message.EventName));
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            message.MarkFailed(timeProvider.GetUtcNow(), exception.Message, settings.MaxRetryDelay);
            failed.Add(1, new KeyValuePair<string, object?>("event", message.EventName));
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogPublishFailed(logger, exception, message.Id, message.EventName, message.Attempts);
            return false;
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow();
        if (now - lastPurge < settings.PurgeInterval)
        {
            return;
        }
        lastPurge = now;
        using var quiet = PlatformTelemetry.Quiet();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var sentBefore = now - settings.SentRetention;
        var processedBefore = now - settings.InboxRetention;
        var purgedOutbox = await db.Set<OutboxMessage>().Where(m => m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var purgedInbox = await db.Set<InboxMessage>().Where(m => m.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
        if (purgedOutbox + purgedInbox > 0)
        {
            LogPurged(logger, purgedOutbox, purgedInbox);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; retrying after the poll interval")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({EventName}) failed, attempt {Attempts}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, string eventName, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Outbox} sent outbox rows and {Inbox} inbox rows past retention")]
    private static partial void LogPurged(ILogger logger, int outbox, int inbox);
}
