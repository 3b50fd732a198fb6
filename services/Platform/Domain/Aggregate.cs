using BrandPlatform.Contracts;

namespace BrandPlatform.Platform.Domain;

/// <summary>
/// An entity whose state changes announce themselves. Raised events are moved into the outbox by the SaveChanges that
/// persists the change, so a transition and its announcement cannot be separated; that SaveChanges also numbers them
/// in the aggregate's event sequence (<see cref="Messaging.EventVersions"/>).
/// </summary>
public interface IEventSource
{
    RaisedEvents RaisedEvents { get; }
}

/// <summary>The events an entity raised since it was last saved.</summary>
public sealed class RaisedEvents
{
    private readonly List<IntegrationEvent> raised = [];

    public void Add(IntegrationEvent integrationEvent) => raised.Add(integrationEvent);

    internal IReadOnlyList<IntegrationEvent> Take()
    {
        var events = raised.ToArray();
        raised.Clear();
        return events;
    }
}

/// <summary>Base class for aggregates that have no other base to inherit.</summary>
public abstract class Aggregate : IEventSource
{
    RaisedEvents IEventSource.RaisedEvents { get; } = new();

    protected void Raise(IntegrationEvent integrationEvent) => ((IEventSource)this).RaisedEvents.Add(integrationEvent);
}
