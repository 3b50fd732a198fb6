using System.Net;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static BrandPlatform.IntegrationTests.Discipline.CampaignLifecycleTests;
using static BrandPlatform.IntegrationTests.Discipline.CampaignWorld;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A branch's session against real PostgreSQL and RabbitMQ: the check-in window (moved by a manual clock), the code,
/// who is expected; who sees the session (its branch; another branch's keeper is told it does not exist) and who may
/// change it; cancelling.
/// </summary>
public sealed class SessionTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_in_is_open_only_in_the_window_with_the_right_code_to_the_branch_s_members()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");
        using var office = await world.ClientAsync("office");
        using var officer = await world.ClientAsync("officer");
        var campaign = await world.LaunchAsync();
        // The clock only moves forward, and by minutes: the tokens are checked with it too.
        var start = world.Clock.Now.AddMinutes(40);
        var id = await world.ScheduleAsync(secretary, campaign, new
        {
            branchId = world.FirstBranch, topic = "警示教育会", place = "党员活动室", plannedStart = start, plannedEnd = start.AddMinutes(90),
        });
        var (codeAnswer, window) = await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/sessions/{id}/check-in-code", null);
        codeAnswer.StatusCode.ShouldBe(HttpStatusCode.OK, window.ToString());
        var code = window.GetProperty("code").GetString()!;
        window.GetProperty("opensAt").GetDateTimeOffset().ShouldBe(start.AddMinutes(-30), TimeSpan.FromMilliseconds(1));

        var (early, tooEarly) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{id}/check-in", new { code });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict, tooEarly.ToString());
        world.Clock.Now = world.Clock.Now.AddMinutes(15);
        var wrong = code == "000000" ? "111111" : "000000";
        var (mistyped, problem) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{id}/check-in", new { code = wrong });
        mistyped.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["code"]);
        // The office sees every session but is on no roster of this branch: not expected. Another branch's officer does not see it.
        (await SendAsync(office, HttpMethod.Post, $"/api/discipline/sessions/{id}/check-in", new { code })).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(officer, HttpMethod.Post, $"/api/discipline/sessions/{id}/check-in", new { code })).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (first, checkedIn) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{id}/check-in", new { code });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, checkedIn.ToString());
        world.Clock.Now = world.Clock.Now.AddMinutes(5);
        var (_, repeated) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{id}/check-in", new { code });
        repeated.GetProperty("checkedInAt").GetDateTimeOffset().ShouldBe(checkedIn.GetProperty("checkedInAt").GetDateTimeOffset());
        (await world.Discipline.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == id, Cancel))).ShouldBe(1);

        // A session that ended a minute ago no longer takes check-ins.
        var past = await world.ScheduleAsync(secretary, campaign, new
        {
            branchId = world.FirstBranch, topic = "警示教育会", place = "党员活动室", plannedStart = world.Clock.Now.AddHours(-2),
            plannedEnd = world.Clock.Now.AddMinutes(-1),
        });
        var pastCode = (await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/sessions/{past}/check-in-code", null)).Body.GetProperty("code").GetString()!;
        var (late, closed) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{past}/check-in", new { code = pastCode });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict, closed.ToString());
        (await world.Discipline.QueryAsync(db => db.CheckIns.CountAsync(c => c.SessionId == past, Cancel))).ShouldBe(0);
    }

    [Fact]
    public async Task A_session_is_its_branch_s_another_branch_s_keeper_does_not_see_it_and_a_member_reads_their_own_line()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");
        using var officer = await world.ClientAsync("officer");
        using var office = await world.ClientAsync("office");
        var campaign = await world.LaunchAsync();

        // Another branch's keeper may not schedule for 第一党支部; the office may schedule for any branch.
        var (mayNot, refusal) = await SendAsync(officer, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/sessions", world.Session());
        mayNot.StatusCode.ShouldBe(HttpStatusCode.Forbidden, refusal.ToString());
        refusal.GetProperty("detail").GetString()!.ShouldContain("第一党支部");
        var second = await world.ScheduleAsync(office, campaign, world.Session(world.SecondBranch, [world.Cases[0]]));
        var id = await world.ScheduleAsync(secretary, campaign, world.Session());

        foreach (var path in new[] { $"/api/discipline/sessions/{id}", $"/api/discipline/sessions/{id}/check-in-code" })
        {
            (await SendAsync(officer, HttpMethod.Get, path, null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }
        (await SendAsync(officer, HttpMethod.Post, $"/api/discipline/sessions/{id}/cancel", new { reason = "越权取消" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{id}/cancel", new { reason = "越权取消" })).Response.StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);

        Ids(await SendAsync(office, HttpMethod.Get, $"/api/discipline/campaigns/{campaign}/sessions", null)).ShouldBe([second, id], ignoreOrder: true);
        Ids(await SendAsync(member, HttpMethod.Get, $"/api/discipline/campaigns/{campaign}/sessions", null)).ShouldBe([id]);
        Ids(await SendAsync(officer, HttpMethod.Get, $"/api/discipline/campaigns/{campaign}/sessions", null)).ShouldBe([second]);

        world.Clock.Now = world.Clock.Now.AddMinutes(20);
        var (held, _) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{id}/hold",
            Hold(world.Clock.Now.AddMinutes(-5), new { personId = world.People["member"], status = "absentWithReason", reason = "出差" }));
        held.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (read, asMember) = await SendAsync(member, HttpMethod.Get, $"/api/discipline/sessions/{id}", null);
        read.StatusCode.ShouldBe(HttpStatusCode.OK, asMember.ToString());
        Lines(asMember.GetProperty("record").GetProperty("attendance")).ShouldBe(
            new Dictionary<Guid, (string, string)> { [world.People["member"]] = ("absentWithReason", "keeper") });
        Lines((await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/sessions/{id}", null)).Body.GetProperty("record").GetProperty("attendance"))
            .Count.ShouldBe(3);
        asMember.TryGetProperty("checkInCode", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_session_cannot_be_held_and_a_mark_for_a_stranger_is_refused()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        var campaign = await world.LaunchAsync();
        var id = await world.ScheduleAsync(secretary, campaign, world.Session());
        world.Clock.Now = world.Clock.Now.AddMinutes(20);

        var (stranger, problem) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{id}/hold",
            Hold(world.Clock.Now.AddMinutes(-5), new { personId = Guid.NewGuid(), status = "present" }));
        stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["attendance[0].personId"]);

        var (cancelled, body) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{id}/cancel", new { reason = "与全会时间冲突" }, "\"1\"");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("state").GetString().ShouldBe("cancelled");
        var (refused, state) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{id}/hold", Hold(world.Clock.Now.AddMinutes(-5)));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, state.ToString());
        state.GetProperty("detail").GetString()!.ShouldContain("已取消");
        (await world.EventsAsync(id)).ShouldBe([("discipline.warning-session-scheduled.v1", 1L), ("discipline.warning-session-cancelled.v1", 2L)]);
    }

    private static List<Guid> Ids((HttpResponseMessage Response, System.Text.Json.JsonElement Body) answer)
    {
        answer.Response.StatusCode.ShouldBe(HttpStatusCode.OK, answer.Body.ToString());
        return [.. answer.Body.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
    }
}
