using BrandPlatform.Contracts;

namespace BrandPlatform.Platform.Domain;

/// <summary>
/// An entity whose state changes announce themselves. Raised events are moved into the outbox by the SaveChanges that
/// persists the change, so a transition and its announcement cannot be separated.
/// </summary>
public abstract class Aggregate
{
    private readonly List<IntegrationEvent> raised = [];

    protected void Raise(IntegrationEvent integrationEvent) => raised.Add(integrationEvent);

    internal IReadOnlyList<IntegrationEvent> TakeRaisedEvents()
    {
        var events = raised.ToArray();
        raised.Clear();
        return events;
    }
}
