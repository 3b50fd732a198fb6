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

    /// <summary>The aggregate (ticket, unit, person, ...) whose change this event announces.</summary>
    public Guid AggregateId { get; init; }

    /// <summary>
    /// The event's place in its aggregate's history: 1 for the first event the aggregate raised, then one more for each
    /// event after it, without gaps (one step that raises two events numbers them in raise order). Stamped when the
    /// aggregate is saved, so a consumer can tell an old event, the next one and a gap before it, whatever the queue order.
    /// </summary>
    public long AggregateVersion { get; init; }
}

/// <summary>
/// An event that states its aggregate's whole state rather than one change (e.g. a unit announced again for late
/// subscribers). It raises no new version: it carries the version of the aggregate's latest change, and a projection
/// that is behind, or knows nothing yet, takes it as the state at that version.
/// </summary>
public interface IAggregateSnapshot;

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
