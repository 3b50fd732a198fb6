using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Study;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Features.SupervisionTasks;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// Supervision tasks (日常任务清单) on a reporting service of their own with a clock the test moves and the 2026
/// calendar (cn-2026.json): milestones planned backwards over the Spring Festival, the signal turning amber then red
/// as feedback is missed and green again on feedback, closure returned and accepted, who sees which task, reminders
/// issued once in working time.
/// </summary>
public sealed class SupervisionTaskTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>10:00 Beijing time on a day of 2026.</summary>
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour - 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Milestones_are_planned_backwards_over_working_days_skipping_the_Spring_Festival_and_counting_make_up_Saturdays()
    {
        await using var world = await SupervisionWorld.CreateAsync(servers, At(1, 20));
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");

        var (answer, proposal) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks/milestones/proposal",
            new { deadline = "2026-03-06", start = "2026-02-02", count = 4 });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, proposal.ToString());
        var dues = proposal.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("due").GetString()).ToList();
        // 20 working days from 3 February to 6 March: 9 February, the make-up Saturday 14 February, 24–27 February and
        // the make-up Saturday 28 February, 2–6 March; none in the holiday of 15–23 February. Every fifth, back from 6 March.
        dues.ShouldBe(["2026-02-09", "2026-02-14", "2026-02-28", "2026-03-06"]);
        proposal.GetProperty("milestones")[0].GetProperty("title").GetString().ShouldBe("第1个节点（共4个）");

        // A deadline inside the holiday with no working day before it since the start: nothing to plan.
        var (none, noneProblem) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks/milestones/proposal",
            new { deadline = "2026-02-22", start = "2026-02-14" });
        none.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, noneProblem.ToString());

        var milestones = proposal.GetProperty("milestones").EnumerateArray()
            .Select(m => new { title = m.GetProperty("title").GetString(), due = m.GetProperty("due").GetString() }).ToArray();
        var body = TaskBody(world, "member", world.Units["办公室"], "2026-03-06", milestones);
        var (onHoliday, holidayProblem) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks",
            TaskBody(world, "member", world.Units["办公室"], "2026-03-06", [new { title = "初稿", due = "2026-02-17" }]));
        onHoliday.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, holidayProblem.ToString());
        holidayProblem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["milestones[0].due"]);

        var task = await world.CreateAsync(office, body);
        task.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("due").GetString()).ShouldBe(dues);
        var ids = task.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        var url = $"/api/supervision/tasks/{task.GetProperty("id")}/milestones";

        // The owner adjusts: a Saturday in the holiday, a day after the deadline and an order reversed are refused.
        foreach (var (first, second) in new[] { ("2026-02-21", "2026-02-28"), ("2026-02-26", "2026-03-09"), ("2026-02-27", "2026-02-26") })
        {
            var (refused, problem) = await ActivityWorld.SendAsync(member, HttpMethod.Put, url,
                new { milestones = new object[] { new { id = ids[0], title = "初稿", due = first }, new { id = ids[3], title = "定稿", due = second } } });
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        }
        var (adjusted, changed) = await ActivityWorld.SendAsync(member, HttpMethod.Put, url, new
        {
            milestones = new object[] { new { id = ids[0], title = "初稿", due = "2026-02-14" }, new { title = "征求意见", due = "2026-02-27" },
                new { id = ids[3], title = "定稿", due = "2026-03-06" } },
        });
        adjusted.StatusCode.ShouldBe(HttpStatusCode.OK, changed.ToString());
        changed.GetProperty("milestones").EnumerateArray().Select(m => (m.GetProperty("title").GetString(), m.GetProperty("due").GetString()))
            .ShouldBe([("初稿", "2026-02-14"), ("征求意见", "2026-02-27"), ("定稿", "2026-03-06")]);
        changed.GetProperty("milestones")[0].GetProperty("id").GetGuid().ShouldBe(ids[0]);
        (await world.EventsAsync(task.GetProperty("id").GetGuid())).ShouldBe(
            [("supervision.task-created.v1", 1), ("supervision.task-milestones-changed.v1", 2)]);
    }

    [Fact]
    public async Task A_missed_feedback_turns_the_task_amber_then_red_feedback_turns_it_green_and_the_office_closes_it_with_evidence()
    {
        await using var world = await SupervisionWorld.CreateAsync(servers, At(3, 2));
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        var created = await world.CreateAsync(office, TaskBody(world, "member", world.Units["办公室"], "2026-06-30",
            [new { title = "形成方案", due = "2026-04-30" }, new { title = "全面完成", due = "2026-06-30" }]));
        var id = created.GetProperty("id").GetGuid();
        created.GetProperty("status").GetString().ShouldBe("green");
        created.GetProperty("feedbackDue").GetString().ShouldBe("2026-03-09");

        // Weekly: due 9 March; overdue from the 10th (amber); more than a week overdue from the 17th (red).
        foreach (var (day, status) in new[] { (9, "green"), (10, "amber"), (16, "amber"), (17, "red") })
        {
            world.Clock.Now = At(3, day);
            (await world.StatusAsync(office, id)).ShouldBe(status, $"on 3 March {day}");
        }
        var feedback = await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/feedback", new
        {
            text = "已完成调研，正在起草方案。", progress = "30%",
            attachments = new[] { new { name = "调研报告.pdf", size = 204800, contentType = "application/pdf", sha256 = new string('a', 64) } },
        });
        feedback.Response.StatusCode.ShouldBe(HttpStatusCode.OK, feedback.Body.ToString());
        feedback.Body.GetProperty("status").GetString().ShouldBe("green");
        feedback.Body.GetProperty("feedbackDue").GetString().ShouldBe("2026-03-24");

        // Two working days before a milestone not yet reached: amber although feedback is fresh; reaching it: green.
        world.Clock.Now = At(4, 28);
        var milestone = created.GetProperty("milestones")[0].GetProperty("id").GetGuid();
        (await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/feedback", new { text = "方案已起草。" })).Body
            .GetProperty("status").GetString().ShouldBe("amber");
        var reached = await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/feedback", new { text = "方案已印发。", milestonesReached = new[] { milestone } });
        reached.Body.GetProperty("status").GetString().ShouldBe("green");
        reached.Body.GetProperty("milestones")[0].GetProperty("reachedOn").GetString().ShouldBe("2026-04-28");
        var (list, entries) = await ActivityWorld.SendAsync(member, HttpMethod.Get, $"/api/supervision/tasks/{id}/feedback", null);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        entries.GetProperty("items").GetArrayLength().ShouldBe(3);
        entries.GetProperty("items")[2].GetProperty("attachments")[0].GetProperty("sha256").GetString().ShouldBe(new string('a', 64));

        // Closure: the owner asks with evidence, the office returns it, the owner asks again, the office accepts.
        world.Clock.Now = At(6, 29);
        (await ActivityWorld.SendAsync(office, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure/accept", new { })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ActivityWorld.SendAsync(office, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure", new { evidence = "由办公室代报" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var evidence = new { evidence = "方案已全面落实，见总结报告。", attachments = new[] { new { name = "总结.docx", size = 1024, contentType = "application/msword", sha256 = new string('b', 64) } } };
        var asked = await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure", evidence);
        asked.Body.GetProperty("state").GetString().ShouldBe("closureRequested");
        (await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure/accept", new { })).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var returned = await ActivityWorld.SendAsync(office, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure/return", new { reason = "缺少群众满意度材料" });
        (returned.Body.GetProperty("state").GetString(), returned.Body.GetProperty("returnReason").GetString()).ShouldBe(("inProgress", "缺少群众满意度材料"));
        (await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure", evidence)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Stale If-Match: 412.
        using (var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/supervision/tasks/{id}/closure/accept") { Content = JsonContent.Create(new { }) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            (await office.SendAsync(stale, Cancel)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }
        world.Clock.Now = At(7, 2);
        var closed = await ActivityWorld.SendAsync(office, HttpMethod.Post, $"/api/supervision/tasks/{id}/closure/accept", new { note = "同意销号" });
        closed.Response.StatusCode.ShouldBe(HttpStatusCode.OK, closed.Body.ToString());
        closed.Body.GetProperty("state").GetString().ShouldBe("closed");
        closed.Body.GetProperty("status").ValueKind.ShouldBe(JsonValueKind.Null);
        var closure = closed.Body.GetProperty("closure");
        (closure.GetProperty("requestedOn").GetString(), closure.GetProperty("closedOn").GetString(), closure.GetProperty("onTime").GetBoolean())
            .ShouldBe(("2026-06-29", "2026-07-02", true));
        closure.GetProperty("attachments")[0].GetProperty("name").GetString().ShouldBe("总结.docx");
        (await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{id}/feedback", new { text = "补充" })).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await world.EventsAsync(id)).Select(e => e.Name).ShouldBe([
            "supervision.task-created.v1", "supervision.task-feedback-given.v1", "supervision.task-feedback-given.v1", "supervision.task-feedback-given.v1",
            "supervision.task-closure-requested.v1", "supervision.task-returned.v1", "supervision.task-closure-requested.v1", "supervision.task-closed.v1"]);
        (await world.EventsAsync(id)).Select(e => e.Version).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);

        var (figures, rows) = await ActivityWorld.SendAsync(office, HttpMethod.Get, "/api/supervision/figures/tasks?year=2026&quarter=2", null);
        figures.StatusCode.ShouldBe(HttpStatusCode.OK, rows.ToString());
        var row = rows.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitId").GetGuid() == world.Units["办公室"]);
        (row.GetProperty("unitName").GetString(), row.GetProperty("tasks").GetInt32(), row.GetProperty("closed").GetInt32(),
            row.GetProperty("closedOnTime").GetInt32(), row.GetProperty("onTimeRate").GetDouble()).ShouldBe(("办公室", 1, 1, 1, 1.0));
        var sheet = await office.GetAsync("/api/supervision/figures/tasks?year=2026&quarter=2&format=xlsx", Cancel);
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        sheet.Content.Headers.ContentType!.MediaType.ShouldBe(BrandPlatform.Reporting.Features.Exports.XlsxExport.ContentType);
    }

    [Fact]
    public async Task Members_see_the_tasks_they_own_and_their_units_and_nobody_else_s_task_exists_for_them()
    {
        await using var world = await SupervisionWorld.CreateAsync(servers, At(3, 2));
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");
        using var officer = await world.ClientAsync("officer");
        using var leader = await world.ClientAsync("leader");
        var own = (await world.CreateAsync(office, TaskBody(world, "member", world.Units["办公室"], "2026-06-30", []))).GetProperty("id").GetGuid();
        world.Clock.Now = world.Clock.Now.AddMinutes(1);
        var others = (await world.CreateAsync(office, TaskBody(world, "officer", world.Units["第二党支部"], "2026-06-30", []))).GetProperty("id").GetGuid();
        world.Clock.Now = world.Clock.Now.AddMinutes(1);
        var unit = (await world.CreateAsync(office, TaskBody(world, "secretary", world.Units["第一党支部"], "2026-06-30", []))).GetProperty("id").GetGuid();

        (await ListAsync(member, "/api/supervision/tasks")).ShouldBe([unit, own], ignoreOrder: true);
        (await ListAsync(officer, "/api/supervision/tasks")).ShouldBe([others]);
        (await ListAsync(leader, "/api/supervision/tasks")).ShouldBe([unit, others, own], ignoreOrder: true);
        (await ListAsync(office, $"/api/supervision/tasks?ownerUnitId={world.Units["第二党支部"]}")).ShouldBe([others]);
        (await ListAsync(office, "/api/supervision/tasks?status=red")).ShouldBeEmpty();
        (await ListAsync(office, "/api/supervision/tasks?status=green&limit=1")).ShouldBe([unit]);
        (await ActivityWorld.SendAsync(office, HttpMethod.Get, "/api/supervision/tasks?status=pink", null)).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await ActivityWorld.SendAsync(member, HttpMethod.Get, $"/api/supervision/tasks/{others}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{others}/feedback", new { text = "代报" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActivityWorld.SendAsync(officer, HttpMethod.Get, $"/api/supervision/tasks/{own}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActivityWorld.SendAsync(officer, HttpMethod.Get, $"/api/supervision/tasks/{own}/feedback", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The unit's people see its task; only its owner reports on it.
        (await ActivityWorld.SendAsync(member, HttpMethod.Get, $"/api/supervision/tasks/{unit}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ActivityWorld.SendAsync(member, HttpMethod.Post, $"/api/supervision/tasks/{unit}/feedback", new { text = "代报" })).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActivityWorld.SendAsync(leader, HttpMethod.Post, "/api/supervision/tasks", TaskBody(world, "member", world.Units["办公室"], "2026-06-30", [])))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ActivityWorld.SendAsync(member, HttpMethod.Get, "/api/supervision/figures/tasks", null)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The owner must be on the owner unit's roster.
        var (stranger, problem) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks", TaskBody(world, "officer", world.Units["办公室"], "2026-06-30", []));
        stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["ownerPersonId"]);
    }

    [Fact]
    public async Task A_brand_measure_becomes_a_task_prefilled_from_it_and_listed_on_the_brand_s_page()
    {
        await using var world = await SupervisionWorld.CreateAsync(servers, At(3, 2));
        using var office = await world.ClientAsync("office");
        var (brandId, measureId) = await world.Service.QueryAsync(async db =>
        {
            var brand = Brand.Register(Guid.CreateVersion7(), world.Units["第一党支部"], "红色引擎", "营商环境", "以党建引领服务", "服务零距离", At(3, 1));
            var measure = brand.AddMeasure(Guid.CreateVersion7(), "建立企业走访台账", world.Units["办公室"], world.People["member"], new DateOnly(2026, 5, 29), "走访全覆盖", At(3, 1));
            db.Brands.Add(brand);
            await db.SaveChangesAsync(Cancel);
            return (brand.Id, measure.Id);
        });
        var task = await world.CreateAsync(office, new { source = "brandMeasure", measureId, feedbackCadence = "monthly" });
        (task.GetProperty("title").GetString(), task.GetProperty("ownerUnitId").GetGuid(), task.GetProperty("ownerPersonId").GetGuid(),
            task.GetProperty("deadline").GetString(), task.GetProperty("brandId").GetGuid(), task.GetProperty("measureId").GetGuid())
            .ShouldBe(("建立企业走访台账", world.Units["办公室"], world.People["member"], "2026-05-29", brandId, measureId));
        // Milestones proposed from the deadline when the office sends none.
        task.GetProperty("milestones").GetArrayLength().ShouldBe(SupervisionTasks.DefaultMilestones);
        task.GetProperty("milestones")[3].GetProperty("due").GetString().ShouldBe("2026-05-29");

        var unknown = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks", new { source = "brandMeasure", measureId = Guid.NewGuid(), feedbackCadence = "monthly" });
        unknown.Response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await ListAsync(office, $"/api/supervision/tasks?brandId={brandId}&source=brandMeasure")).ShouldBe([task.GetProperty("id").GetGuid()]);

        await using var scope = world.Service.Services.CreateAsyncScope();
        var work = new List<BrandWorkItem>();
        foreach (var source in scope.ServiceProvider.GetServices<IBrandWorkSource>())
        {
            work.AddRange(await source.ForBrandAsync(brandId, Cancel));
        }
        var item = work.ShouldHaveSingleItem();
        (item.Kind, item.Id, item.State, item.MeasureId).ShouldBe(("supervisionTask", task.GetProperty("id").GetGuid(), "green", (Guid?)measureId));

        // A rectification item from an organisational life meeting names the meeting.
        var rectification = await world.CreateAsync(office, new
        {
            source = "rectification", title = "整改：学习记录不规范", meetingKind = "organisationalLife", meetingOn = "2026-02-27", basis = "组织生活会查摆问题第3条",
            ownerUnitId = world.Units["办公室"], ownerPersonId = world.People["member"], deadline = "2026-04-30", feedbackCadence = "fortnightly",
        });
        (rectification.GetProperty("meetingKind").GetString(), rectification.GetProperty("feedbackDue").GetString()).ShouldBe(("organisationalLife", "2026-03-16"));
    }

    [Fact]
    public async Task Reminders_go_out_in_working_time_once_per_milestone_and_missed_feedback_period()
    {
        await using var world = await SupervisionWorld.CreateAsync(servers, At(3, 2));
        using var office = await world.ClientAsync("office");
        var task = await world.CreateAsync(office, TaskBody(world, "member", world.Units["办公室"], "2026-06-30",
            [new { title = "形成方案", due = "2026-03-12" }, new { title = "全面完成", due = "2026-06-30" }]));
        var id = task.GetProperty("id").GetGuid();

        world.Clock.Now = At(3, 9);
        (await world.RemindAsync()).ShouldBeEmpty();
        // 20:00 on the 10th is after hours: nothing, though the feedback of the 9th is missing.
        world.Clock.Now = At(3, 10, hour: 20);
        (await world.RemindAsync()).ShouldBeEmpty();
        // The 11th, in working time: the milestone of the 12th (one working day ahead) and the missed feedback, once each.
        world.Clock.Now = At(3, 11);
        var passes = await Task.WhenAll(world.RemindAsync(), world.RemindAsync(), world.RemindAsync());
        var issued = passes.SelectMany(p => p).OrderBy(r => r.Kind, StringComparer.Ordinal).ToList();
        issued.Select(r => (r.Kind, r.DueOn)).ShouldBe([("feedback", new DateOnly(2026, 3, 9)), ("milestone", new DateOnly(2026, 3, 12))]);
        var milestone = issued[1];
        (milestone.RecipientId, milestone.TaskId).ShouldBe((world.People["member"], id));
        milestone.Message.ShouldContain("形成方案");
        world.Clock.Now = At(3, 12, hour: 15);
        (await world.RemindAsync()).ShouldBeEmpty();
        // A second period missed (due the 16th): one more reminder, on the next working day's pass.
        world.Clock.Now = At(3, 17);
        (await world.RemindAsync()).Select(r => (r.Kind, r.DueOn)).ShouldBe([("feedback", new DateOnly(2026, 3, 16))]);
        (await world.RemindAsync()).ShouldBeEmpty();

        var stored = await world.Service.QueryAsync(db => db.SupervisionTaskReminders.AsNoTracking().Where(r => r.TaskId == id).ToListAsync(Cancel));
        stored.Count.ShouldBe(3);
        (await world.EventsAsync(milestone.Id)).ShouldBe([("supervision.task-reminder-due.v1", 1)]);
    }

    private static object TaskBody(SupervisionWorld world, string owner, Guid unit, string deadline, object[] milestones) => new
    {
        source = "decision", title = "落实党委会关于党建品牌创建的决定", description = "按决定推进品牌创建。", basis = "2026年第3次党委会",
        ownerUnitId = unit, ownerPersonId = world.People[owner], deadline, feedbackCadence = "weekly", milestones,
    };

    private static async Task<List<Guid>> ListAsync(HttpClient client, string url)
    {
        var (answer, page) = await ActivityWorld.SendAsync(client, HttpMethod.Get, url, null);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, page.ToString());
        return [.. page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid())];
    }
}

/// <summary>
/// A reporting service of its own (real PostgreSQL and RabbitMQ) against the shared identity, with a clock the test
/// moves, the directory's units copied in, and the demo people on the rosters the tasks need.
/// </summary>
internal sealed class SupervisionWorld : IAsyncDisposable
{
    private SupervisionWorld(IdentityHost identity, ServiceFactory<ReportingDbContext> service, ManualClock clock,
        IReadOnlyDictionary<string, Guid> units, Dictionary<string, Guid> people)
    {
        Identity = identity;
        Service = service;
        Clock = clock;
        Units = units;
        People = people;
    }

    public IdentityHost Identity { get; }
    public ServiceFactory<ReportingDbContext> Service { get; }
    public ManualClock Clock { get; }
    public IReadOnlyDictionary<string, Guid> Units { get; }
    public Dictionary<string, Guid> People { get; }

    public static async Task<SupervisionWorld> CreateAsync(TestServers servers, DateTimeOffset now)
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var clock = new ManualClock(now);
        var service = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb",
            identityBackchannel: identity.Backchannel(), configureServices: services => services.UseMovedClock(clock));
        var people = new Dictionary<string, Guid>();
        foreach (var person in new[] { "member", "officer", "secretary" })
        {
            people[person] = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
        }
        var units = await TicketUnits.CopyDirectoryAsync(identity, service);
        var world = new SupervisionWorld(identity, service, clock, units, people);
        await world.JoinAsync(("member", "办公室", UnitKinds.Department), ("officer", "第二党支部", UnitKinds.Branch), ("secretary", "第一党支部", UnitKinds.Branch));
        return world;
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Service, person);

    /// <summary>An aggregate's events in order, from the event history (the outbox purges sent rows as the clock moves on).</summary>
    public Task<List<(string Name, long Version)>> EventsAsync(Guid aggregate) => Service.QueryAsync(async db =>
        (await db.Set<EventHistoryEntry>().AsNoTracking().Where(e => e.AggregateId == aggregate).OrderBy(e => e.AggregateVersion)
            .Select(e => new { e.EventName, e.AggregateVersion }).ToListAsync(TestContext.Current.CancellationToken))
        .Select(e => (e.EventName, e.AggregateVersion)).ToList());

    public async Task<JsonElement> CreateAsync(HttpClient office, object body)
    {
        var (answer, task) = await ActivityWorld.SendAsync(office, HttpMethod.Post, "/api/supervision/tasks", body);
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, task.ToString());
        return task;
    }

    public async Task<string?> StatusAsync(HttpClient client, Guid id)
    {
        var (answer, task) = await ActivityWorld.SendAsync(client, HttpMethod.Get, $"/api/supervision/tasks/{id}", null);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, task.ToString());
        return task.GetProperty("status").GetString();
    }

    public async Task<IReadOnlyList<SupervisionTaskReminder>> RemindAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TaskReminderIssuer>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    private Task JoinAsync(params (string Person, string Unit, string Kind)[] stints) => Service.QueryAsync(async db =>
    {
        foreach (var (person, unit, kind) in stints)
        {
            if (!await db.UnitMembers.AnyAsync(m => m.PersonId == People[person] && m.UnitId == Units[unit] && m.LeftOn == null, TestContext.Current.CancellationToken))
            {
                db.UnitMembers.Add(UnitMember.FromJoin(People[person], Units[unit], kind, person, new DateOnly(2025, 1, 1)));
            }
        }
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
