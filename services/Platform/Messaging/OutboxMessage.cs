namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// An integration event waiting to leave the service. It is written in the same SaveChanges as the state change it
/// announces, so either both exist or neither does; the dispatcher publishes it and marks it sent.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string EventName { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public string? CorrelationId { get; private set; }
    /// <summary>W3C trace context of the request that caused the event, so the trace continues into consumers.</summary>
    public string? TraceParent { get; private set; }
    public string? TraceState { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(
        Guid id, string eventName, string payload, DateTimeOffset occurredAt, string? correlationId,
        string? traceParent, string? traceState) => new()
    {
        Id = id,
        EventName = eventName,
        Payload = payload,
        OccurredAt = occurredAt,
        CorrelationId = correlationId,
        TraceParent = traceParent,
        TraceState = traceState,
        NextAttemptAt = occurredAt,
    };

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        LastError = null;
    }

    /// <summary>Records a failed publish and pushes the next attempt out exponentially, capped at <paramref name="maxDelay"/>.</summary>
    public void MarkFailed(DateTimeOffset now, string error, TimeSpan maxDelay)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + RetryDelay(Attempts, maxDelay);
    }

    public static TimeSpan RetryDelay(int attempts, TimeSpan maxDelay)
    {
        var seconds = Math.Pow(2, Math.Min(attempts - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, maxDelay.TotalSeconds));
    }
}

/// <summary>Marks a message one consumer has applied, so a redelivery of the same MessageId is not applied twice.</summary>
public sealed class InboxMessage
{
    /// <summary>The primary key's name in every service's database (snake-case convention).</summary>
    public const string PrimaryKeyName = "pk_inbox_messages";

    private InboxMessage() { }

    public InboxMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    public DateTimeOffset ProcessedAt { get; private set; }
}
