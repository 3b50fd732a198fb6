namespace BrandPlatform.Contracts;

/// <summary>
/// A fact one service announces to the others. Events are immutable; a changed shape gets a new versioned name
/// (see <see cref="EventNameAttribute"/>) so that old and new consumers can run side by side during a rollout.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Unique per event; also the broker's MessageId, which consumers de-duplicate on.</summary>
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The X-Correlation-Id of the request that caused the event, carried to every consumer.</summary>
    public string? CorrelationId { get; init; }
}

/// <summary>The stable, versioned name of an event on the wire, e.g. <c>tickets.ticket-submitted.v1</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string Of(Type eventType) =>
        eventType.GetCustomAttributes(typeof(EventNameAttribute), false) is [EventNameAttribute attribute, ..]
            ? attribute.Name
            : throw new InvalidOperationException($"{eventType.FullName} has no [EventName].");
}
