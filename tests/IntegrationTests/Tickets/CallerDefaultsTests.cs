using BrandPlatform.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// What the API takes from the caller's token when the request leaves it out: an enterprise contact files for its own
/// enterprise (and only for it), a task-force handler's queue is its own units' tickets.
/// </summary>
public sealed class CallerDefaultsTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private const string OwnName = "示范科技有限公司"; // the demo enterprise contact's enterprise, as the directory holds it
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Minimal(string title) => new { title, category = "financing", description = "扩大生产需要流动资金。" };

    [Fact]
    public async Task An_enterprise_contact_files_with_only_title_category_and_description_for_its_own_enterprise()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");

        using var filed = await enterprise.PostAsJsonAsync("/api/tickets", Minimal("本企业诉求，不填企业信息"), Cancel);

        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(Cancel));
        var ticket = await filed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        ticket.GetProperty("unifiedSocialCreditCode").GetString().ShouldBe(TicketSteps.DemoEnterpriseCode);
        ticket.GetProperty("requesterName").GetString().ShouldBe(OwnName);
        ticket.GetProperty("requesterKind").GetString().ShouldBe("enterprise");
        ticket.GetProperty("channel").GetString().ShouldBe("portal");
        var id = ticket.GetProperty("id").GetGuid();
        (await enterprise.GetAsync($"/api/tickets/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "it is the enterprise's own ticket");
    }

    [Fact]
    public async Task An_enterprise_contact_naming_another_enterprise_is_refused_and_told_how_to_file_for_its_own()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var onBehalf = await office.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("他人企业的诉求"), Cancel);
        onBehalf.StatusCode.ShouldBe(HttpStatusCode.Created);
        var otherRequester = (await onBehalf.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("requesterId").GetGuid();

        object[] others =
        [
            new { title = "冒名", category = "financing", description = "d", unifiedSocialCreditCode = TicketRequests.ValidCreditCode },
            new { title = "冒名", category = "financing", description = "d", enterpriseName = OwnName, unifiedSocialCreditCode = TicketRequests.ValidCreditCode },
            new { title = "冒名", category = "financing", description = "d", requesterId = otherRequester },
        ];
        foreach (var body in others)
        {
            using var refused = await enterprise.PostAsJsonAsync("/api/tickets", body, Cancel);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            problem.GetProperty("title").GetString().ShouldBe("只能为本企业提交诉求");
            problem.GetProperty("detail").GetString()!.ShouldContain(OwnName);
        }
    }

    [Fact]
    public async Task Staff_filing_on_behalf_still_name_the_enterprise()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");

        using var unnamed = await office.PostAsJsonAsync("/api/tickets", Minimal("办公室代填未写企业"), Cancel);

        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await unnamed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        errors.TryGetProperty("enterpriseName", out _).ShouldBeTrue();
        errors.TryGetProperty("unifiedSocialCreditCode", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_handler_s_queue_without_a_unit_is_its_own_units_tickets_and_another_unit_s_stay_hidden()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var claims = IdentityHost.JwtPayload(await fixture.Identity.PersonTokenAsync("handler"));
        var own = Guid.Parse(AuthorizationCodeFlowTests.Strings(claims, "unit").Single());
        var other = fixture.Units[TicketUnits.RelocationTaskForce];
        other.ShouldNotBe(own);
        var marker = "专班队列" + Guid.NewGuid().ToString("N")[..6];
        var q = "q=" + Uri.EscapeDataString(marker);

        var mine = await FileAsync(office, $"{marker} 本专班", lead: own);
        var theirs = await FileAsync(office, $"{marker} 其他专班", lead: other);
        var unassigned = await FileAsync(office, $"{marker} 未交办", lead: null);

        (await QueueAsync(handler, q)).ShouldBe([mine], "the handler's own unit's queue, without unassigned tickets");
        (await QueueAsync(handler, $"{q}&unitId={other}")).ShouldBeEmpty("another unit's tickets stay outside the handler's scope");
        (await QueueAsync(handler, $"{q}&unitId={own}")).ShouldBe([mine]);
        (await QueueAsync(office, q)).ShouldBe([mine, theirs, unassigned], ignoreOrder: true);
    }

    private async Task<Guid> FileAsync(HttpClient office, string title, Guid? lead)
    {
        using var created = await office.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(title), Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        if (lead is { } unit)
        {
            var etag = await TicketSteps.StepAsync(office, id, "accept", new { }, created.Headers.ETag!.Tag);
            await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = unit }, etag);
        }
        return id;
    }

    private async Task<List<Guid>> QueueAsync(HttpClient client, string query) =>
        [.. (await client.AllItemsAsync($"/api/tickets?{query}", Cancel)).Select(i => i.GetProperty("ticket").GetProperty("id").GetGuid())];
}
