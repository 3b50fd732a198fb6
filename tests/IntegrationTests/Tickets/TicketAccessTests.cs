using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// People's roles and organisation scope on tickets: enterprises file and read only their own (another enterprise's
/// ticket is 404, not 403), handlers and the office file on a requester's behalf, liaison leaders read, members do not.
/// </summary>
public sealed class TicketAccessTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private const string OwnCode = "91320100MA1X0ABC1F"; // the demo enterprise contact's enterprise
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enterprise_files_and_reads_its_own_tickets_only()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var other = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise2");

        using var own = await enterprise.PostAsJsonAsync("/api/tickets", WithCode(OwnCode), Cancel);
        own.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await own.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var foreign = await enterprise.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), Cancel);
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreign.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        (await enterprise.GetAsync($"/api/tickets/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var hidden = await other.GetAsync($"/api/tickets/{id}", Cancel);
        hidden.StatusCode.ShouldBe(HttpStatusCode.NotFound, "another enterprise's ticket does not exist for this caller");
        hidden.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Handlers_and_the_office_file_on_behalf_of_any_requester_and_leaders_read()
    {
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var leader = await fixture.Identity.ClientForPersonAsync(fixture.Service, "leader");

        using var onBehalf = await handler.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), Cancel);
        onBehalf.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await onBehalf.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        (await office.PostAsJsonAsync("/api/tickets", WithCode(OwnCode), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await leader.GetAsync($"/api/tickets/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await leader.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("secretary")]
    [InlineData("operator")]
    public async Task People_outside_the_ticket_loop_are_refused_with_403(string userName)
    {
        using var client = await fixture.Identity.ClientForPersonAsync(fixture.Service, userName);

        using var submit = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid(), Cancel);
        using var read = await client.GetAsync($"/api/tickets/{Guid.NewGuid()}", Cancel);

        submit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static object WithCode(string code) => new
    {
        title = "厂房用地手续咨询",
        category = "land",
        description = "新建厂房的用地预审需要哪些材料？",
        enterpriseName = "示范科技有限公司",
        unifiedSocialCreditCode = code,
    };
}
