using System.Net.Http.Json;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>Chambers in the tickets service, as its copy of liaison's chambers holds them.</summary>
public static class TicketChambers
{
    /// <summary>A chamber liaison registered (as the projection of its events adds it), optionally marked key by the office.</summary>
    public static async Task<Guid> AddAsync(ServiceFactory<TicketsDbContext> tickets, string name, HttpClient? office = null, bool isKey = false)
    {
        var chamber = Chamber.Of(Guid.CreateVersion7(), name, DateTimeOffset.UtcNow);
        await tickets.QueryAsync(db =>
        {
            db.Chambers.Add(chamber);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        if (isKey)
        {
            using var marked = await office!.PutAsJsonAsync($"/api/tickets/chambers/{chamber.Id}", new { isKey = true }, TestContext.Current.CancellationToken);
            marked.EnsureSuccessStatusCode();
        }
        return chamber.Id;
    }
}
