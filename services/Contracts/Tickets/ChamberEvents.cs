namespace BrandPlatform.Contracts.Tickets;

/// <summary>An event of one of the tickets service's chambers of commerce; <see cref="IntegrationEvent.AggregateId"/> is the chamber.</summary>
public abstract record ChamberEvent : IntegrationEvent
{
    public Guid ChamberId { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>
/// A chamber the tickets service kept before liaison owned chambers, handed over once: liaison registers it (unless it
/// has one of that name) and the tickets service's chamber then follows liaison's organisation.
/// </summary>
[EventName("tickets.chamber-handed-over.v1")]
public sealed record ChamberHandedOver : ChamberEvent;
