using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// What another government system (the demo 12345 client) relies on: retries never create a second ticket, its own
/// reference finds the ticket, and changed-since paging keeps its copy in step.
/// </summary>
public sealed class GovernmentSystemTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Twenty_concurrent_retries_with_one_idempotency_key_create_one_ticket()
    {
        var key = Guid.NewGuid().ToString();
        var title = "幂等重试 " + key[..8];

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(TicketRequests.Valid(title)) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await fixture.Client.SendAsync(request, Cancel);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            return (response.StatusCode, Id: body.TryGetProperty("id", out var id) ? id.GetGuid() : Guid.Empty,
                Replayed: response.Headers.Contains("Idempotent-Replayed"));
        }));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        responses.Select(r => r.Id).Distinct().ShouldHaveSingleItem();
        responses.Count(r => !r.Replayed).ShouldBe(1);
        (await fixture.Service.QueryAsync(db => db.Tickets.CountAsync(t => t.Title == title, Cancel))).ShouldBe(1);

        using var different = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(TicketRequests.Valid("另一个请求")) };
        different.Headers.Add("Idempotency-Key", key);
        using var refused = await fixture.Client.SendAsync(different, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_system_s_own_reference_is_unique_and_finds_the_ticket()
    {
        var reference = "GD-" + Guid.NewGuid().ToString("N")[..10];
        using var created = await fixture.Client.PostAsJsonAsync("/api/tickets", WithReference(reference), Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        using var again = await fixture.Client.PostAsJsonAsync("/api/tickets", WithReference(reference), Cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var found = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/tickets/by-external-reference/{reference}", Cancel);
        found.GetProperty("id").GetGuid().ShouldBe(id);
        found.GetProperty("channel").GetString().ShouldBe("governmentSystem");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        (await office.GetAsync($"/api/tickets/by-external-reference/{reference}?source={IdentityHost.DemoClientId}", Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Client.GetAsync("/api/tickets/by-external-reference/GD-unknown", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Changed_since_pages_through_the_system_s_tickets_and_returns_a_ticket_again_when_it_changes()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            using var created = await fixture.Client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("同步 " + i), Cancel);
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
        }
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var foreign = await enterprise.PostAsJsonAsync("/api/tickets", new
        {
            title = "不是该系统提交的", category = "other", description = "d", enterpriseName = "示范科技有限公司", unifiedSocialCreditCode = "91320100MA1X0ABC1F",
        }, Cancel);

        var seen = new List<Guid>();
        string? next = $"/api/tickets/changes?since={Uri.EscapeDataString(since.ToString("O"))}&limit=1";
        var pages = 0;
        do
        {
            var page = await fixture.Client.GetFromJsonAsync<JsonElement>(next, Cancel);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
            next = page.GetProperty("next").GetString();
            pages++;
        }
        while (next is not null && pages < 50);

        seen.Where(ids.Contains).ShouldBe(ids, "every one, oldest change first");
        seen.Count.ShouldBe(seen.Distinct().Count());
        var foreignId = (await foreign.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        seen.ShouldNotContain(foreignId, "a system synchronises the tickets it filed");

        var last = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/tickets/changes?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}", Cancel);
        last.GetProperty("items").GetArrayLength().ShouldBe(0);
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        (await office.PostAsJsonAsync($"/api/tickets/{ids[0]}/accept", new { }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var changed = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/tickets/changes?since={Uri.EscapeDataString(before.ToString("O"))}", Cancel);
        changed.GetProperty("items").EnumerateArray().Select(t => (t.GetProperty("id").GetGuid(), t.GetProperty("state").GetString()))
            .ShouldBe([(ids[0], "accepted")]);

        (await fixture.Client.GetAsync("/api/tickets/changes?cursor=not-a-cursor", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static object WithReference(string reference) => new
    {
        title = "12345热线转办：用工招聘",
        category = "labour",
        description = "企业反映招工难，希望对接人社部门。",
        enterpriseName = "三明市某某科技有限公司",
        unifiedSocialCreditCode = TicketRequests.ValidCreditCode,
        externalReference = reference,
    };
}
