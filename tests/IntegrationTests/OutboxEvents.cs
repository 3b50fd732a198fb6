using System.Text.Json;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests;

/// <summary>What a service's outbox holds for one aggregate, for tests that assert the events a change announced.</summary>
public static class OutboxEvents
{
    /// <summary>An aggregate's events, in order: name and the aggregate version each carries.</summary>
    public static async Task<List<(string Name, long Version)>> OfAsync<TDbContext>(ServiceFactory<TDbContext> service, Guid aggregate)
        where TDbContext : DbContext =>
        [.. (await PayloadsAsync(service, aggregate)).Select(e => (e.Name, e.Payload.GetProperty("aggregateVersion").GetInt64())).OrderBy(e => e.Item2)];

    /// <summary>An aggregate's events as written: name and JSON payload.</summary>
    public static async Task<List<(string Name, JsonElement Payload)>> PayloadsAsync<TDbContext>(ServiceFactory<TDbContext> service, Guid aggregate)
        where TDbContext : DbContext =>
        [.. (await service.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)))
            .Select(m => (m.EventName, Payload: JsonDocument.Parse(m.Payload).RootElement))
            .Where(m => m.Payload.TryGetProperty("aggregateId", out var id) && id.GetString() == aggregate.ToString())];
}
