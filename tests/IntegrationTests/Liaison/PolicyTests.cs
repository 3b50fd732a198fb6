using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// The 政策库: the office publishes policies, everyone admitted searches them in Chinese (a word matches where its
/// characters stand together, every word must match), a withdrawn policy leaves the search; the tickets service keeps
/// a copy from liaison's events, and a ticket's answer cites policies in force.
/// </summary>
public sealed class PolicyTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<TicketsDbContext> tickets = null!;
    private ServiceFactory<LiaisonDbContext> liaison = null!;
    private IReadOnlyDictionary<string, Guid> units = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("policies")).ToString() };
        tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", broker, identity.Backchannel());
        liaison = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", broker, identity.Backchannel());
        units = await TicketUnits.CopyDirectoryAsync(identity, tickets);
    }

    [Fact]
    public async Task Chinese_searches_find_a_word_where_its_characters_stand_together_and_a_ticket_cites_policies_in_force()
    {
        var office = await identity.ClientForPersonAsync(liaison, "office");
        var technical = await PublishAsync(office, "关于进一步支持民营企业技术改造的若干措施", "对技术改造项目按设备投资额的10%给予补助。", ["技改", "补助"]);
        var guarantee = await PublishAsync(office, "小微企业融资担保费补贴办法", "对融资担保费给予50%补贴，单户每年最高20万元。", ["融资"]);
        var talent = await PublishAsync(office, "人才引进安家补贴实施细则", "引进的高层次人才按层次给予安家补贴。", ["人才"]);

        var enterprise = await identity.ClientForPersonAsync(liaison, "enterprise");
        (await FoundAsync(enterprise, "技术改造")).ShouldBe([technical]);
        (await FoundAsync(enterprise, "融资担保")).ShouldBe([guarantee]);
        (await FoundAsync(enterprise, "补贴 人才")).ShouldBe([talent]);
        (await FoundAsync(enterprise, "改造补助")).ShouldBeEmpty();
        (await FoundAsync(enterprise, "补贴")).ShouldBe([talent, guarantee], ignoreOrder: true);
        (await enterprise.GetFromJsonAsync<JsonElement>($"/api/liaison/policies?tag={Uri.EscapeDataString("技改")}&limit=200", Cancel))
            .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldContain(technical);
        using (var nothing = await enterprise.GetAsync("/api/liaison/policies?q=" + Uri.EscapeDataString("！！"), Cancel))
        {
            nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        // The tickets service learns the policies from liaison's events; the office cites one in an answer.
        await Eventually.ReturnsAsync(() => tickets.QueryAsync(db => db.CitablePolicies.CountAsync(p => p.PolicyId == technical || p.PolicyId == guarantee, Cancel)),
            count => count == 2, Wait, "the tickets service's copy of the policies", Cancel);
        var ticketsOffice = await identity.ClientForPersonAsync(tickets, "office");
        var (ticket, _) = await TicketSteps.SubmitAsync(await identity.ClientForPersonAsync(tickets, "enterprise"), "技改项目补助申请");
        (await StatusAsync(TicketSteps.SendStepAsync(ticketsOffice, ticket, "cite-policy", new { policyId = technical }, null))).ShouldBe(HttpStatusCode.Conflict);
        await TicketSteps.StepAsync(ticketsOffice, ticket, "accept", new { });
        await TicketSteps.StepAsync(ticketsOffice, ticket, "assign", new { leadUnitId = units[TicketUnits.InvestmentTaskForce] });
        await TicketSteps.StepAsync(ticketsOffice, ticket, "cite-policy", new { policyId = technical });
        (await StatusAsync(TicketSteps.SendStepAsync(ticketsOffice, ticket, "cite-policy", new { policyId = technical }, null))).ShouldBe(HttpStatusCode.Conflict);
        var cited = await ticketsOffice.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket}", Cancel);
        var citation = cited.GetProperty("citedPolicies").EnumerateArray().Single();
        citation.GetProperty("title").GetString().ShouldBe("关于进一步支持民营企业技术改造的若干措施");
        citation.GetProperty("issuer").GetString().ShouldBe("市工业和信息化局");

        // A withdrawn policy leaves the search and is no longer cited.
        using (var withdrawn = await office.PostAsync($"/api/liaison/policies/{guarantee}/withdraw", null, Cancel))
        {
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await FoundAsync(enterprise, "融资担保")).ShouldBeEmpty();
        (await enterprise.GetFromJsonAsync<JsonElement>("/api/liaison/policies?includeWithdrawn=true&q=" + Uri.EscapeDataString("融资担保"), Cancel))
            .GetProperty("items").EnumerateArray().Single().GetProperty("inForce").GetBoolean().ShouldBeFalse();
        using (var again = await office.PostAsync($"/api/liaison/policies/{guarantee}/withdraw", null, Cancel))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        await Eventually.ReturnsAsync(() => tickets.QueryAsync(db => db.CitablePolicies.SingleAsync(p => p.PolicyId == guarantee, Cancel)),
            policy => !policy.InForce, Wait, "the withdrawal reaching the tickets service", Cancel);
        (await StatusAsync(TicketSteps.SendStepAsync(ticketsOffice, ticket, "cite-policy", new { policyId = guarantee }, null)))
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await OutboxEvents.OfAsync(liaison, guarantee)).ShouldBe([("liaison.policy-published.v1", 1L), ("liaison.policy-withdrawn.v1", 2L)]);
    }

    private static async Task<Guid> PublishAsync(HttpClient office, string title, string summary, string[] tags)
    {
        return await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/policies", new
        {
            title, issuer = "市工业和信息化局", issuedOn = "2026-09-15", region = "三明市", summary, fullText = summary + "本办法自发布之日起施行。", tags,
        }, Cancel));
    }

    /// <summary>The policies in force a search finds, among those this test published (other tests share no database with it).</summary>
    private static async Task<List<Guid>> FoundAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/liaison/policies?limit=200&q=" + Uri.EscapeDataString(q), Cancel))
            .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sent)
    {
        using var response = await sent;
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await liaison.DisposeAsync();
        await tickets.DisposeAsync();
    }
}
