using System.Linq.Expressions;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Security;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// Liaison owns the chambers of commerce; the tickets service's chamber list is its copy, on one broker: a chamber
/// registered or renamed in liaison appears and follows in tickets; a chamber tickets kept before is handed over once at
/// start, liaison registers it (or states the one it has of that name), and the tickets chamber, the same row with its
/// requesters and leader links, becomes that organisation; a rebuild of the copy keeps every chamber. Tickets no longer
/// registers chambers itself.
/// </summary>
public sealed class ChambersFromLiaisonTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_chamber_registered_in_liaison_appears_in_the_tickets_chamber_list_and_follows_its_renames()
    {
        var (identity, broker) = await StartAsync();
        await using var tickets = await TicketsAsync(identity, broker);
        await using var liaison = await LiaisonAsync(identity, broker);
        var marker = Guid.NewGuid().ToString("N")[..6];
        using var office = await identity.ClientForPersonAsync(liaison, "office");
        using var ticketsOffice = await identity.ClientForPersonAsync(tickets, "office");

        var organisation = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "电子信息商会" + marker, category = "chamberOfCommerce" }, Cancel));
        await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "民盟市委会" + marker, category = "democraticParty" }, Cancel));
        var listed = await ListedAsync(ticketsOffice, "电子信息商会" + marker, "the chamber registered in liaison");
        listed.GetProperty("isKey").GetBoolean().ShouldBeFalse();
        var chamber = listed.GetProperty("id").GetGuid();
        (await ChamberAsync(tickets, c => c.Id == chamber, "the copy")).OrganisationId.ShouldBe(organisation);

        // The office keeps what tickets routes by: the key flag and the leader links.
        using (var marked = await ticketsOffice.PutAsJsonAsync($"/api/tickets/chambers/{chamber}", new { isKey = true }, Cancel))
        {
            (await LiaisonWorld.ReadAsync(marked, HttpStatusCode.OK)).GetProperty("isKey").GetBoolean().ShouldBeTrue();
        }
        using (var linked = await ticketsOffice.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links",
            new { leaderId = Guid.NewGuid(), leaderName = "联系领导", from = "2026-01-01" }, Cancel))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync(Cancel));
        }

        // Renamed in liaison: the same chamber takes the name and keeps the office's flag and links.
        using (var renamed = new HttpRequestMessage(HttpMethod.Put, $"/api/liaison/organisations/{organisation}")
        {
            Content = JsonContent.Create(new { name = "电子信息行业商会" + marker }),
            Headers = { IfMatch = { new EntityTagHeaderValue("\"1\"") } },
        })
        {
            (await office.SendAsync(renamed, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var followed = await ListedAsync(ticketsOffice, "电子信息行业商会" + marker, "the rename to follow");
        followed.GetProperty("id").GetGuid().ShouldBe(chamber);
        followed.GetProperty("isKey").GetBoolean().ShouldBeTrue();
        followed.GetProperty("leaderLinks").GetArrayLength().ShouldBe(1);
        var names = (await ItemsAsync(ticketsOffice)).Select(c => c.GetProperty("name").GetString()).ToList();
        names.ShouldNotContain("电子信息商会" + marker);
        names.ShouldNotContain("民盟市委会" + marker, "only chambers of commerce are the tickets service's chambers");

        // Registering a chamber is liaison's: the route has no POST any more, and PUT takes the key flag only.
        using var retired = await ticketsOffice.PostAsJsonAsync("/api/tickets/chambers", new { name = "新商会" + marker, isKey = true }, Cancel);
        retired.StatusCode.ShouldBeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
        retired.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await retired.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32().ShouldBe((int)retired.StatusCode);
        using var nameOnly = await ticketsOffice.PutAsJsonAsync($"/api/tickets/chambers/{chamber}", new { name = "改名商会" + marker }, Cancel);
        (await LiaisonWorld.ReadAsync(nameOnly, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("isKey", out _).ShouldBeTrue();
        (await tickets.QueryAsync(db => db.Chambers.CountAsync(Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task Chambers_tickets_kept_before_are_handed_over_once_at_start_and_stay_the_rows_their_requesters_and_leaders_point_at()
    {
        var (identity, broker) = await StartAsync();
        var marker = Guid.NewGuid().ToString("N")[..6];
        var now = DateTimeOffset.UtcNow;

        // Before the upgrade: the tickets service kept its own chambers (one key, with a leader and a member), on a broker
        // of its own, without the hand-over.
        var unknownOld = Chamber.Create("女企业家商会" + marker, isKey: true, now);
        var leaderLink = unknownOld.LinkLeader(Guid.NewGuid(), "联系领导", new DateOnly(2026, 1, 1), null);
        var knownOld = Chamber.Create("青年企业家商会" + marker, isKey: false, now);
        var member = Requester.Person("王某某", PersonCategory.PrivateEconomy, unknownOld.Id, now);
        var database = await BeforeTheUpgradeAsync(identity, db =>
        {
            db.Chambers.AddRange(unknownOld, knownOld);
            db.Requesters.Add(member);
        });

        // Liaison registered one of them before the tickets service had a copy: that event reached no tickets queue.
        await using var liaison = await LiaisonAsync(identity, broker);
        using var office = await identity.ClientForPersonAsync(liaison, "office");
        var known = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "青年企业家商会" + marker, category = "chamberOfCommerce" }, Cancel));
        await Eventually.ReturnsAsync(() => liaison.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null, Cancel)),
            unsent => unsent == 0, Wait, "liaison's registration to be published", Cancel);

        // The upgraded tickets service starts: each chamber it kept is handed over, and becomes liaison's.
        var tickets = await TicketsAsync(identity, broker, database);
        var handedOver = await ChamberAsync(tickets, c => c.Id == unknownOld.Id && c.OrganisationId != null, "the unknown chamber registered by liaison");
        (await ChamberAsync(tickets, c => c.Id == knownOld.Id && c.OrganisationId != null, "the known chamber linked")).OrganisationId.ShouldBe(known);
        handedOver.Name.ShouldBe("女企业家商会" + marker);
        handedOver.IsKey.ShouldBeTrue("the office's key mark stays with the chamber");
        handedOver.HandedOverAt.ShouldNotBeNull();
        var registered = await liaison.QueryAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == handedOver.OrganisationId, Cancel));
        (registered.Name, registered.Category).ShouldBe(("女企业家商会" + marker, BrandPlatform.Liaison.Domain.OrganisationCategory.ChamberOfCommerce));
        (await liaison.QueryAsync(db => db.Organisations.CountAsync(o => o.Name == "青年企业家商会" + marker, Cancel))).ShouldBe(1);
        (await OutboxEvents.OfAsync(liaison, known)).ShouldBe([("liaison.organisation-registered.v1", 1), ("liaison.organisation-stated.v1", 1)], ignoreOrder: true);
        (await tickets.QueryAsync(db => db.Set<ProjectionPosition>().SumAsync(p => p.Held, Cancel)))
            .ShouldBe(0, "the statement is a snapshot: a copy that missed the registration takes it without waiting");

        // The same rows: the member and the leader link still point at the chamber.
        (await tickets.QueryAsync(db => db.Requesters.Where(r => r.Id == member.Id).Select(r => r.ChamberId).SingleAsync(Cancel))).ShouldBe(unknownOld.Id);
        (await tickets.QueryAsync(db => db.Chambers.Include(c => c.LeaderLinks).AsNoTracking().SingleAsync(c => c.Id == unknownOld.Id, Cancel)))
            .LeaderLinks.Select(l => l.Id).ShouldBe([leaderLink.Id]);

        // Started again, and one more pass: nothing is announced twice.
        await tickets.DisposeAsync();
        await using var restarted = await TicketsAsync(identity, broker, database);
        (await HandOverAsync(restarted)).ShouldBe(0);
        (await OutboxEvents.OfAsync(restarted, unknownOld.Id)).ShouldBe([("tickets.chamber-handed-over.v1", 1)]);
        (await OutboxEvents.OfAsync(restarted, knownOld.Id)).ShouldBe([("tickets.chamber-handed-over.v1", 1)]);
        (await liaison.QueryAsync(db => db.Organisations.CountAsync(o => o.Name.EndsWith(marker), Cancel))).ShouldBe(2);
        using var ticketsOffice = await identity.ClientForPersonAsync(restarted, "office");
        (await ItemsAsync(ticketsOffice)).Select(c => c.GetProperty("id").GetGuid()).Order().ShouldBe(new[] { unknownOld.Id, knownOld.Id }.Order());
    }

    [Fact]
    public async Task Rebuilding_the_chamber_copy_keeps_every_chamber_with_its_key_flag_leader_links_and_members()
    {
        var (identity, broker) = await StartAsync();
        await using var tickets = await TicketsAsync(identity, broker);
        await using var liaison = await LiaisonAsync(identity, broker);
        var marker = Guid.NewGuid().ToString("N")[..6];
        using var office = await identity.ClientForPersonAsync(liaison, "office");
        using var ticketsOffice = await identity.ClientForPersonAsync(tickets, "office");

        // A chamber renamed, and another that took its old name afterwards: replayed, the first is named the old name
        // again for a moment.
        var renamed = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "光电商会" + marker, category = "chamberOfCommerce" }, Cancel));
        var chamber = (await ChamberAsync(tickets, c => c.OrganisationId == renamed, "the first chamber")).Id;
        (await ticketsOffice.PutAsJsonAsync($"/api/tickets/chambers/{chamber}", new { isKey = true }, Cancel)).EnsureSuccessStatusCode();
        (await ticketsOffice.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links",
            new { leaderId = Guid.NewGuid(), leaderName = "联系领导", from = "2026-01-01" }, Cancel)).EnsureSuccessStatusCode();
        var member = Requester.Person("李某某", PersonCategory.NewSocialStratum, chamber, DateTimeOffset.UtcNow);
        await tickets.QueryAsync(db =>
        {
            db.Requesters.Add(member);
            return db.SaveChangesAsync(Cancel);
        });
        using (var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/liaison/organisations/{renamed}")
        {
            Content = JsonContent.Create(new { name = "光电信息商会" + marker }),
            Headers = { IfMatch = { new EntityTagHeaderValue("\"1\"") } },
        })
        {
            (await office.SendAsync(rename, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await ChamberAsync(tickets, c => c.OrganisationId == renamed && c.Name == "光电信息商会" + marker, "the rename");
        var later = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "光电商会" + marker, category = "chamberOfCommerce" }, Cancel));
        var laterChamber = (await ChamberAsync(tickets, c => c.OrganisationId == later, "the chamber that took the old name")).Id;

        using var operations = tickets.CreateClient();
        operations.DefaultRequestHeaders.Add(OperationsAccess.KeyHeader, ServiceFactory<TicketsDbContext>.OperationsKey);
        using (var rebuilt = await operations.PostAsync("/ops/projections/liaison-chambers/rebuild", null, Cancel))
        {
            rebuilt.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        // Emptied at once (the positions only), then filled from liaison's history.
        await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Set<ProjectionPosition>().AsNoTracking()
                .Where(p => p.Projection == "liaison-chambers" && (p.AggregateId == renamed || p.AggregateId == later))
                .Select(p => new { p.AggregateId, p.Version, p.Held }).ToListAsync(Cancel)),
            positions => positions.Count == 2 && positions.All(p => p.Held == 0)
                && positions.Single(p => p.AggregateId == renamed).Version == 2 && positions.Single(p => p.AggregateId == later).Version == 1,
            Wait, "the history applied again", Cancel);

        var chambers = await tickets.QueryAsync(db => db.Chambers.Include(c => c.LeaderLinks).AsNoTracking().ToListAsync(Cancel));
        chambers.Select(c => (c.Id, c.OrganisationId, c.Name)).ShouldBe([
            (laterChamber, (Guid?)later, "光电商会" + marker), (chamber, (Guid?)renamed, "光电信息商会" + marker)], ignoreOrder: true);
        chambers.Single(c => c.Id == chamber).IsKey.ShouldBeTrue();
        chambers.Single(c => c.Id == chamber).LeaderLinks.Count.ShouldBe(1);
        (await tickets.QueryAsync(db => db.Requesters.Where(r => r.Id == member.Id).Select(r => r.ChamberId).SingleAsync(Cancel))).ShouldBe(chamber);
    }

    [Fact]
    public async Task Two_hand_over_passes_at_once_announce_a_chamber_once()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var chamber = Chamber.Create("侨商会" + Guid.NewGuid().ToString("N")[..6], isKey: false, DateTimeOffset.UtcNow);
        var database = await BeforeTheUpgradeAsync(identity, db => db.Chambers.Add(chamber));
        await using var tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb",
            new Dictionary<string, string?> { ["ConnectionStrings:ticketsdb"] = database }, identity.Backchannel(), WithoutHandOver);

        // Replicas take turns by the pass's advisory lock; without it, the chamber's event version still lets one win.
        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return await HandOverAsync(tickets);
            }
            catch (DbUpdateConcurrencyException)
            {
                return 0;
            }
        }));
        passes.Sum().ShouldBe(1);
        (await OutboxEvents.OfAsync(tickets, chamber.Id)).ShouldBe([("tickets.chamber-handed-over.v1", 1)]);
        (await HandOverAsync(tickets)).ShouldBe(0);
    }

    private async Task<(IdentityHost Identity, Dictionary<string, string?> Broker)> StartAsync() =>
        (await IdentityHost.SharedAsync(servers),
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("chambers")).ToString() });

    private Task<ServiceFactory<TicketsDbContext>> TicketsAsync(IdentityHost identity, Dictionary<string, string?> broker, string? database = null) =>
        ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb",
            database is null ? broker : new Dictionary<string, string?>(broker) { ["ConnectionStrings:ticketsdb"] = database }, identity.Backchannel());

    private Task<ServiceFactory<LiaisonDbContext>> LiaisonAsync(IdentityHost identity, Dictionary<string, string?> broker) =>
        ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", broker, identity.Backchannel());

    /// <summary>
    /// A tickets database as it stood before the upgrade: the service migrated on a broker of its own, without the
    /// hand-over (which would otherwise announce these chambers there), and the records put in.
    /// </summary>
    private async Task<string> BeforeTheUpgradeAsync(IdentityHost identity, Action<TicketsDbContext> records)
    {
        await using var before = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb",
            identityBackchannel: identity.Backchannel(), configureServices: WithoutHandOver);
        await before.QueryAsync(db =>
        {
            records(db);
            return db.SaveChangesAsync(Cancel);
        });
        return before.Settings["ConnectionStrings:ticketsdb"]!;
    }

    private static void WithoutHandOver(IServiceCollection services) =>
        services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(ChamberHandOver)));

    private static async Task<Chamber> ChamberAsync(ServiceFactory<TicketsDbContext> tickets, Expression<Func<Chamber, bool>> which, string what) =>
        (await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Chambers.AsNoTracking().SingleOrDefaultAsync(which, Cancel)), c => c is not null, Wait, what, Cancel))!;

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient office) =>
        [.. (await office.GetFromJsonAsync<JsonElement>("/api/tickets/chambers?limit=200", Cancel)).GetProperty("items").EnumerateArray()];

    private static async Task<JsonElement> ListedAsync(HttpClient office, string name, string what) =>
        (await Eventually.ReturnsAsync(() => ItemsAsync(office), items => items.Any(c => c.GetProperty("name").GetString() == name), Wait, what, Cancel))
            .Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>One pass of the tickets service's hand-over, as a start runs it (without its lock).</summary>
    private static Task<int> HandOverAsync(ServiceFactory<TicketsDbContext> tickets) =>
        tickets.QueryAsync(db => ChamberHandOver.HandOverAsync(db, DateTimeOffset.UtcNow, Cancel));
}
