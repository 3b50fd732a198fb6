using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// The task forces' work on liaison and tickets with one broker: a key project moves through its stages, its blocker
/// becomes a ticket (channel project) whose solving the project follows, and the month's 五比五晒 board shows what each
/// task force did; once the month ends the board is frozen and no step can be dated into it. Stages only move forward,
/// and only the office and the task force's own members record its work.
/// </summary>
public sealed class TaskForceWorkTests(TestServers servers) : IAsyncLifetime
{
    private const string ProjectTaskForce = "项目服务专班";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<TicketsDbContext> tickets = null!;
    private ServiceFactory<LiaisonDbContext> liaison = null!;
    private IReadOnlyDictionary<string, Guid> units = null!;
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("taskforces")).ToString() };
        tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", broker, identity.Backchannel());
        liaison = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", broker, identity.Backchannel(),
            configureServices: services => services.UseMovedClock(clock));
        units = await TicketUnits.CopyDirectoryAsync(identity, tickets);
        await TicketUnits.CopyDirectoryAsync(identity, liaison);
    }

    [Fact]
    public async Task A_key_project_s_blocker_becomes_a_ticket_and_the_month_s_board_shows_the_work_then_stays_as_it_was_once_the_month_ended()
    {
        var taskForce = units[ProjectTaskForce];
        var handler = await OnRosterAsync("handler", taskForce);
        var today = ChinaCalendar.DateOf(clock.GetUtcNow());
        var name = "新型材料项目" + Guid.NewGuid().ToString("N")[..6];
        var project = await CreatedAsync(await handler.PostAsJsonAsync("/api/liaison/task-force-work", new
        {
            kind = "keyProject", taskForceId = taskForce, name, enterpriseName = "三明市某某科技有限公司", enterpriseCreditCode = TicketRequests.ValidCreditCode,
            amount = 120000m, stage = "approval", on = Day(today), note = "已完成立项。",
        }, Cancel));
        project.GetProperty("taskForceName").GetString().ShouldBe(ProjectTaskForce);
        var projectId = project.GetProperty("id").GetGuid();
        await OkAsync(await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{projectId}/progress", new { stage = "construction", on = Day(today) }, Cancel));

        var blocker = await CreatedAsync(await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{projectId}/blockers", new
        {
            title = "施工许可办理卡在消防审查", category = "approvals", description = "消防设计审查意见反复，影响开工。",
        }, Cancel));
        var blockerId = blocker.GetProperty("id").GetGuid();
        var ticket = await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.External!.Reference == blockerId.ToString(), Cancel)),
            t => t is not null, Wait, "the ticket filed for the blocker", Cancel);
        ticket!.Channel.ShouldBe(BrandPlatform.Tickets.Domain.TicketChannel.Project);
        ticket.UnifiedSocialCreditCode.ShouldBe(TicketRequests.ValidCreditCode);

        var office = await identity.ClientForPersonAsync(tickets, "office");
        await TicketSteps.StepAsync(office, ticket.Id, "accept", new { });
        await TicketSteps.StepAsync(office, ticket.Id, "assign", new { leadUnitId = units[TicketUnits.Office] });
        await TicketSteps.StepAsync(office, ticket.Id, "start", new { note = "已约消防部门会商" });
        await TicketSteps.StepAsync(office, ticket.Id, "resolve", new { note = "消防审查意见已闭合" });
        var followed = await Eventually.ReturnsAsync(
            () => handler.GetFromJsonAsync<JsonElement>($"/api/liaison/task-force-work/{projectId}", Cancel),
            w => w.GetProperty("blockers")[0].GetProperty("solvedAt").ValueKind == JsonValueKind.String, Wait, "the project following its blocker's ticket", Cancel);
        followed.GetProperty("blockers")[0].GetProperty("ticketNumber").GetString().ShouldBe(ticket.Number.ToString());
        followed.GetProperty("blockers")[0].GetProperty("ticketState").GetString().ShouldBe("resolved");
        followed.GetProperty("steps").GetArrayLength().ShouldBe(2);

        var live = await handler.GetFromJsonAsync<JsonElement>("/api/liaison/task-force-board", Cancel);
        live.GetProperty("frozenAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var column = ColumnOf(live, taskForce);
        column.GetProperty("takenOn").EnumerateArray().Select(s => s.GetProperty("workId").GetGuid()).ShouldContain(projectId);
        var advanced = column.GetProperty("projectsAdvanced").EnumerateArray().Single(s => s.GetProperty("workId").GetGuid() == projectId);
        advanced.GetProperty("fromStage").GetString().ShouldBe("approval");
        advanced.GetProperty("stage").GetString().ShouldBe("construction");
        column.GetProperty("blockersSolved").EnumerateArray().Select(b => b.GetProperty("problemId").GetGuid()).ShouldContain(blockerId);
        live.GetProperty("taskForces").EnumerateArray().Select(c => c.GetProperty("taskForceName").GetString()).ShouldContain("招商服务专班");
        live.ToString().ShouldNotContain("score", Case.Insensitive);
        live.ToString().ShouldNotContain("rank", Case.Insensitive);

        // The month ends: its board is frozen as it stood, and a step can no longer be dated into it.
        var month = new DateOnly(today.Year, today.Month, 1);
        var nextMonth = month.AddMonths(1);
        clock.Now = ChinaCalendar.At(nextMonth, new TimeOnly(9, 0));
        var monthCode = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var frozen = await handler.GetFromJsonAsync<JsonElement>($"/api/liaison/task-force-board?month={monthCode}", Cancel);
        frozen.GetProperty("frozenAt").ValueKind.ShouldBe(JsonValueKind.String);
        frozen.GetProperty("month").GetString().ShouldBe(monthCode);
        ColumnOf(frozen, taskForce).GetProperty("projectsAdvanced").ToString().ShouldBe(column.GetProperty("projectsAdvanced").ToString());

        using (var late = await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{projectId}/progress",
            new { stage = "completed", on = Day(nextMonth.AddDays(-1)) }, Cancel))
        {
            late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await late.Content.ReadAsStringAsync(Cancel));
            (await late.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("on", out _).ShouldBeTrue();
        }
        await OkAsync(await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{projectId}/progress", new { stage = "completed", on = Day(nextMonth) }, Cancel));
        var again = await handler.GetFromJsonAsync<JsonElement>($"/api/liaison/task-force-board?month={monthCode}", Cancel);
        again.ToString().ShouldBe(frozen.ToString(), "a frozen board does not change");
        var thisMonth = await handler.GetFromJsonAsync<JsonElement>("/api/liaison/task-force-board", Cancel);
        ColumnOf(thisMonth, taskForce).GetProperty("projectsAdvanced").EnumerateArray().Single().GetProperty("stage").GetString().ShouldBe("completed");
        using (var future = await handler.GetAsync($"/api/liaison/task-force-board?month={nextMonth.AddMonths(1):yyyy-MM}", Cancel))
        {
            future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Stages_only_move_forward_and_only_the_office_and_the_task_force_s_members_record_its_work()
    {
        var taskForce = units[TicketUnits.InvestmentTaskForce];
        var handler = await OnRosterAsync("handler", taskForce);
        var member = await identity.ClientForPersonAsync(liaison, "member");
        var today = Day(ChinaCalendar.DateOf(clock.GetUtcNow()));
        var lead = new { kind = "investmentLead", taskForceId = taskForce, name = "某新能源集团" + Guid.NewGuid().ToString("N")[..6], sector = "新能源", amount = 300000m, stage = "contacted", on = today };
        using (var stranger = await member.PostAsJsonAsync("/api/liaison/task-force-work", lead, Cancel))
        {
            stranger.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the member is not of the task force");
            stranger.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        var leadId = (await CreatedAsync(await handler.PostAsJsonAsync("/api/liaison/task-force-work", lead, Cancel))).GetProperty("id").GetGuid();
        await RefusedAsync(handler, leadId, new { stage = "planning", on = today }, "stage");
        await RefusedAsync(handler, leadId, new { stage = "contacted", on = today }, "stage");
        using (var notTheirs = await member.PostAsJsonAsync($"/api/liaison/task-force-work/{leadId}/progress", new { stage = "signed", on = today }, Cancel))
        {
            notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        await OkAsync(await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{leadId}/progress", new { stage = "signed", on = today }, Cancel));
        using (var blocker = await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{leadId}/blockers",
            new { title = "用地", category = "land", description = "用地。" }, Cancel))
        {
            blocker.StatusCode.ShouldBe(HttpStatusCode.Conflict, "only a key project has blockers");
        }
        await OkAsync(await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{leadId}/progress", new { stage = "dropped", on = today, note = "投资方战略调整" }, Cancel));
        using (var finished = await handler.PostAsJsonAsync($"/api/liaison/task-force-work/{leadId}/progress", new { stage = "landed", on = today }, Cancel))
        {
            finished.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        var office = await identity.ClientForPersonAsync(liaison, "office");
        var site = (await CreatedAsync(await office.PostAsJsonAsync("/api/liaison/task-force-work", new
        {
            kind = "relocationCase", taskForceId = units[TicketUnits.RelocationTaskForce], name = "老城片区" + Guid.NewGuid().ToString("N")[..6], households = 10,
            stage = "surveying", on = today,
        }, Cancel))).GetProperty("id").GetGuid();
        await OkAsync(await office.PostAsJsonAsync($"/api/liaison/task-force-work/{site}/progress", new { stage = "negotiating", on = today, agreementsSigned = 4 }, Cancel));
        var more = await OkAsync(await office.PostAsJsonAsync($"/api/liaison/task-force-work/{site}/progress", new { stage = "negotiating", on = today, agreementsSigned = 8 }, Cancel));
        more.GetProperty("agreementsSigned").GetInt32().ShouldBe(8);
        await RefusedAsync(office, site, new { stage = "negotiating", on = today, agreementsSigned = 12 }, "agreementsSigned");

        using (var branch = await office.PostAsJsonAsync("/api/liaison/task-force-work", lead with { taskForceId = units["第一党支部"] }, Cancel))
        {
            branch.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await branch.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("taskForceId", out _).ShouldBeTrue();
        }
        using (var noEnterprise = await office.PostAsJsonAsync("/api/liaison/task-force-work",
            new { kind = "keyProject", taskForceId = taskForce, name = "无企业项目", stage = "planning", on = today }, Cancel))
        {
            noEnterprise.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noEnterprise.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("enterpriseCreditCode", out _).ShouldBeTrue();
        }

        var board = await member.GetFromJsonAsync<JsonElement>("/api/liaison/task-force-board", Cancel);
        ColumnOf(board, taskForce).GetProperty("investmentSigned").EnumerateArray().Select(s => s.GetProperty("workId").GetGuid()).ShouldContain(leadId);
        ColumnOf(board, units[TicketUnits.RelocationTaskForce]).GetProperty("relocationProgress").EnumerateArray()
            .Where(s => s.GetProperty("workId").GetGuid() == site).Select(s => s.GetProperty("agreementsSigned").GetInt32()).ShouldBe([4, 8]);
        var listed = await member.GetFromJsonAsync<JsonElement>($"/api/liaison/task-force-work?kind=investmentLead&stage=dropped&taskForceId={taskForce}", Cancel);
        listed.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).ShouldContain(leadId);
    }

    private async Task<HttpClient> OnRosterAsync(string person, Guid taskForce)
    {
        var id = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
        await LiaisonWorld.PutOnRosterAsync(liaison.Services, id, taskForce, person, Cancel);
        return await identity.ClientForPersonAsync(liaison, person);
    }

    private static JsonElement ColumnOf(JsonElement board, Guid taskForce) =>
        board.GetProperty("taskForces").EnumerateArray().Single(c => c.GetProperty("taskForceId").GetGuid() == taskForce);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task RefusedAsync(HttpClient client, Guid work, object body, string field)
    {
        using var refused = await client.PostAsJsonAsync($"/api/liaison/task-force-work/{work}/progress", body, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await refused.Content.ReadAsStringAsync(Cancel));
        (await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static Task<JsonElement> CreatedAsync(HttpResponseMessage response) => LiaisonWorld.ReadAsync(response, HttpStatusCode.Created);

    private static Task<JsonElement> OkAsync(HttpResponseMessage response) => LiaisonWorld.ReadAsync(response, HttpStatusCode.OK);

    public async ValueTask DisposeAsync()
    {
        await liaison.DisposeAsync();
        await tickets.DisposeAsync();
    }
}
