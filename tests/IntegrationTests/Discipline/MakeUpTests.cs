using System.Net;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static BrandPlatform.IntegrationTests.Discipline.CampaignWorld;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// Make-up (补学) against real PostgreSQL and RabbitMQ: a member absent from their branch's held session reads every
/// case and, with a passed quiz, completes it (announced once); a member who was present, and one whose branch has not
/// met yet, are refused with a clear text.
/// </summary>
public sealed class MakeUpTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_absent_member_makes_up_by_reading_every_case_with_a_passed_quiz_and_a_present_one_is_refused()
    {
        await using var world = await CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");
        using var officer = await world.ClientAsync("officer");
        var campaign = await world.LaunchAsync([world.Cases[0], world.Cases[1]]);

        // Before 第一党支部 meets, the branch's meeting is the way to take part.
        var (early, notYet) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/make-up/cases/{world.Cases[0]}/read", null);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict, notYet.ToString());
        notYet.GetProperty("detail").GetString()!.ShouldContain("本支部尚未召开警示教育会");

        var session = await world.ScheduleAsync(secretary, campaign, world.Session());
        world.Clock.Now = world.Clock.Now.AddMinutes(20);
        (await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/sessions/{session}/hold",
            Hold(world.Clock.Now.AddMinutes(-5), new { personId = world.People["secretary"], status = "present" }))).Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var (status, open) = await SendAsync(member, HttpMethod.Get, $"/api/discipline/campaigns/{campaign}/make-up", null);
        status.StatusCode.ShouldBe(HttpStatusCode.OK, open.ToString());
        open.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        open.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("read").GetBoolean()).ShouldBe([false, false]);
        open.GetProperty("complete").GetBoolean().ShouldBeFalse();

        var (first, reading) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/make-up/cases/{world.Cases[0]}/read", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, reading.ToString());
        reading.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("read").GetBoolean()).ShouldBe([true, false]);
        reading.GetProperty("quizPassed").GetBoolean().ShouldBeFalse();
        var (other, _) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/make-up/cases/{world.Cases[2]}/read", null);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The quiz helper's submit writes the passed attempt; here it is written straight into the database.
        await world.Discipline.QueryAsync(async db =>
        {
            var launched = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign, Cancel);
            var attempt = QuizAttempt.Start(launched, world.People["member"], 1, world.Clock.Now);
            attempt.Submit(launched, [.. launched.Paper.Select(q => new QuizAnswer(q.QuestionId, q.CorrectOptions))], world.Clock.Now);
            db.Attempts.Add(attempt);
            return await db.SaveChangesAsync(Cancel);
        });
        var (last, complete) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/make-up/cases/{world.Cases[1]}/read", null);
        last.StatusCode.ShouldBe(HttpStatusCode.OK, complete.ToString());
        complete.GetProperty("quizPassed").GetBoolean().ShouldBeTrue();
        complete.GetProperty("complete").GetBoolean().ShouldBeTrue();
        (await SendAsync(member, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/make-up/cases/{world.Cases[1]}/read", null))
            .Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var makeUp = await world.Discipline.QueryAsync(db => db.MakeUps.SingleAsync(m => m.CampaignId == campaign, Cancel));
        makeUp.PersonId.ShouldBe(world.People["member"]);
        (await world.EventsAsync(makeUp.Id)).ShouldBe([("discipline.warning-make-up-completed.v1", 1L)]);

        // The secretary was present: nothing to make up, and no make-up is started.
        var (present, refusal) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/make-up/cases/{world.Cases[0]}/read", null);
        present.StatusCode.ShouldBe(HttpStatusCode.Conflict, refusal.ToString());
        refusal.GetProperty("detail").GetString()!.ShouldContain("无需补学");
        var (_, view) = await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/campaigns/{campaign}/make-up", null);
        view.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        view.GetProperty("notEligibleReason").GetString()!.ShouldContain("无需补学");
        // 第二党支部 has not met.
        var (_, officerView) = await SendAsync(officer, HttpMethod.Get, $"/api/discipline/campaigns/{campaign}/make-up", null);
        officerView.GetProperty("notEligibleReason").GetString()!.ShouldContain("本支部尚未召开警示教育会");
        (await world.Discipline.QueryAsync(db => db.MakeUps.CountAsync(m => m.CampaignId == campaign, Cancel))).ShouldBe(1);
    }
}
