using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Tickets.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// The tickets service's audit: requester profile edits, the routing table, chambers and leader links, webhook
/// subscriptions and supervision instructions and answers, each with who and from where, written with the change;
/// supervision instructions and answers are kept as history, never overwritten.
/// </summary>
public sealed class AuditTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private const string UserAgent = "AuditTests/1.0";
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changes_to_profiles_routing_chambers_and_webhooks_are_audited_with_who_and_from_where()
    {
        using var enterprise = await PersonAsync("enterprise");
        using var office = await PersonAsync("office");
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "tickets.read tickets.write");
        system.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        var (id, _) = await TicketSteps.SubmitAsync(enterprise, "审计");
        var requester = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", Cancel)).GetProperty("requesterId").GetGuid();

        (await enterprise.PutAsJsonAsync($"/api/tickets/requesters/{requester}",
            new { name = "示范科技有限公司", contacts = new[] { new { name = "张经理", phone = "13900001111" } } }, Cancel)).EnsureSuccessStatusCode();
        (await office.PutAsJsonAsync("/api/tickets/routing/land", new { unitId = fixture.Units[TicketUnits.RelocationTaskForce] }, Cancel)).EnsureSuccessStatusCode();
        var chamber = await TicketChambers.AddAsync(fixture.Service, "审计商会" + Guid.NewGuid().ToString("N")[..6], office, isKey: true);
        using var linked = await office.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links",
            new { leaderId = Guid.NewGuid(), leaderName = "联系领导", from = "2026-01-01" }, Cancel);
        var link = (await linked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("leaderLinks")[0].GetProperty("id").GetGuid();
        (await office.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links/{link}/end", new { on = "2026-06-30" }, Cancel)).EnsureSuccessStatusCode();
        using var subscribed = await system.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = "https://hooks.example.com/audit" }, Cancel);
        var webhook = (await subscribed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        (await system.DeleteAsync($"/api/tickets/webhooks/{webhook}", Cancel)).EnsureSuccessStatusCode();

        var entries = await fixture.Service.QueryAsync(db => db.Set<AuditEntry>().OrderBy(e => e.Id).ToListAsync(Cancel));
        var edit = entries.Single(e => e.Action == TicketsAudit.RequesterUpdated && e.Target == requester.ToString());
        edit.Actor.ShouldStartWith(await SubjectAsync("enterprise"));
        edit.Detail!.ShouldContain("张经理 139****1111");
        edit.UserAgent.ShouldBe(UserAgent);
        entries.Single(e => e.Action == TicketsAudit.RouteSet && e.Target == "land").Detail!.ShouldContain(TicketUnits.RelocationTaskForce);
        entries.Where(e => e.Target == chamber.ToString()).Select(e => e.Action)
            .ShouldBe([TicketsAudit.ChamberUpdated, TicketsAudit.LeaderLinked, TicketsAudit.LeaderLinkEnded]);
        var hooks = entries.Where(e => e.Target == webhook.ToString()).ToList();
        hooks.Select(e => e.Action).ShouldBe([TicketsAudit.WebhookSubscribed, TicketsAudit.WebhookCancelled]);
        hooks.ShouldAllBe(e => e.Actor.StartsWith(IdentityHost.DemoClientId) && e.UserAgent == UserAgent);
    }

    [Fact]
    public async Task Supervision_instructions_and_answers_are_kept_as_history_and_the_latest_shown()
    {
        using var enterprise = await PersonAsync("enterprise");
        using var leader = await PersonAsync("leader");
        using var office = await PersonAsync("office");
        var (ticket, _) = await TicketSteps.SubmitAsync(enterprise, "督办历史");
        var order = Guid.NewGuid();
        await fixture.Service.QueryAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"insert into supervision_orders (id, ticket_id, leader_id, issued_at) values ({order}, {ticket}, {null as Guid?}, {DateTimeOffset.UtcNow})", Cancel));

        (await leader.PostAsJsonAsync($"/api/tickets/supervision-orders/{order}/instructions", new { text = "第一次批示" }, Cancel)).EnsureSuccessStatusCode();
        (await leader.PostAsJsonAsync($"/api/tickets/supervision-orders/{order}/instructions", new { text = "第二次批示" }, Cancel)).EnsureSuccessStatusCode();
        using var answered = await office.PostAsJsonAsync($"/api/tickets/supervision-orders/{order}/answer", new { text = "已办理" }, Cancel);

        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await answered.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        shown.GetProperty("instructions").GetString().ShouldBe("第二次批示");
        shown.GetProperty("history").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("text").GetString()))
            .ShouldBe([("instruction", "第一次批示"), ("instruction", "第二次批示"), ("answer", "已办理")]);
        shown.GetProperty("history")[0].GetProperty("by").GetString()!.ShouldStartWith(await SubjectAsync("leader"));
        (await fixture.Service.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.Target == order.ToString()).OrderBy(e => e.Id)
                .Select(e => e.Action).ToListAsync(Cancel)))
            .ShouldBe([TicketsAudit.SupervisionInstructed, TicketsAudit.SupervisionInstructed, TicketsAudit.SupervisionAnswered]);
    }

    [Fact]
    public async Task Administrators_and_the_office_read_the_audit_page_by_page_and_no_one_else()
    {
        using var office = await PersonAsync("office");
        using var admin = await PersonAsync("admin");
        using var handler = await PersonAsync("handler");
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "tickets.read tickets.write");
        foreach (var category in new[] { "labour", "policy" })
        {
            (await office.PutAsJsonAsync($"/api/tickets/routing/{category}", new { unitId = fixture.Units[TicketUnits.InvestmentTaskForce] }, Cancel))
                .EnsureSuccessStatusCode();
        }

        var first = await office.GetFromJsonAsync<JsonElement>($"/api/tickets/audit?action={TicketsAudit.RouteSet}&limit=1", Cancel);
        first.GetProperty("items")[0].GetProperty("target").GetString().ShouldBe("policy");
        var second = await admin.GetFromJsonAsync<JsonElement>(first.GetProperty("next").GetString(), Cancel);
        second.GetProperty("items")[0].GetProperty("target").GetString().ShouldBe("labour");
        (await handler.GetAsync("/api/tickets/audit", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await system.GetAsync("/api/tickets/audit", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<string> SubjectAsync(string userName) =>
        IdentityHost.JwtPayload(await fixture.Identity.PersonTokenAsync(userName)).GetProperty("sub").GetString()!;

    private async Task<HttpClient> PersonAsync(string userName)
    {
        var client = await fixture.Identity.ClientForPersonAsync(fixture.Service, userName);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }
}
