using BrandPlatform.Contracts;
using BrandPlatform.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// The gapless sequence of the events each aggregate raises (<see cref="IntegrationEvent.AggregateVersion"/>). The
/// number of events raised so far is a column of the aggregate's own row, written by the SaveChanges that moves the
/// events into the outbox, and a concurrency token: two saves of one aggregate that both started from version n cannot
/// both commit n+1, the later one fails as any concurrent edit does.
/// It is deliberately not an aggregate's own edit counter (a ticket's ETag version): some changes raise no event and
/// some raise several, and callers' If-Match values must not change meaning when an event is added to a step.
/// </summary>
public static class EventVersions
{
    public const string PropertyName = "EventVersion";

    /// <summary>Gives every event source in the model its event sequence column; call last in OnModelCreating.</summary>
    public static ModelBuilder AddEventVersions(this ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => e.BaseType is null && typeof(IEventSource).IsAssignableFrom(e.ClrType)).ToList())
        {
            modelBuilder.Entity(entity.ClrType).Property<long>(PropertyName).IsConcurrencyToken();
        }
        return modelBuilder;
    }

    /// <summary>
    /// The events an aggregate raised since its last save, numbered after its latest version in raise order; the
    /// aggregate's row takes the last number. A snapshot takes the version of the change before it.
    /// </summary>
    internal static IReadOnlyList<IntegrationEvent> Stamp(EntityEntry<IEventSource> entry, IReadOnlyList<IntegrationEvent> raised)
    {
        if (raised.Count == 0)
        {
            return raised;
        }
        var type = entry.Metadata;
        if (type.FindProperty(PropertyName) is null || type.FindPrimaryKey()?.Properties is not [{ ClrType: var keyType } key] || keyType != typeof(Guid))
        {
            throw new InvalidOperationException(
                $"{type.ClrType.Name} raises events, so its model needs a Guid key and modelBuilder.AddEventVersions().");
        }
        var aggregateId = (Guid)entry.Property(key.Name).CurrentValue!;
        var version = entry.Property<long>(PropertyName);
        var latest = version.CurrentValue;
        var stamped = raised
            .Select(e => e with { AggregateId = aggregateId, AggregateVersion = e is IAggregateSnapshot ? latest : ++latest })
            .ToList();
        version.CurrentValue = latest;
        return stamped;
    }
}
