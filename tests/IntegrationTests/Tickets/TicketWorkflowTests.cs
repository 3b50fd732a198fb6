using BrandPlatform.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// The closed loop over HTTP with people's tokens: the office accepts and assigns, the task force handles (with a pause
/// for material), the enterprise confirms; versions guard every step (If-Match → 412), illegal steps are 409.
/// </summary>
public sealed class TicketWorkflowTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_ticket_walks_from_submission_to_confirmation_with_a_pause_and_co_handling()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var taskForce = await HandlerUnitAsync();
        var coUnit = fixture.Units[TicketUnits.RelocationTaskForce];

        var (id, etag) = await TicketSteps.SubmitAsync(enterprise);
        etag = await TicketSteps.StepAsync(office, id, "accept", new { }, etag);
        etag = await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = taskForce, coHandlingUnitIds = new[] { coUnit } }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "start", new { note = "已电话联系企业" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "pause", new { reason = "等待企业补充财务报表" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "resume", new { note = "材料已收到" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "respond", new { note = "已与两家银行对接" }, etag);
        using (var early = await TicketSteps.SendStepAsync(handler, id, "resolve", new { note = "银行已放款" }, etag))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the co-handling unit has not given its feedback yet");
            var problem = await early.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            ProblemLanguage.ShouldSpeakChinese(problem);
            problem.GetProperty("title").GetString().ShouldBe("协办单位尚未反馈意见");
            problem.GetProperty("detail").GetString()!.ShouldContain(TicketUnits.RelocationTaskForce);
            problem.GetProperty("detail").GetString()!.ShouldContain("“已阶段性答复”");
        }
        using (var inEnglish = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/resolve") { Content = JsonContent.Create(new { note = "银行已放款" }) })
        {
            inEnglish.Headers.AcceptLanguage.ParseAdd("en");
            using var early = await handler.SendAsync(inEnglish, Cancel);
            var problem = await early.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            ProblemLanguage.ShouldSpeakEnglish(problem);
            problem.GetProperty("detail").GetString()!.ShouldContain(TicketUnits.RelocationTaskForce);
        }
        etag = await TicketSteps.StepAsync(office, id, "co-handling-feedback", new { unitId = coUnit, note = "征迁方面无障碍" }, etag);
        etag = await TicketSteps.StepAsync(handler, id, "resolve", new { note = "银行已放款" }, etag);
        await TicketSteps.StepAsync(enterprise, id, "confirm", new { satisfaction = "satisfied" }, etag);

        var ticket = await enterprise.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", Cancel);
        ticket.GetProperty("state").GetString().ShouldBe("confirmed");
        ticket.GetProperty("satisfaction").GetString().ShouldBe("satisfied");
        ticket.GetProperty("leadUnitId").GetGuid().ShouldBe(taskForce);
        ticket.GetProperty("coHandlingUnitIds")[0].GetGuid().ShouldBe(coUnit);
        var timeline = await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}/timeline", Cancel);
        timeline.EnumerateArray().Select(e => e.GetProperty("action").GetString())
            .ShouldBe(["submit", "accept", "assign", "start", "pause", "resume", "respond", "co-handling-feedback", "resolve", "confirm"]);
        timeline[3].GetProperty("actorName").GetString().ShouldBe("招商服务专班经办人");
        timeline[3].GetProperty("actorRole").GetString().ShouldBe("TaskForceHandler");

        var events = await fixture.Service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.EventName.StartsWith("tickets.")).ToListAsync(Cancel));
        events.Where(m => m.Payload.Contains(id.ToString())).Select(m => m.EventName).ShouldBe([
            "tickets.ticket-submitted.v1", "tickets.ticket-accepted.v1", "tickets.ticket-assigned.v1", "tickets.ticket-paused.v1",
            "tickets.ticket-resumed.v1", "tickets.ticket-responded.v1", "tickets.ticket-resolved.v1", "tickets.ticket-confirmed.v1"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_stale_version_is_412_and_an_illegal_step_is_409_naming_the_state()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var (id, etag) = await TicketSteps.SubmitAsync(enterprise);
        await TicketSteps.StepAsync(office, id, "accept", new { }, etag);

        using var stale = await TicketSteps.SendStepAsync(office, id, "reject", new { reason = "重复提交" }, etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var illegal = await TicketSteps.SendStepAsync(office, id, "reject", new { reason = "重复提交" }, ifMatch: null);
        illegal.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await illegal.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("detail").GetString()!.ShouldStartWith("工单当前为“已受理”状态，不能不予受理");

        using var noReason = await TicketSteps.SendStepAsync(office, id, "pause", new { }, ifMatch: null);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var state = await fixture.Service.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.State).SingleAsync(Cancel));
        state.ShouldBe(BrandPlatform.Tickets.Domain.TicketState.Accepted);
    }

    [Fact]
    public async Task Only_the_office_dispatches_only_the_assigned_units_handle_and_systems_cannot_handle()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var (id, etag) = await TicketSteps.SubmitAsync(enterprise);

        (await TicketSteps.SendStepAsync(enterprise, id, "accept", new { }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TicketSteps.SendStepAsync(handler, id, "accept", new { }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TicketSteps.SendStepAsync(fixture.Client, id, "accept", new { }, etag)).StatusCode.ShouldBe(HttpStatusCode.Forbidden,
            "a government system with tickets.write cannot take the office's steps");

        etag = await TicketSteps.StepAsync(office, id, "accept", new { }, etag);
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = fixture.Units[TicketUnits.Office] }, etag);
        using var otherUnit = await TicketSteps.SendStepAsync(handler, id, "start", new { }, ifMatch: null);
        otherUnit.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the ticket went to another unit");
    }

    [Fact]
    public async Task The_lead_unit_objects_and_asks_for_more_time_and_the_office_decides()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var taskForce = await HandlerUnitAsync();
        var (id, _) = await TicketSteps.SubmitAsync(enterprise, "交办异议与延期");
        await TicketSteps.StepAsync(office, id, "accept", new { });
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = fixture.Units[TicketUnits.Office] });

        // The first unit objects (the office acts for it here), the office gives the ticket to the handler's task force.
        await TicketSteps.StepAsync(office, id, "objection", new { reason = "不属于本单位职责" });
        await TicketSteps.StepAsync(office, id, "objection-decision", new { uphold = true, leadUnitId = taskForce, note = "改由招商服务专班主办" });
        await TicketSteps.StepAsync(handler, id, "start", new { note = "已联系企业" });

        var before = await handler.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", Cancel);
        var due = before.GetProperty("deadlines").GetProperty("resolution").GetDateTimeOffset();
        await TicketSteps.StepAsync(handler, id, "extension-request", new { requestedDue = due.AddDays(7), reason = "需等待市级部门批复" });
        using var missingDecision = await TicketSteps.SendStepAsync(office, id, "extension-decision", new { note = "?" }, ifMatch: null);
        missingDecision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await TicketSteps.StepAsync(office, id, "extension-decision", new { approve = true, note = "同意，已告知企业" });

        var after = await handler.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", Cancel);
        after.GetProperty("deadlines").GetProperty("resolution").GetDateTimeOffset().ShouldBe(due.AddDays(7));
        after.GetProperty("deadlines").GetProperty("originalResolution").GetDateTimeOffset().ShouldBe(due);
        after.GetProperty("leadUnitId").GetGuid().ShouldBe(taskForce);
        var outbox = await fixture.Service.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.EventName == "tickets.ticket-extended.v1").ToListAsync(Cancel));
        outbox.ShouldContain(m => m.Payload.Contains(id.ToString()));
    }

    [Fact]
    public async Task Only_the_requester_withdraws_the_office_reviews_the_month_s_withdrawals_and_records_return_visits()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        var (withdrawn, _) = await TicketSteps.SubmitAsync(enterprise, "撤单质检");
        (await TicketSteps.SendStepAsync(office, withdrawn, "withdraw", new { reason = "办公室代为撤单" }, null)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "a withdrawal counts only when the requester makes it");
        await TicketSteps.StepAsync(enterprise, withdrawn, "withdraw", new { reason = "已自行解决" });

        var (second, _) = await TicketSteps.SubmitAsync(enterprise, "撤单质检分页");
        await TicketSteps.StepAsync(enterprise, second, "withdraw", new { reason = "不再需要" });
        var month = await office.AllItemsAsync("/api/tickets/withdrawals", Cancel);
        month.ShouldContain(w => w.GetProperty("ticket").GetProperty("id").GetGuid() == withdrawn);
        await office.ShouldPageOneByOneAsync("/api/tickets/withdrawals", Cancel);
        await TicketSteps.StepAsync(office, withdrawn, "withdrawal-review", new { pressedByUnit = true, note = "回访核实：被要求撤单" });
        (await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{withdrawn}", Cancel)).GetProperty("state").GetString().ShouldBe("reopened");

        var (resolved, _) = await TicketSteps.SubmitAsync(enterprise, "电话回访");
        await TicketSteps.StepAsync(office, resolved, "accept", new { });
        await TicketSteps.StepAsync(office, resolved, "assign", new { leadUnitId = fixture.Units[TicketUnits.Office] });
        await TicketSteps.StepAsync(office, resolved, "start", new { });
        await TicketSteps.StepAsync(office, resolved, "resolve", new { note = "已办结" });
        using var incomplete = await TicketSteps.SendStepAsync(office, resolved, "return-visit", new { answered = true }, null);
        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await TicketSteps.StepAsync(office, resolved, "return-visit",
            new { answered = true, satisfaction = "satisfied", reallySolved = true, improperRequest = false, note = "企业满意" });
        (await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{resolved}", Cancel)).GetProperty("state").GetString().ShouldBe("confirmed");
        (await office.GetAsync("/api/tickets/return-visits", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Guid> HandlerUnitAsync()
    {
        var claims = IdentityHost.JwtPayload(await fixture.Identity.PersonTokenAsync("handler"));
        return Guid.Parse(AuthorizationCodeFlowTests.Strings(claims, "unit").Single());
    }
}
