using System.Diagnostics;
using System.Text.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace BrandPlatform.Platform.Messaging;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Puts an event into the outbox of this DbContext, and into its history. Nothing is sent until the caller's
    /// SaveChanges commits the state change and the event together; the dispatcher then publishes it.
    /// </summary>
    public static void AddIntegrationEvent(this DbContext db, IntegrationEvent integrationEvent)
    {
        var correlated = integrationEvent.CorrelationId is null && CorrelationContext.Current is { } correlationId
            ? integrationEvent with { CorrelationId = correlationId }
            : integrationEvent;
        var activity = Activity.Current;
        var message = OutboxMessage.Create(
            correlated.EventId,
            EventNameAttribute.Of(correlated.GetType()),
            JsonSerializer.Serialize(correlated, correlated.GetType(), PayloadJson),
            correlated.OccurredAt,
            correlated.CorrelationId,
            activity?.Id,
            activity?.TraceStateString);
        db.Set<OutboxMessage>().Add(message);
        // A rebuild request is an operator's command about no aggregate: replaying it would start the rebuild again.
        if (correlated is not EventHistoryRequested)
        {
            db.Set<EventHistoryEntry>().Add(EventHistoryEntry.Of(message, correlated.AggregateId, correlated.AggregateVersion));
        }
    }
}
