using System.Collections.Frozen;
using BrandPlatform.Contracts;

namespace BrandPlatform.Platform.Messaging;

/// <summary>Every integration event in the contracts assembly, by its versioned wire name.</summary>
public static class EventCatalog
{
    private static readonly FrozenDictionary<string, Type> byName = typeof(IntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false } && t.IsSubclassOf(typeof(IntegrationEvent)))
        .ToFrozenDictionary(EventNameAttribute.Of, StringComparer.Ordinal);

    public static Type TypeOf(string eventName) =>
        byName.TryGetValue(eventName, out var type)
            ? type
            : throw new InvalidOperationException($"No integration event is named '{eventName}'.");
}
