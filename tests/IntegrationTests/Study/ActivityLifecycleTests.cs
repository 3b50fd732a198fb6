using System.Net;
using System.Text.Json;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static BrandPlatform.IntegrationTests.Study.ActivityWorld;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// An activity's lifecycle through the API against real PostgreSQL and RabbitMQ: planned → held (attendance from
/// check-ins, the keeper's marks and the roster's absentees) → amended (the original kept), planned → cancelled, the
/// transitions the entity refuses (409 naming the state, nothing written), and the events in the outbox numbered 1, 2, ...
/// </summary>
public sealed class ActivityLifecycleTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_held_record_compiles_check_ins_marks_and_absentees_and_an_amendment_keeps_the_original()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");

        var (created, plan) = await SendAsync(secretary, HttpMethod.Post, "/api/study/activities", world.Lesson());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, plan.ToString());
        var id = plan.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/study/activities/{id}");
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        plan.GetProperty("state").GetString().ShouldBe("planned");
        plan.GetProperty("branchId").GetGuid().ShouldBe(world.FirstBranch);
        plan.TryGetProperty("checkInCode", out _).ShouldBeFalse();

        (await SendAsync(member, HttpMethod.Get, $"/api/study/activities/{id}/check-in-code", null)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var code = (await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{id}/check-in-code", null)).Body.GetProperty("code").GetString()!;
        var (first, checkedIn) = await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, checkedIn.ToString());
        world.Clock.Now = world.Clock.Now.AddMinutes(5);
        var (again, repeated) = await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        repeated.GetProperty("checkedInAt").GetDateTimeOffset().ShouldBe(checkedIn.GetProperty("checkedInAt").GetDateTimeOffset());
        (await world.Study.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == id, Cancel))).ShouldBe(1);

        var heldAt = world.Clock.Now.AddMinutes(-1);
        var (stale, _) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{id}/hold", Hold(world, heldAt, reason: null), "\"7\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var (held, record) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{id}/hold", Hold(world, heldAt, reason: null), "\"1\"");
        held.StatusCode.ShouldBe(HttpStatusCode.OK, record.ToString());
        held.Headers.ETag!.Tag.ShouldBe("\"2\"");
        record.GetProperty("state").GetString().ShouldBe("held");
        var sheet = Lines(record.GetProperty("record").GetProperty("attendance"));
        sheet[world.People["member"]].ShouldBe(("present", "checkIn"));
        sheet[world.People["secretary"]].ShouldBe(("present", "keeper"));
        sheet[world.People[Zhao]].ShouldBe(("absentWithReason", "keeper"));
        sheet[world.People[Qian]].ShouldBe(("absent", "roster"));
        var calendar = world.Study.Services.GetRequiredService<WorkingCalendar>();
        record.GetProperty("record").GetProperty("recordDue").GetString()
            .ShouldBe(calendar.AddWorkingDays(ChinaCalendar.DateOf(heldAt), 3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        record.GetProperty("record").GetProperty("recordedLate").GetBoolean().ShouldBeFalse();

        // A member sees their own line only; the keeper the whole sheet.
        var asMember = (await SendAsync(member, HttpMethod.Get, $"/api/study/activities/{id}", null)).Body;
        Lines(asMember.GetProperty("record").GetProperty("attendance")).Keys.ShouldBe([world.People["member"]]);
        Lines((await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{id}", null)).Body.GetProperty("record").GetProperty("attendance"))
            .Count.ShouldBe(4);

        var (amended, corrected) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{id}/amend",
            Hold(world, heldAt, reason: "钱七同志实际到会，补记出勤"), "\"2\"");
        amended.StatusCode.ShouldBe(HttpStatusCode.OK, corrected.ToString());
        Lines(corrected.GetProperty("record").GetProperty("attendance"))[world.People[Qian]].ShouldBe(("present", "keeper"));
        var amendment = corrected.GetProperty("amendments").EnumerateArray().ShouldHaveSingleItem();
        amendment.GetProperty("reason").GetString().ShouldBe("钱七同志实际到会，补记出勤");
        Lines(amendment.GetProperty("before").GetProperty("attendance"))[world.People[Qian]].ShouldBe(("absent", "roster"));
        Lines((await SendAsync(member, HttpMethod.Get, $"/api/study/activities/{id}", null)).Body.GetProperty("amendments")[0]
            .GetProperty("before").GetProperty("attendance")).Keys.ShouldBe([world.People["member"]]);

        (await world.EventsAsync(id)).ShouldBe([("study.activity-scheduled.v1", 1L), ("study.activity-held.v1", 2L), ("study.activity-amended.v1", 3L)]);
    }

    [Fact]
    public async Task A_planned_activity_is_cancelled_and_refused_transitions_name_the_state_and_write_nothing()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");

        var cancelled = await world.ScheduleAsync(secretary, world.Lesson());
        var (cancel, body) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{cancelled}/cancel", new { reason = "与全会时间冲突" });
        cancel.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("state").GetString().ShouldBe("cancelled");
        body.GetProperty("cancelReason").GetString().ShouldBe("与全会时间冲突");
        await RefusedAsync(world, secretary, cancelled, "hold", Hold(world, world.Clock.Now, reason: null), "已取消");

        var held = await world.ScheduleAsync(secretary, world.Lesson());
        (await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{held}/hold", Hold(world, world.Clock.Now, reason: null)))
            .Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await RefusedAsync(world, secretary, held, "cancel", new { reason = "补取消" }, "已举行");
        await RefusedAsync(world, secretary, held, "", world.Lesson(), "已举行");

        (await world.EventsAsync(cancelled)).ShouldBe([("study.activity-scheduled.v1", 1L), ("study.activity-cancelled.v1", 2L)]);
        (await world.EventsAsync(held)).ShouldBe([("study.activity-scheduled.v1", 1L), ("study.activity-held.v1", 2L)]);
    }

    [Fact]
    public async Task Check_in_is_open_only_in_the_window_with_the_right_code_to_the_expected()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");
        using var officer = await world.ClientAsync("officer");
        // The clock only moves forward, and by minutes: the tokens are checked with it too.
        var start = world.Clock.Now.AddMinutes(40);
        var id = await world.ScheduleAsync(secretary, ApiPlan(world, start, start.AddMinutes(90)));
        var code = (await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{id}/check-in-code", null)).Body.GetProperty("code").GetString()!;

        var (early, tooEarly) = await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        tooEarly.GetProperty("title").GetString().ShouldBe("签到尚未开始");
        tooEarly.GetProperty("detail").GetString()!.ShouldContain(start.AddMinutes(-30).ToChinaTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));

        world.Clock.Now = start.AddMinutes(-29);
        var (wrong, wrongCode) = await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code = code == "000000" ? "000001" : "000000" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        wrongCode.GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        // The officer (第二党支部) sees the branch's activity nowhere: 404; office staff see it but are not expected: 403.
        (await SendAsync(officer, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var office = await world.ClientAsync("office");
        (await SendAsync(office, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code })).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await world.Study.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == id, Cancel))).ShouldBe(0);

        (await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{id}/check-in", new { code })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.Study.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == id, Cancel))).ShouldBe(1);

        var past = await world.ScheduleAsync(secretary, ApiPlan(world, world.Clock.Now.AddHours(-2), world.Clock.Now.AddMinutes(-1)));
        var pastCode = (await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{past}/check-in-code", null)).Body.GetProperty("code").GetString()!;
        var (late, tooLate) = await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{past}/check-in", new { code = pastCode });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        tooLate.GetProperty("title").GetString().ShouldBe("签到已结束");
        (await world.Study.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == past, Cancel))).ShouldBe(0);

        // A lecture for the whole organ expects every branch's member.
        var lecture = await world.ScheduleAsync(secretary, world.Lesson(kind: "branchStudy", audience: new { kind = "wholeOrgan" }));
        var lectureCode = (await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{lecture}/check-in-code", null)).Body.GetProperty("code").GetString()!;
        (await SendAsync(member, HttpMethod.Post, $"/api/study/activities/{lecture}/check-in", new { code = lectureCode })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Keepers_record_their_own_branch_only_and_a_heart_to_heart_talk_stays_with_the_pair_and_the_secretary()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        using var officer = await world.ClientAsync("officer");
        using var office = await world.ClientAsync("office");
        using var member = await world.ClientAsync("member");

        var (notTheirs, refusal) = await SendAsync(officer, HttpMethod.Post, "/api/study/activities", world.Lesson());
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refusal.GetProperty("detail").GetString()!.ShouldContain("第一党支部");

        var second = await world.ScheduleAsync(officer, world.Lesson(world.SecondBranch));
        foreach (var (step, body) in new (string, object)[]
                 {
                     ("hold", Hold(world, world.Clock.Now, reason: null)), ("amend", Hold(world, world.Clock.Now, reason: "更正")), ("cancel", new { reason = "取消" }),
                 })
        {
            var (response, problem) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{second}/{step}", body);
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, step);
            problem.GetProperty("detail").GetString()!.ShouldContain("第二党支部");
        }
        (await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{second}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.EventsAsync(second)).Count.ShouldBe(1);

        var talk = await world.ScheduleAsync(secretary, world.Lesson(kind: "heartToHeartTalk",
            audience: new { kind = "members", memberIds = new[] { world.People["member"], world.People[Zhao] } }));
        (await SendAsync(member, HttpMethod.Get, $"/api/study/activities/{talk}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(secretary, HttpMethod.Get, $"/api/study/activities/{talk}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(office, HttpMethod.Get, $"/api/study/activities/{talk}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(officer, HttpMethod.Get, $"/api/study/activities/{talk}", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(office, HttpMethod.Post, $"/api/study/activities/{talk}/cancel", new { reason = "取消" })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_record_that_marks_someone_no_roster_knows_or_leave_without_a_reason_is_refused()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        var id = await world.ScheduleAsync(secretary, world.Lesson());

        var (unknown, problem) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{id}/hold", new
        {
            heldAt = world.Clock.Now, durationMinutes = 60, minutes = "记录",
            attendance = new object[] { new { personId = world.People["member"], status = "present" }, new { personId = Guid.NewGuid(), status = "present" } },
        });
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").TryGetProperty("attendance[1].personId", out _).ShouldBeTrue(problem.ToString());

        var (noReason, _) = await SendAsync(secretary, HttpMethod.Post, $"/api/study/activities/{id}/hold", new
        {
            heldAt = world.Clock.Now, durationMinutes = 60, minutes = "记录", attendance = new[] { new { personId = world.People[Zhao], status = "absentWithReason" } },
        });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await world.EventsAsync(id)).Count.ShouldBe(1);
    }

    /// <summary>The secretary present, 赵六 on leave; 钱七 present too when <paramref name="reason"/> (an amendment) is given.</summary>
    private static object Hold(ActivityWorld world, DateTimeOffset heldAt, string? reason)
    {
        var marks = new List<object>
        {
            new { personId = world.People["secretary"], status = "present" },
            new { personId = world.People[Zhao], status = "absentWithReason", reason = "赴省里参加培训" },
        };
        if (reason is not null)
        {
            marks.Add(new { personId = world.People[Qian], status = "present" });
        }
        return new { heldAt, durationMinutes = 90, minutes = "书记讲授党课，党员交流体会。", attendance = marks, reason };
    }

    private static object ApiPlan(ActivityWorld world, DateTimeOffset start, DateTimeOffset end) => new
    {
        kind = "partyLesson", organiserUnitId = world.FirstBranch, topic = "专题党课", place = "党员活动室", plannedStart = start, plannedEnd = end,
        audience = new { kind = "unit" },
    };

    /// <summary>A refused step (<paramref name="step"/> "" is the reschedule): 409 naming the state; the version and the outbox unchanged.</summary>
    private static async Task RefusedAsync(ActivityWorld world, HttpClient keeper, Guid id, string step, object body, string state)
    {
        var before = await world.EventsAsync(id);
        var path = step == "" ? $"/api/study/activities/{id}" : $"/api/study/activities/{id}/{step}";
        var (response, problem) = await SendAsync(keeper, step == "" ? HttpMethod.Put : HttpMethod.Post, path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain(state);
        (await world.EventsAsync(id)).ShouldBe(before);
        (await SendAsync(keeper, HttpMethod.Get, $"/api/study/activities/{id}", null)).Body.GetProperty("version").GetInt32().ShouldBe(before.Count);
    }

    private static Dictionary<Guid, (string Status, string Source)> Lines(JsonElement attendance) =>
        attendance.EnumerateArray().ToDictionary(e => e.GetProperty("personId").GetGuid(),
            e => (e.GetProperty("status").GetString()!, e.GetProperty("source").GetString()!));
}
