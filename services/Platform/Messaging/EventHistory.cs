using System.Diagnostics.Metrics;
using System.Text.Json;
using BrandPlatform.Contracts.Platform;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// An integration event the service raised, kept forever: written in the SaveChanges that puts it into the outbox (which
/// forgets sent rows after a week), so the history holds everything that was ever published and nothing that was not.
/// A projection elsewhere is rebuilt from it (<see cref="EventHistoryRequested"/>).
/// </summary>
public sealed class EventHistoryEntry
{
    private EventHistoryEntry() { }

    /// <summary>The history's order: assigned at insert, so it follows each aggregate's versions.</summary>
    public long Position { get; private set; }
    public Guid EventId { get; private set; }
    public string EventName { get; private set; } = "";
    public Guid AggregateId { get; private set; }
    public long AggregateVersion { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Payload { get; private set; } = "";

    internal static EventHistoryEntry Of(OutboxMessage message, Guid aggregateId, long aggregateVersion) => new()
    {
        EventId = message.Id,
        EventName = message.EventName,
        AggregateId = aggregateId,
        AggregateVersion = aggregateVersion,
        OccurredAt = message.OccurredAt,
        Payload = message.Payload,
    };

    internal object Event() =>
        JsonSerializer.Deserialize(Payload, EventCatalog.TypeOf(EventName), OutboxExtensions.PayloadJson)
            ?? throw new InvalidOperationException($"History entry {EventId} has an empty payload.");
}

/// <summary>
/// Answers an operator's rebuild, in every service: sends the service's history of the requested events to the
/// projection's queue in history order, each under its original event id, so the projection applies it as it applied
/// the live events (by aggregate version; what it has applied since the request is ignored, what overtakes is parked).
/// </summary>
public sealed partial class EventHistoryConsumer<TDbContext>(
    TDbContext db, ISendEndpointProvider sendEndpoints, ILogger<EventHistoryConsumer<TDbContext>> logger)
    : IConsumer<EventHistoryRequested> where TDbContext : DbContext
{
    private const int BatchSize = 500;

    private static readonly Counter<long> sent = PlatformTelemetry.Meter.CreateCounter<long>(
        "brandplatform.event_history.sent", description: "Events sent from a service's history to a projection being rebuilt");

    public async Task Consume(ConsumeContext<EventHistoryRequested> context)
    {
        var request = context.Message;
        var cancellationToken = context.CancellationToken;
        var names = request.EventNames.ToList();
        var endpoint = await sendEndpoints.GetSendEndpoint(new Uri($"queue:{request.Queue}"));
        var count = 0;
        for (var after = 0L; ;)
        {
            // Batches keep a long history out of memory; the connection is not held open between them.
            var batch = await db.Set<EventHistoryEntry>().AsNoTracking()
                .Where(e => names.Contains(e.EventName) && e.Position > after)
                .OrderBy(e => e.Position)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var entry in batch)
            {
                await endpoint.Send(entry.Event(), EventCatalog.TypeOf(entry.EventName), send => send.MessageId = entry.EventId, cancellationToken);
                sent.Add(1, new KeyValuePair<string, object?>("queue", request.Queue));
            }
            count += batch.Count;
            if (batch.Count < BatchSize)
            {
                break;
            }
            after = batch[^1].Position;
        }
        LogSent(logger, count, request.Queue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} events of the history to {Queue} for its rebuild")]
    private static partial void LogSent(ILogger logger, int count, string queue);
}

public static class EventHistoryMigration
{
    /// <summary>
    /// Starts a service's history with what its outbox still holds (sent rows of the past week, unsent ones): the
    /// history of the time before the table existed is gone with the outbox's purges.
    /// </summary>
    public static void CopyOutboxIntoEventHistory(this Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("""
            INSERT INTO event_history (event_id, event_name, aggregate_id, aggregate_version, occurred_at, payload)
            SELECT id, event_name,
                   COALESCE((payload ->> 'aggregateId')::uuid, '00000000-0000-0000-0000-000000000000'),
                   COALESCE((payload ->> 'aggregateVersion')::bigint, 0),
                   occurred_at, payload
            FROM outbox_messages
            WHERE event_name <> 'platform.event-history-requested.v1'
            ORDER BY occurred_at, id;
            """);
}
