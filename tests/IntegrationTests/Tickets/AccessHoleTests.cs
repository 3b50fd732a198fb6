using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// The holes found in issue 10, each closed: a government system filing a ticket with a well-known enterprise's credit
/// code gets no rights over that enterprise's profile; systems do not read requester profiles or supervision orders
/// nor write a leader's instructions; a lead unit's handler cannot give feedback in a co-handling unit's name. (A
/// system's figures count only what it filed: reporting's TicketsToReportingFiguresTests.)
/// </summary>
public sealed class AccessHoleTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_system_that_filed_for_an_enterprise_neither_reads_nor_rewrites_its_profile()
    {
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "tickets.read tickets.write");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var filed = await system.PostAsJsonAsync("/api/tickets", new
        {
            title = "借用知名企业信用代码",
            category = "financing",
            description = "以示范科技的公开信用代码提交。",
            enterpriseName = "示范科技有限公司",
            unifiedSocialCreditCode = TicketSteps.DemoEnterpriseCode,
        }, Cancel);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await filed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var requester = (await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket.GetProperty("id").GetGuid()}", Cancel))
            .GetProperty("requesterId").GetGuid();

        (await system.GetAsync($"/api/tickets/requesters/{requester}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await system.PutAsJsonAsync($"/api/tickets/requesters/{requester}", new
        {
            name = "被改名的企业", contacts = new[] { new { name = "冒充者", phone = "13900002222" } },
        }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetFromJsonAsync<JsonElement>($"/api/tickets/requesters/{requester}", Cancel))
            .GetProperty("name").GetString().ShouldBe("示范科技有限公司");
    }

    [Theory]
    [InlineData("tickets.read")]
    [InlineData("tickets.read tickets.write")]
    public async Task A_system_reads_no_requester_list_and_no_supervision_orders(string scopes)
    {
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, scopes);

        (await system.GetAsync("/api/tickets/requesters", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await system.GetAsync("/api/tickets/supervision-orders", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await system.PostAsJsonAsync($"/api/tickets/supervision-orders/{Guid.NewGuid()}/instructions", new { text = "请抓紧办理" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lead_unit_s_handler_cannot_give_feedback_for_a_co_handling_unit_and_so_cannot_resolve()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var coUnit = fixture.Units[TicketUnits.RelocationTaskForce];
        var (id, etag) = await TicketSteps.SubmitAsync(enterprise, "协办冒名");
        etag = await TicketSteps.StepAsync(office, id, "accept", new { }, etag);
        etag = await TicketSteps.StepAsync(office, id, "assign",
            new { leadUnitId = fixture.Units[TicketUnits.InvestmentTaskForce], coHandlingUnitIds = new[] { coUnit } }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "start", new { note = "已联系企业" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "respond", new { note = "已对接" }, etag);

        using (var named = await TicketSteps.SendStepAsync(handler, id, "co-handling-feedback", new { unitId = coUnit, note = "征迁方面无障碍" }, etag))
        {
            named.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            named.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        using (var unnamed = await TicketSteps.SendStepAsync(handler, id, "co-handling-feedback", new { note = "征迁方面无障碍" }, etag))
        {
            unnamed.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the handler belongs to no co-handling unit of this ticket");
        }
        using (var resolve = await TicketSteps.SendStepAsync(handler, id, "resolve", new { note = "已解决" }, etag))
        {
            resolve.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the co-handling unit has given no feedback");
        }
        etag = await TicketSteps.StepAsync(office, id, "co-handling-feedback", new { unitId = coUnit, note = "征迁方面无障碍（电话记录）" }, etag);
        await TicketSteps.StepAsync(handler, id, "resolve", new { note = "已解决" }, etag);
    }
}
