using System.Net;
using System.Text.Json;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static BrandPlatform.IntegrationTests.Discipline.CampaignWorld;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A campaign's lifecycle through the API against real PostgreSQL and RabbitMQ: launched (the paper drawn, never
/// shown) → a branch's session scheduled, checked in to and held → closed, after which sessions are refused; one
/// campaign a quarter, raced or not; and the events in the outbox numbered 1, 2, ... per aggregate.
/// </summary>
public sealed class CampaignLifecycleTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Launch_sessions_hold_with_check_ins_and_marks_then_close()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var office = await world.ClientAsync("office");
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");

        var (launched, campaign) = await SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", world.Campaign());
        launched.StatusCode.ShouldBe(HttpStatusCode.Created, campaign.ToString());
        var id = campaign.GetProperty("id").GetGuid();
        launched.Headers.Location!.ToString().ShouldBe($"/api/discipline/campaigns/{id}");
        launched.Headers.ETag!.Tag.ShouldBe("\"1\"");
        campaign.GetProperty("quiz").GetProperty("questionCount").GetInt32().ShouldBe(3);
        campaign.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ShouldContain("某局副局长违规接受宴请问题");
        campaign.TryGetProperty("paper", out _).ShouldBeFalse();
        (await world.Discipline.QueryAsync(db => db.Campaigns.SingleAsync(c => c.Id == id, Cancel))).Paper.Count.ShouldBe(3);

        // Participants read it, as today's and in the year's list; nobody reads the paper's answers here.
        var (current, read) = await SendAsync(member, HttpMethod.Get, "/api/discipline/campaigns/current", null);
        current.StatusCode.ShouldBe(HttpStatusCode.OK, read.ToString());
        read.GetProperty("id").GetGuid().ShouldBe(id);
        read.ToString().ShouldNotContain("correctOptions");
        var list = (await SendAsync(member, HttpMethod.Get, $"/api/discipline/campaigns?year={world.ThisQuarter.Year}", null)).Body;
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([id]);
        (await SendAsync(member, HttpMethod.Get, $"/api/discipline/campaigns?year={world.ThisQuarter.Year - 1}", null)).Body
            .GetProperty("items").GetArrayLength().ShouldBe(0);

        var session = await world.ScheduleAsync(secretary, id, world.Session());
        var code = (await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/sessions/{session}/check-in-code", null)).Body.GetProperty("code").GetString()!;
        (await SendAsync(member, HttpMethod.Post, $"/api/discipline/sessions/{session}/check-in", new { code })).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        world.Clock.Now = world.Clock.Now.AddMinutes(20);
        var (held, record) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{session}/hold",
            Hold(world.Clock.Now.AddMinutes(-5), new { personId = world.People[Zhao], status = "absentWithReason", reason = "外出招商" },
                new { personId = world.People["secretary"], status = "present" }), "\"1\"");
        held.StatusCode.ShouldBe(HttpStatusCode.OK, record.ToString());
        held.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var sheet = Lines(record.GetProperty("record").GetProperty("attendance"));
        sheet.Count.ShouldBe(3);
        sheet[world.People["member"]].ShouldBe(("present", "checkIn"));
        sheet[world.People["secretary"]].ShouldBe(("present", "keeper"));
        sheet[world.People[Zhao]].ShouldBe(("absentWithReason", "keeper"));
        (await world.Discipline.QueryAsync(db => db.Sessions.SingleAsync(s => s.Id == session, Cancel))).PresentIds
            .ShouldBe([world.People["member"], world.People["secretary"]], ignoreOrder: true);

        var (stale, _) = await SendAsync(office, HttpMethod.Post, $"/api/discipline/campaigns/{id}/close", null, "\"7\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var (closed, after) = await SendAsync(office, HttpMethod.Post, $"/api/discipline/campaigns/{id}/close", null, "\"1\"");
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, after.ToString());
        after.GetProperty("state").GetString().ShouldBe("closed");
        after.GetProperty("version").GetInt32().ShouldBe(2);

        // A closed campaign counts nothing more: no new session, no record of a planned one.
        var (refused, problem) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/campaigns/{id}/sessions", world.Session());
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain("已结束");
        (await world.Discipline.QueryAsync(db => db.Sessions.CountAsync(s => s.CampaignId == id, Cancel))).ShouldBe(1);

        (await world.EventsAsync(id)).ShouldBe([("discipline.warning-campaign-launched.v1", 1L), ("discipline.warning-campaign-closed.v1", 2L)]);
        (await world.EventsAsync(session)).ShouldBe([("discipline.warning-session-scheduled.v1", 1L), ("discipline.warning-session-held.v1", 2L)]);
    }

    [Fact]
    public async Task A_closed_campaign_refuses_the_record_of_a_session_planned_before_it_closed()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var office = await world.ClientAsync("office");
        using var secretary = await world.ClientAsync("secretary");
        var id = await world.LaunchAsync();
        var session = await world.ScheduleAsync(secretary, id, world.Session());
        (await SendAsync(office, HttpMethod.Post, $"/api/discipline/campaigns/{id}/close", null)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        world.Clock.Now = world.Clock.Now.AddMinutes(20);
        var (refused, problem) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{session}/hold", Hold(world.Clock.Now.AddMinutes(-5)));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        (await world.Discipline.QueryAsync(db => db.Sessions.SingleAsync(s => s.Id == session, Cancel))).State.ShouldBe(SessionState.Planned);
        (await world.EventsAsync(session)).ShouldBe([("discipline.warning-session-scheduled.v1", 1L)]);
        var (again, closedTwice) = await SendAsync(office, HttpMethod.Post, $"/api/discipline/campaigns/{id}/close", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, closedTwice.ToString());
    }

    [Fact]
    public async Task A_quarter_has_one_campaign_even_when_two_launches_race()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var office = await world.ClientAsync("office");
        await world.LaunchAsync();

        var (again, problem) = await SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", world.Campaign());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("detail").GetString()!.ShouldContain($"{world.ThisQuarter.Year}年第{world.ThisQuarter.Quarter}季度");

        // The next quarter, launched twice at once: the unique index lets one in, the other gets the same answer.
        var (year, quarter) = world.ThisQuarter.Quarter == 4 ? (world.ThisQuarter.Year + 1, 1) : (world.ThisQuarter.Year, world.ThisQuarter.Quarter + 1);
        var next = new
        {
            year, quarter, theme = "下季度警示教育", caseIds = world.Cases, requiredSessionsPerBranch = 2,
            quiz = new { questionCount = 2, timeLimitMinutes = 20, passMark = 60 },
        };
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", next)));
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.Response.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.Response.StatusCode == HttpStatusCode.Conflict);
        answers.Where(a => a.Response.StatusCode == HttpStatusCode.Conflict)
            .ShouldAllBe(a => a.Body.GetProperty("detail").GetString()!.Contains($"{year}年第{quarter}季度"));
        (await world.Discipline.QueryAsync(db => db.Campaigns.CountAsync(Cancel))).ShouldBe(2);
    }

    [Fact]
    public async Task A_launch_naming_cases_the_library_lacks_is_refused_naming_them_and_writes_nothing()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var office = await world.ClientAsync("office");

        var (refused, problem) = await SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", world.Campaign([world.Cases[0], Guid.NewGuid()]));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, problem.ToString());
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["caseIds[1]"]);
        var (tooMany, bank) = await SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", world.Campaign(questionCount: 6));
        tooMany.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, bank.ToString());
        var (invalid, fields) = await SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", new
        {
            year = world.ThisQuarter.Year, quarter = 5, theme = "", caseIds = world.Cases, requiredSessionsPerBranch = 4,
            quiz = new { questionCount = 0, timeLimitMinutes = 4, passMark = 101 },
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        fields.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(
            ["quarter", "theme", "requiredSessionsPerBranch", "quiz.questionCount", "quiz.timeLimitMinutes", "quiz.passMark"], ignoreOrder: true);
        (await SendAsync(office, HttpMethod.Get, "/api/discipline/campaigns/current", null)).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await world.Discipline.QueryAsync(db => db.Campaigns.CountAsync(Cancel))).ShouldBe(0);
    }

    internal static Dictionary<Guid, (string Status, string Source)> Lines(JsonElement sheet) => sheet.EnumerateArray()
        .ToDictionary(e => e.GetProperty("personId").GetGuid(), e => (e.GetProperty("status").GetString()!, e.GetProperty("source").GetString()!));
}
