using System.Globalization;
using System.Net;
using System.Text.Json;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static BrandPlatform.IntegrationTests.Study.ActivityWorld;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// The integrity quiz through the API against real PostgreSQL and RabbitMQ: scoring (pass and fail, the answer key
/// shown only after submission), the time limit and its grace, one attempt per member until the office reopens it,
/// tampered sheets, two submissions at once, privacy of an attempt, and the events in the outbox with their versions.
/// </summary>
public sealed class QuizTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_passes_with_every_answer_right_and_sees_the_key_only_after_submitting_while_a_half_right_sheet_fails()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        using var member = await world.ClientAsync("member");
        using var secretary = await world.ClientAsync("secretary");
        var makeUp = await world.Discipline.QueryAsync(async db =>
        {
            var started = WarningMakeUp.Start(world.Campaign, world.People["member"], world.Clock.Now);
            started.ReadCase(world.Campaign, world.Campaign.CaseIds[0], quizPassed: false, world.Clock.Now);
            db.MakeUps.Add(started);
            await db.SaveChangesAsync(Cancel);
            return started.Id;
        });

        var (created, paper) = await SendAsync(member, HttpMethod.Post, world.Attempts, null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, paper.ToString());
        var id = paper.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/discipline/quiz/attempts/{id}");
        paper.GetProperty("number").GetInt32().ShouldBe(1);
        paper.GetProperty("timeLimitMinutes").GetInt32().ShouldBe(30);
        paper.GetProperty("passMark").GetInt32().ShouldBe(75);
        paper.GetProperty("deadline").GetDateTimeOffset().ShouldBe(world.Clock.Now.AddMinutes(30));
        NoKey(paper);
        paper.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("questionId").GetGuid())
            .ShouldBe(world.Campaign.Paper.Select(q => q.QuestionId));

        world.Clock.Now = world.Clock.Now.AddMinutes(2);
        var (resumed, again) = await SendAsync(member, HttpMethod.Post, world.Attempts, null);
        resumed.StatusCode.ShouldBe(HttpStatusCode.OK, again.ToString());
        again.GetProperty("id").GetGuid().ShouldBe(id);
        var (_, reading) = await SendAsync(member, HttpMethod.Get, $"/api/discipline/quiz/attempts/{id}", null);
        reading.GetProperty("expired").GetBoolean().ShouldBeFalse();
        NoKey(reading);

        var (submitted, scored) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{id}/submit", world.Sheet(_ => true));
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, scored.ToString());
        scored.GetProperty("state").GetString().ShouldBe("submitted");
        scored.GetProperty("score").GetInt32().ShouldBe(100);
        scored.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var (_, after) = await SendAsync(member, HttpMethod.Get, $"/api/discipline/quiz/attempts/{id}", null);
        foreach (var question in after.GetProperty("questions").EnumerateArray())
        {
            var onPaper = world.Campaign.Paper.Single(q => q.QuestionId == question.GetProperty("questionId").GetGuid());
            question.GetProperty("correctOptions").EnumerateArray().Select(o => o.GetInt32()).ShouldBe(onPaper.CorrectOptions);
            question.GetProperty("selected").EnumerateArray().Select(o => o.GetInt32()).ShouldBe(onPaper.CorrectOptions);
            question.GetProperty("correct").GetBoolean().ShouldBeTrue();
            question.GetProperty("explanation").GetString().ShouldBe(onPaper.Explanation);
        }

        // The secretary answers two right; the multiple-choice question with only part of its options counts wrong.
        var secretarys = await world.StartAsync(secretary);
        var twoRight = world.Campaign.Paper.Where(q => q.Kind != QuestionKind.MultipleChoice).Take(2).Select(q => q.QuestionId).ToHashSet();
        var (_, failed) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/quiz/attempts/{secretarys}/submit",
            world.Sheet(q => twoRight.Contains(q.QuestionId)));
        failed.GetProperty("score").GetInt32().ShouldBe(50);
        failed.GetProperty("passed").GetBoolean().ShouldBeFalse();
        failed.GetProperty("questions").EnumerateArray().Count(q => q.GetProperty("correct").GetBoolean()).ShouldBe(2);

        var (taken, refusal) = await SendAsync(member, HttpMethod.Post, world.Attempts, null);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refusal.GetProperty("detail").GetString()!.ShouldContain("每人限答一次，如需重新作答请联系机关党委办公室");

        var (_, mine) = await SendAsync(member, HttpMethod.Get, $"/api/discipline/campaigns/{world.Campaign.Id}/quiz/mine", null);
        var own = mine.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        own.GetProperty("id").GetGuid().ShouldBe(id);
        own.GetProperty("score").GetInt32().ShouldBe(100);

        (await world.EventsAsync(id)).ShouldBe([("discipline.quiz-completed.v1", 1L)]);
        var (_, completed) = (await OutboxEvents.PayloadsAsync(world.Discipline, id)).ShouldHaveSingleItem();
        completed.GetProperty("score").GetInt32().ShouldBe(100);
        completed.GetProperty("passed").GetBoolean().ShouldBeTrue();
        (await world.EventsAsync(makeUp)).ShouldBe([("discipline.warning-make-up-completed.v1", 1L)]);
        (await world.Discipline.QueryAsync(db => db.MakeUps.SingleAsync(m => m.Id == makeUp, Cancel))).IsComplete.ShouldBeTrue();
    }

    [Fact]
    public async Task A_sheet_within_the_grace_is_scored_and_one_after_it_is_refused_with_the_deadline()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        using var member = await world.ClientAsync("member");
        using var secretary = await world.ClientAsync("secretary");
        var onTime = await world.StartAsync(member);
        var late = await world.StartAsync(secretary);
        var deadline = world.Clock.Now.AddMinutes(30);

        world.Clock.Now = deadline + QuizAttempt.SubmissionGrace - TimeSpan.FromSeconds(1);
        (await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{onTime}/submit", world.Sheet(_ => true)))
            .Response.StatusCode.ShouldBe(HttpStatusCode.OK);

        world.Clock.Now = deadline + QuizAttempt.SubmissionGrace + TimeSpan.FromSeconds(1);
        var (refused, problem) = await SendAsync(secretary, HttpMethod.Post, $"/api/discipline/quiz/attempts/{late}/submit", world.Sheet(_ => true));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("title").GetString().ShouldBe("答题时间已到");
        problem.GetProperty("detail").GetString()!.ShouldContain(deadline.ToChinaTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        var (_, expired) = await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/quiz/attempts/{late}", null);
        expired.GetProperty("state").GetString().ShouldBe("inProgress");
        expired.GetProperty("expired").GetBoolean().ShouldBeTrue();
        NoKey(expired);
        // Run out of time, it stands until the office reopens it.
        (await SendAsync(secretary, HttpMethod.Post, world.Attempts, null)).Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await world.EventsAsync(late)).ShouldBeEmpty();
        (await world.EventsAsync(onTime)).ShouldBe([("discipline.quiz-completed.v1", 1L)]);
    }

    [Fact]
    public async Task The_same_sheet_submitted_several_times_at_once_counts_once()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.ClientAsync("member")));
        var id = await world.StartAsync(clients[0]);

        var answers = await Task.WhenAll(clients.Select(client =>
            SendAsync(client, HttpMethod.Post, $"/api/discipline/quiz/attempts/{id}/submit", world.Sheet(_ => true))));

        answers.Count(a => a.Response.StatusCode == HttpStatusCode.OK).ShouldBe(1, string.Join("\n", answers.Select(a => a.Body.ToString())));
        answers.Count(a => a.Response.StatusCode == HttpStatusCode.Conflict).ShouldBe(clients.Length - 1);
        var rows = await world.Discipline.QueryAsync(db => db.Attempts.AsNoTracking().Where(a => a.CampaignId == world.Campaign.Id).ToListAsync(Cancel));
        rows.ShouldHaveSingleItem().State.ShouldBe(AttemptState.Submitted);
        (await world.EventsAsync(id)).ShouldBe([("discipline.quiz-completed.v1", 1L)]);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Two_starts_at_once_make_one_attempt()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.ClientAsync("member")));

        var answers = await Task.WhenAll(clients.Select(client => SendAsync(client, HttpMethod.Post, world.Attempts, null)));

        answers.ShouldAllBe(a => a.Response.StatusCode == HttpStatusCode.Created || a.Response.StatusCode == HttpStatusCode.OK
            || a.Response.StatusCode == HttpStatusCode.Conflict);
        var rows = await world.Discipline.QueryAsync(db => db.Attempts.AsNoTracking().Where(a => a.CampaignId == world.Campaign.Id).ToListAsync(Cancel));
        var attempt = rows.ShouldHaveSingleItem();
        answers.Where(a => a.Response.IsSuccessStatusCode).ShouldAllBe(a => a.Body.GetProperty("id").GetGuid() == attempt.Id);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_tampered_sheet_is_refused_naming_each_field_and_changes_nothing()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        using var member = await world.ClientAsync("member");
        var id = await world.StartAsync(member);
        var single = world.Campaign.Paper.First(q => q.Kind == QuestionKind.SingleChoice);
        var trueFalse = world.Campaign.Paper.Single(q => q.Kind == QuestionKind.TrueFalse);
        var multiple = world.Campaign.Paper.Single(q => q.Kind == QuestionKind.MultipleChoice);

        foreach (var (answers, field) in new (object[], string)[]
                 {
                     ([new { questionId = Guid.CreateVersion7(), selected = new[] { 0 } }], "answers[0].questionId"),
                     ([new { questionId = single.QuestionId, selected = new[] { 0 } }, new { questionId = single.QuestionId, selected = new[] { 1 } }],
                         "answers[1].questionId"),
                     ([new { questionId = multiple.QuestionId, selected = new[] { 0, multiple.Options.Count } }], "answers[0].selected[1]"),
                     ([new { questionId = single.QuestionId, selected = new[] { -1 } }], "answers[0].selected[0]"),
                     ([new { questionId = single.QuestionId, selected = new[] { 0, 1 } }], "answers[0].selected"),
                     ([new { questionId = trueFalse.QuestionId, selected = new[] { 0, 1 } }], "answers[0].selected"),
                 })
        {
            var (response, problem) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{id}/submit", new { answers });
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, field);
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field], problem.ToString());
        }
        var (missing, invalid) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{id}/submit", new { });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").TryGetProperty("answers", out _).ShouldBeTrue(invalid.ToString());

        // An unanswered question is not a tampered one: it counts wrong.
        var (partial, scored) = await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{id}/submit",
            new { answers = new[] { new { questionId = single.QuestionId, selected = single.CorrectOptions } } });
        partial.StatusCode.ShouldBe(HttpStatusCode.OK, scored.ToString());
        scored.GetProperty("score").GetInt32().ShouldBe(100 / QuizWorld.Questions);
        (await world.EventsAsync(id)).ShouldBe([("discipline.quiz-completed.v1", 1L)]);
    }

    [Fact]
    public async Task An_attempt_is_its_member_s_alone_whatever_the_role_of_whoever_else_asks()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        using var member = await world.ClientAsync("member");
        var id = await world.StartAsync(member);

        foreach (var person in new[] { "secretary", "office" })
        {
            using var other = await world.ClientAsync(person);
            var (read, problem) = await SendAsync(other, HttpMethod.Get, $"/api/discipline/quiz/attempts/{id}", null);
            read.StatusCode.ShouldBe(HttpStatusCode.NotFound, person);
            problem.GetProperty("title").GetString().ShouldBe("测试记录不存在");
            (await SendAsync(other, HttpMethod.Post, $"/api/discipline/quiz/attempts/{id}/submit", world.Sheet(_ => false)))
                .Response.StatusCode.ShouldBe(HttpStatusCode.NotFound, person);
            var (_, theirs) = await SendAsync(other, HttpMethod.Get, $"/api/discipline/campaigns/{world.Campaign.Id}/quiz/mine", null);
            theirs.GetProperty("items").GetArrayLength().ShouldBe(0, person);
        }
        // The office is on no roster here: it takes no quiz.
        using var office = await world.ClientAsync("office");
        var (notMember, refusal) = await SendAsync(office, HttpMethod.Post, world.Attempts, null);
        notMember.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refusal.GetProperty("title").GetString().ShouldBe("不在党支部名册中");
        (await world.Discipline.QueryAsync(db => db.Attempts.SingleAsync(a => a.Id == id, Cancel))).State.ShouldBe(AttemptState.InProgress);
    }

    [Fact]
    public async Task The_office_reopens_a_failed_attempt_and_the_member_takes_a_second_but_a_passed_one_stands()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        using var member = await world.ClientAsync("member");
        using var office = await world.ClientAsync("office");
        var first = await world.StartAsync(member);
        (await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{first}/submit", world.Sheet(_ => false)))
            .Body.GetProperty("passed").GetBoolean().ShouldBeFalse();

        (await SendAsync(member, HttpMethod.Post, world.Reopen("member"), new { reason = "自行重开" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (reopened, body) = await SendAsync(office, HttpMethod.Post, world.Reopen("member"), new { reason = "答题期间网络中断" });
        reopened.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("state").GetString().ShouldBe("reopened");
        body.GetProperty("reopenReason").GetString().ShouldBe("答题期间网络中断");
        body.TryGetProperty("score", out _).ShouldBeFalse();
        (await SendAsync(office, HttpMethod.Post, world.Reopen("member"), new { reason = "再次" }))
            .Response.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (created, second) = await SendAsync(member, HttpMethod.Post, world.Attempts, null);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, second.ToString());
        second.GetProperty("number").GetInt32().ShouldBe(2);
        NoKey(second);
        var secondId = second.GetProperty("id").GetGuid();
        (await SendAsync(member, HttpMethod.Post, $"/api/discipline/quiz/attempts/{secondId}/submit", world.Sheet(_ => true)))
            .Body.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var (refused, problem) = await SendAsync(office, HttpMethod.Post, world.Reopen("member"), new { reason = "复核" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        problem.GetProperty("title").GetString().ShouldBe("测试不能重新开放");

        var (_, mine) = await SendAsync(member, HttpMethod.Get, $"/api/discipline/campaigns/{world.Campaign.Id}/quiz/mine?limit=1", null);
        mine.GetProperty("items")[0].GetProperty("number").GetInt32().ShouldBe(1);
        var (_, next) = await SendAsync(member, HttpMethod.Get, mine.GetProperty("next").GetString()!, null);
        next.GetProperty("items")[0].GetProperty("number").GetInt32().ShouldBe(2);

        (await world.EventsAsync(first)).ShouldBe([("discipline.quiz-completed.v1", 1L), ("discipline.quiz-reopened.v1", 2L)]);
        (await world.EventsAsync(secondId)).ShouldBe([("discipline.quiz-completed.v1", 1L)]);
    }

    [Fact]
    public async Task Refusals_speak_english_when_asked()
    {
        await using var world = await QuizWorld.CreateAsync(servers, Cancel);
        using var secretary = await world.ClientAsync("secretary");
        secretary.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var (_, problem) = await SendAsync(secretary, HttpMethod.Get, $"/api/discipline/quiz/attempts/{Guid.CreateVersion7()}", null);
        problem.GetProperty("title").GetString().ShouldBe("Quiz attempt not found");
    }

    /// <summary>No answer key, selection or explanation in an attempt not yet submitted.</summary>
    private static void NoKey(JsonElement attempt)
    {
        attempt.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Null);
        foreach (var question in attempt.GetProperty("questions").EnumerateArray())
        {
            question.GetProperty("correctOptions").ValueKind.ShouldBe(JsonValueKind.Null);
            question.GetProperty("explanation").ValueKind.ShouldBe(JsonValueKind.Null);
            question.GetProperty("selected").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }
}
