using System.Net.Http.Json;
using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>Chambers in the tickets service, as its copy of liaison's chambers holds them.</summary>
public static class TicketChambers
{
    /// <summary>
    /// A chamber liaison registered, for tests of the tickets service alone: the projection is given liaison's event, as
    /// the queue would deliver it; optionally the office then marks the chamber key.
    /// </summary>
    public static async Task<Guid> AddAsync(ServiceFactory<TicketsDbContext> tickets, string name, HttpClient? office = null, bool isKey = false)
    {
        var cancel = TestContext.Current.CancellationToken;
        var organisation = Guid.CreateVersion7();
        await DeliverAsync(tickets, new OrganisationRegistered
        {
            OccurredAt = DateTimeOffset.UtcNow, AggregateId = organisation, AggregateVersion = 1,
            OrganisationId = organisation, Category = LiaisonChambers.ChamberOfCommerce, Name = name,
        });
        var chamber = await tickets.QueryAsync(db => db.Chambers.Where(c => c.OrganisationId == organisation).Select(c => c.Id).SingleAsync(cancel));
        if (isKey)
        {
            using var marked = await office!.PutAsJsonAsync($"/api/tickets/chambers/{chamber}", new { isKey = true }, cancel);
            marked.EnsureSuccessStatusCode();
        }
        return chamber;
    }

    /// <summary>One of liaison's organisation events, applied by the tickets service's projection.</summary>
    public static Task DeliverAsync(ServiceFactory<TicketsDbContext> tickets, OrganisationEvent organisationEvent) =>
        tickets.QueryAsync(db => new LiaisonChambers(db, TimeProvider.System, NullLogger<LiaisonChambers>.Instance)
            .ReceiveAsync(organisationEvent, TestContext.Current.CancellationToken));
}
