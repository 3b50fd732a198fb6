using System.Text.Json;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests;

public static class OutboxEvents
{
    /// <summary>An aggregate's events in a service's outbox, in order: name and the aggregate version each carries.</summary>
    public static async Task<List<(string Name, long Version)>> OfAsync<TDbContext>(ServiceFactory<TDbContext> service, Guid aggregate)
        where TDbContext : DbContext =>
        [.. (await service.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)))
            .Select(m => (m.EventName, Payload: JsonDocument.Parse(m.Payload).RootElement))
            .Where(m => m.Payload.TryGetProperty("aggregateId", out var id) && id.GetString() == aggregate.ToString())
            .Select(m => (m.EventName, m.Payload.GetProperty("aggregateVersion").GetInt64()))
            .OrderBy(e => e.Item2)];
}
