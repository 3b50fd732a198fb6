using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// Liaison owns the chambers of commerce; the tickets service's chamber list is its copy, on one broker: a chamber
/// registered or renamed in liaison appears and follows in tickets; a chamber tickets kept before is handed over once,
/// liaison registers it (or states the one it has of that name), and the tickets chamber, the same row with its
/// requesters and leader links, becomes that organisation. Tickets no longer registers chambers itself.
/// </summary>
public sealed class ChambersFromLiaisonTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<TicketsDbContext> tickets = null!;
    private ServiceFactory<LiaisonDbContext> liaison = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("chambers")).ToString() };
        tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", broker, identity.Backchannel());
        liaison = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", broker, identity.Backchannel());
    }

    [Fact]
    public async Task A_chamber_registered_in_liaison_is_the_tickets_chamber_and_chambers_tickets_kept_before_are_handed_over_once()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var office = await identity.ClientForPersonAsync(liaison, "office");
        var ticketsOffice = await identity.ClientForPersonAsync(tickets, "office");

        // Registered in liaison: the chamber appears in tickets and follows a rename; a democratic party does not.
        var chamber = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "电子信息商会" + marker, category = "chamberOfCommerce" }, Cancel));
        await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "民盟市委会" + marker, category = "democraticParty" }, Cancel));
        var copied = await ChamberAsync(c => c.OrganisationId == chamber, "the chamber copied from liaison");
        copied.Name.ShouldBe("电子信息商会" + marker);
        using (var renamed = new HttpRequestMessage(HttpMethod.Put, $"/api/liaison/organisations/{chamber}")
        {
            Content = JsonContent.Create(new { name = "电子信息行业商会" + marker }),
            Headers = { IfMatch = { new System.Net.Http.Headers.EntityTagHeaderValue("\"1\"") } },
        })
        {
            (await office.SendAsync(renamed, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await ChamberAsync(c => c.OrganisationId == chamber && c.Name == "电子信息行业商会" + marker, "the rename followed")).Id.ShouldBe(copied.Id);
        (await tickets.QueryAsync(db => db.Chambers.CountAsync(c => c.Name == "民盟市委会" + marker, Cancel))).ShouldBe(0);
        var listed = await ticketsOffice.GetFromJsonAsync<JsonElement>("/api/tickets/chambers?limit=200", Cancel);
        listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(copied.Id);

        // Chambers tickets kept before: one liaison does not know, one it has under the same name.
        var known = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "青年企业家商会" + marker, category = "chamberOfCommerce" }, Cancel));
        await ChamberAsync(c => c.OrganisationId == known, "liaison's chamber in tickets");
        await tickets.QueryAsync(db => db.Chambers.Where(c => c.OrganisationId == known).ExecuteDeleteAsync(Cancel));
        var unknownOld = Chamber.Create("女企业家商会" + marker, isKey: true, DateTimeOffset.UtcNow);
        var knownOld = Chamber.Create("青年企业家商会" + marker, isKey: false, DateTimeOffset.UtcNow);
        await tickets.QueryAsync(db =>
        {
            db.Chambers.AddRange(unknownOld, knownOld);
            return db.SaveChangesAsync(Cancel);
        });
        await HandOverAsync();
        await HandOverAsync();

        var handedOver = await ChamberAsync(c => c.Id == unknownOld.Id && c.OrganisationId != null, "the unknown chamber registered by liaison");
        handedOver.IsKey.ShouldBeTrue("the office's key mark stays with the chamber");
        (await LiaisonNameAsync(handedOver.OrganisationId!.Value)).ShouldBe("女企业家商会" + marker);
        (await ChamberAsync(c => c.Id == knownOld.Id, "the known chamber linked")).OrganisationId.ShouldBe(known);
        (await OutboxEvents.OfAsync(tickets, unknownOld.Id)).Select(e => e.Name).ShouldBe(["tickets.chamber-handed-over.v1"], "handed over once");
        (await liaison.QueryAsync(db => db.Organisations.CountAsync(o => o.Name == "青年企业家商会" + marker, Cancel))).ShouldBe(1);

        // The office only marks key chambers; registering one is liaison's.
        using var retired = await ticketsOffice.PostAsJsonAsync("/api/tickets/chambers", new { name = "新商会" + marker, isKey = true }, Cancel);
        ((int)retired.StatusCode).ShouldBeInRange(404, 405);
        using var marked = await ticketsOffice.PutAsJsonAsync($"/api/tickets/chambers/{copied.Id}", new { isKey = true }, Cancel);
        (await marked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("isKey").GetBoolean().ShouldBeTrue();
    }

    private async Task<Chamber> ChamberAsync(System.Linq.Expressions.Expression<Func<Chamber, bool>> which, string what) =>
        (await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Chambers.AsNoTracking().SingleOrDefaultAsync(which, Cancel)), c => c is not null, Wait, what, Cancel))!;

    private Task<string?> LiaisonNameAsync(Guid organisation) =>
        liaison.QueryAsync(db => db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).SingleOrDefaultAsync(Cancel));

    /// <summary>One pass of the tickets service's hand-over, as its start would run it.</summary>
    private async Task HandOverAsync()
    {
        using var work = new ChamberHandOver(tickets.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<ChamberHandOver>.Instance);
        await work.StartAsync(Cancel);
        await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Chambers.CountAsync(c => c.OrganisationId == null && c.HandedOverAt == null, Cancel)),
            count => count == 0, Wait, "the hand-over pass", Cancel);
        await work.StopAsync(Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await liaison.DisposeAsync();
        await tickets.DisposeAsync();
    }
}
