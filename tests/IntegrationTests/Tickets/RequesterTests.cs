using BrandPlatform.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// Requester profiles and chambers of commerce: named persons without a credit code file through handlers, phone numbers
/// are masked in lists, and the key chamber's linked leader receives the 督办单 of its members' tickets (reporting's
/// figures per chamber: TicketsToReportingFiguresTests).
/// </summary>
public sealed class RequesterTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_in_a_key_chamber_files_through_a_handler_and_the_chamber_s_leader_receives_the_supervision_order()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var leader = await fixture.Identity.ClientForPersonAsync(fixture.Service, "leader");
        var leaderId = Guid.Parse(IdentityHost.JwtPayload(await fixture.Identity.PersonTokenAsync("leader")).GetProperty("sub").GetString()!);
        var today = ChinaCalendar.DateOf(DateTimeOffset.UtcNow);

        var chamberName = "市青年企业家商会" + DirectoryTests.Suffix();
        var chamber = await TicketChambers.AddAsync(fixture.Service, chamberName, office, isKey: true);
        await TicketChambers.AddAsync(fixture.Service, "市女企业家商会" + DirectoryTests.Suffix());
        await office.ShouldPageOneByOneAsync("/api/tickets/chambers", Cancel);
        using (var linked = await office.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links",
            new { leaderId, leaderName = "市领导", from = today.AddDays(-30) }, Cancel))
        {
            linked.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await linked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("currentLeaderId").GetGuid().ShouldBe(leaderId);
        }
        (await office.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links",
            new { leaderId = Guid.NewGuid(), leaderName = "另一位领导", from = today }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await ShouldBeFieldProblemAsync(await office.PostAsJsonAsync($"/api/tickets/chambers/{chamber}/leader-links",
            new { leaderId, leaderName = "市领导", from = today, to = today.AddDays(-1) }, Cancel), "to");

        var person = await CreatedIdAsync(await handler.PostAsJsonAsync("/api/tickets/requesters", new
        {
            kind = "person", name = "王某某", personCategory = "newSocialStratum", chamberId = chamber,
            contacts = new[] { new { name = "王某某", phone = "13812345678", position = "负责人" } },
        }, Cancel));
        var listed = await handler.AllItemsAsync($"/api/tickets/requesters?chamberId={chamber}", Cancel);
        listed.Single().GetProperty("contacts")[0].GetProperty("phone").GetString().ShouldBe("138****5678");
        (await handler.GetFromJsonAsync<JsonElement>($"/api/tickets/requesters/{person}", Cancel))
            .GetProperty("contacts")[0].GetProperty("phone").GetString().ShouldBe("13812345678");
        (await enterprise.GetAsync($"/api/tickets/requesters/{person}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var filed = await handler.PostAsJsonAsync("/api/tickets", new
        {
            title = "新业态用工备案", category = "labour", description = "灵活用工备案流程不清楚。", requesterId = person, channel = "visit",
        }, Cancel);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await filed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = ticket.GetProperty("id").GetGuid();
        ticket.GetProperty("requesterKind").GetString().ShouldBe("person");
        ticket.GetProperty("requesterName").GetString().ShouldBe("王某某");
        ticket.GetProperty("chamberId").GetGuid().ShouldBe(chamber);
        ticket.GetProperty("unifiedSocialCreditCode").ValueKind.ShouldBe(JsonValueKind.Null);
        (await enterprise.GetAsync($"/api/tickets/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var queue = await office.GetFromJsonAsync<JsonElement>($"/api/tickets?chamberId={chamber}", Cancel);
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ticket").GetProperty("id").GetGuid()).ShouldBe([id]);

        await TicketSteps.StepAsync(office, id, "accept", new { });
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = fixture.Units[TicketUnits.InvestmentTaskForce] });
        var due = await fixture.Service.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.ResolutionDue!.Value).SingleAsync(Cancel));
        var clock = new ManualClock(due.AddHours(-5));
        while (!await fixture.Service.QueryAsync(db => db.Set<SupervisionOrder>().AnyAsync(o => o.TicketId == id, Cancel)))
        {
            clock.Now = clock.Now.AddHours(1);
            clock.Now.ShouldBeLessThan(due.AddDays(10), "the ladder reaches 督办 within a few working days");
            await EscalationTests.RunLadderAsync(fixture.Service, clock);
        }
        var order = (await leader.AllItemsAsync("/api/tickets/supervision-orders", Cancel))
            .Single(o => o.GetProperty("ticketId").GetGuid() == id);
        order.GetProperty("leaderId").GetGuid().ShouldBe(leaderId, "the chamber's linked leader, not the fallback");
    }

    [Fact]
    public async Task An_enterprise_keeps_its_own_contacts_but_not_its_chamber_and_systems_see_no_profiles()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        var (id, _) = await TicketSteps.SubmitAsync(enterprise, "联系人维护");
        var requester = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}", Cancel)).GetProperty("requesterId").GetGuid();

        using (var updated = await enterprise.PutAsJsonAsync($"/api/tickets/requesters/{requester}", new
        {
            name = "示范科技有限公司", contacts = new[] { new { name = "张经理", phone = "0591-87654321", position = "财务经理" } },
        }, Cancel))
        {
            updated.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await updated.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("contacts")[0].GetProperty("phone").GetString()
                .ShouldBe("0591-87654321");
        }
        using (var again = await enterprise.PutAsJsonAsync($"/api/tickets/requesters/{requester}", new
        {
            name = "示范科技有限公司", contacts = new[] { new { name = "李主任", phone = "13900001111" } },
        }, Cancel))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await fixture.Service.QueryAsync(db => db.Set<RequesterContact>().Where(c => c.RequesterId == requester).Select(c => c.Name).ToListAsync(Cancel)))
            .ShouldBe(["李主任"], "the list replaces the contacts");
        (await enterprise.PutAsJsonAsync($"/api/tickets/requesters/{requester}", new { name = "示范科技有限公司", chamberId = Guid.NewGuid() }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Client.GetAsync($"/api/tickets/requesters/{requester}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden,
            "government systems read no requester profiles");
    }

    [Fact]
    public async Task Bad_requester_input_is_refused_with_field_errors_and_nothing_is_written()
    {
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var before = await fixture.Service.QueryAsync(db => db.Requesters.CountAsync(Cancel));

        await ShouldBeFieldProblemAsync(await handler.PostAsJsonAsync("/api/tickets/requesters",
            new { kind = "enterprise", name = "某公司", unifiedSocialCreditCode = "91350100M000100Y44" }, Cancel), "unifiedSocialCreditCode");
        await ShouldBeFieldProblemAsync(await handler.PostAsJsonAsync("/api/tickets/requesters",
            new { kind = "person", name = "李某", personCategory = "privateEconomy", contacts = new[] { new { name = "李某", phone = "12345" } } }, Cancel),
            "contacts[0].phone");
        await ShouldBeFieldProblemAsync(await handler.PostAsJsonAsync("/api/tickets/requesters", new { kind = "person", name = "李某" }, Cancel), "personCategory");
        await ShouldBeFieldProblemAsync(await handler.PostAsJsonAsync("/api/tickets/requesters",
            new { kind = "alien", name = "李某" }, Cancel));
        using (var unknownChamber = await handler.PostAsJsonAsync("/api/tickets/requesters",
            new { kind = "person", name = "李某", personCategory = "privateEconomy", chamberId = Guid.NewGuid() }, Cancel))
        {
            unknownChamber.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }
        (await fixture.Service.QueryAsync(db => db.Requesters.CountAsync(Cancel))).ShouldBe(before);

        // The demo enterprise got its profile when it first filed; registering its code again is a conflict.
        await TicketSteps.SubmitAsync(await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise"));
        (await handler.PostAsJsonAsync("/api/tickets/requesters",
            new { kind = "enterprise", name = "示范科技有限公司", unifiedSocialCreditCode = TicketSteps.DemoEnterpriseCode }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var tickets = await fixture.Service.QueryAsync(db => db.Tickets.CountAsync(Cancel));
        await ShouldBeFieldProblemAsync(await handler.PostAsJsonAsync("/api/tickets", new
        {
            title = "t", category = "labour", description = "d", requesterId = Guid.NewGuid(), enterpriseName = "多填的企业名称",
        }, Cancel), "enterpriseName");
        await ShouldBeFieldProblemAsync(await handler.PostAsJsonAsync("/api/tickets", new
        {
            title = "t", category = "labour", description = "d", enterpriseName = "某公司", unifiedSocialCreditCode = TicketRequests.ValidCreditCode,
            attachments = new[] { new { fileName = "../etc/passwd", contentType = "application/x-sh", sizeBytes = 0, sha256 = "xyz" } },
        }, Cancel), "attachments[0].fileName", "attachments[0].contentType", "attachments[0].sizeBytes", "attachments[0].sha256");
        using (var unknown = await handler.PostAsJsonAsync("/api/tickets",
            new { title = "t", category = "labour", description = "d", requesterId = Guid.NewGuid() }, Cancel))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }
        (await fixture.Service.QueryAsync(db => db.Tickets.CountAsync(Cancel))).ShouldBe(tickets);
    }

    [Fact]
    public async Task The_routing_table_names_the_default_lead_unit_and_only_the_lead_unit_takes_the_handling_steps()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Service, "handler");
        var relocation = fixture.Units[TicketUnits.RelocationTaskForce];
        var investment = fixture.Units[TicketUnits.InvestmentTaskForce];

        (await office.PutAsJsonAsync("/api/tickets/routing/relocation", new { unitId = relocation }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ShouldBeFieldProblemAsync(await office.PutAsJsonAsync("/api/tickets/routing/weather", new { unitId = relocation }, Cancel), "category");
        (await office.PutAsJsonAsync("/api/tickets/routing/land", new { unitId = Guid.NewGuid() }, Cancel)).StatusCode
            .ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await office.AllItemsAsync("/api/tickets/units", Cancel))
            .Select(u => u.GetProperty("kind").GetString()).ShouldAllBe(kind => kind == "taskForce" || kind == "department");
        await office.ShouldPageOneByOneAsync("/api/tickets/units", Cancel);
        (await handler.PutAsJsonAsync("/api/tickets/routing/land", new { unitId = relocation }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var submitted = await office.PostAsJsonAsync("/api/tickets", new
        {
            title = "厂房征迁补偿", category = "relocation", description = "征迁补偿标准咨询。", enterpriseName = "三明市某某科技有限公司",
            unifiedSocialCreditCode = TicketRequests.ValidCreditCode, channel = "hotline",
        }, Cancel);
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await TicketSteps.StepAsync(office, id, "accept", new { });
        using (var assigned = await TicketSteps.SendStepAsync(office, id, "assign", new { coHandlingUnitIds = new[] { investment } }, null))
        {
            assigned.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await assigned.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("leadUnitId").GetGuid().ShouldBe(relocation, "归口 by the routing table");
        }

        // The handler belongs to the co-handling task force: it gives feedback, the lead unit's steps are not its own.
        using (var start = await TicketSteps.SendStepAsync(handler, id, "start", new { note = "抢先办理" }, null))
        {
            start.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        await TicketSteps.StepAsync(handler, id, "co-handling-feedback", new { note = "招商方面已对接企业" });
        var timeline = await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}/timeline", Cancel);
        timeline.EnumerateArray().Last().GetProperty("unitId").GetGuid().ShouldBe(investment);
        await TicketSteps.StepAsync(office, id, "start", new { note = "征迁专班已联系企业" });
        await TicketSteps.StepAsync(office, id, "resolve", new { note = "已答复补偿标准" });
    }

    /// <summary>The id of what a 201 answer created.</summary>
    internal static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        }
    }

    /// <summary>400 ProblemDetails naming each field (any field when none is given).</summary>
    private static async Task ShouldBeFieldProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
            foreach (var field in fields)
            {
                errors.TryGetProperty(field, out _).ShouldBeTrue($"{field} in {body}");
            }
        }
    }
}
