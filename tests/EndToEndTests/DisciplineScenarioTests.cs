using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.EndToEndTests;

/// <summary>
/// The discipline issue's acceptance scenario through the gateway with the demo accounts' own tokens: the office
/// launches this quarter's warning campaign (一季一警示) from the library and the question bank; 第一党支部's secretary
/// records the branch's session; the member passes the quiz (two copies of the sheet sent at once count once; nobody
/// else reads the attempt) and signs the year's pledge; the branch's coverage shows the member covered and lists the
/// office's own staff member, who missed the session, as not covered; reporting's figures for the branch count the same.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DisciplineScenarioTests(PlatformFixture platform)
{
    // The rosters arrive from the directory's events through the broker.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_quarter_s_warning_campaign_covers_the_member_who_attended_passed_and_signed_and_lists_the_absent()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var office = await platform.SignedInAsync("office", cancellationToken);
        using var secretary = await platform.SignedInAsync("secretary", cancellationToken);
        using var member = await platform.SignedInAsync("member", cancellationToken);
        var branch = (await secretary.AllItemsAsync("/api/study/branches", cancellationToken)).ShouldHaveSingleItem();
        var branchId = branch.GetProperty("id").GetGuid();

        // The library is searchable in Chinese; the bank (with its answers) is the office's.
        var cases = await office.AllItemsAsync("/api/discipline/cases?q=" + Uri.EscapeDataString("礼品礼金"), cancellationToken);
        cases.ShouldNotBeEmpty("the demonstration's sample cases include gifts");
        var questions = await office.AllItemsAsync("/api/discipline/questions", cancellationToken);
        questions.Count.ShouldBeGreaterThanOrEqualTo(5);
        (await member.GetAsync("/api/discipline/questions", cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var today = PlatformFixture.ChinaToday();
        using var launched = await office.PostAsJsonAsync("/api/discipline/campaigns", new
        {
            year = today.Year, quarter = (today.Month - 1) / 3 + 1, theme = "以案为鉴 守住节日廉洁关",
            caseIds = cases.Select(c => c.GetProperty("id").GetGuid()).Take(2), requiredSessionsPerBranch = 1,
            quiz = new { questionCount = 5, timeLimitMinutes = 20, passMark = 80 },
        }, cancellationToken);
        launched.StatusCode.ShouldBe(HttpStatusCode.Created, await launched.Content.ReadAsStringAsync(cancellationToken));
        var campaign = (await launched.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var coverage = $"/api/discipline/campaigns/{campaign}/coverage/branches/{branchId}";

        // Discipline knows the branch's roster from the directory's events.
        var before = await Eventually.ReturnsAsync(
            () => secretary.GetFromJsonAsync<JsonElement>(coverage, cancellationToken),
            c => Names(c.GetProperty("members")).Contains("第一党支部党员") && Names(c.GetProperty("members")).Contains("办公室督办专员"),
            Delivery, "第一党支部's roster in discipline", cancellationToken);
        Guid PersonNamed(string name) => before.GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("displayName").GetString() == name).GetProperty("personId").GetGuid();
        var memberId = PersonNamed("第一党支部党员");
        var secretaryId = PersonNamed("第一党支部书记");
        var absentId = PersonNamed("办公室督办专员");

        // The secretary plans the branch's session for an hour that has just passed and files its record.
        var start = DateTimeOffset.UtcNow.AddMinutes(-70);
        using var planned = await secretary.PostAsJsonAsync($"/api/discipline/campaigns/{campaign}/sessions", new
        {
            branchId, topic = "警示教育：通报典型案例，开展对照检查", place = "机关三楼党员活动室", plannedStart = start, plannedEnd = start.AddHours(1),
        }, cancellationToken);
        planned.StatusCode.ShouldBe(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync(cancellationToken));
        var session = (await planned.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var hold = new HttpRequestMessage(HttpMethod.Post, $"/api/discipline/sessions/{session}/hold")
        {
            Content = JsonContent.Create(new
            {
                heldAt = start, durationMinutes = 60, notes = "书记通报典型案例，党员逐一对照检查。",
                attendance = new object[] { new { personId = secretaryId, status = "present" }, new { personId = memberId, status = "present" } },
            }),
        };
        hold.Headers.IfMatch.Add(planned.Headers.ETag!);
        using var held = await secretary.SendAsync(hold, cancellationToken);
        held.StatusCode.ShouldBe(HttpStatusCode.OK, await held.Content.ReadAsStringAsync(cancellationToken));

        // The member takes the quiz; the office's bank gives the right answers for this test.
        using var started = await member.PostAsync($"/api/discipline/campaigns/{campaign}/quiz/attempts", null, cancellationToken);
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync(cancellationToken));
        var attempt = await started.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var attemptId = attempt.GetProperty("id").GetGuid();
        var paper = attempt.GetProperty("questions").EnumerateArray().ToList();
        paper.Count.ShouldBe(5);
        paper.ShouldAllBe(q => q.GetProperty("correctOptions").ValueKind == JsonValueKind.Null, "no answers before submitting");
        var answers = new List<object>();
        foreach (var question in paper)
        {
            var id = question.GetProperty("questionId").GetGuid();
            var key = await office.GetFromJsonAsync<JsonElement>($"/api/discipline/questions/{id}", cancellationToken);
            answers.Add(new { questionId = id, selected = key.GetProperty("correctOptions").EnumerateArray().Select(o => o.GetInt32()).ToArray() });
        }
        var submit = $"/api/discipline/quiz/attempts/{attemptId}/submit";
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => member.PostAsJsonAsync(submit, new { answers }, cancellationToken)));
        twice.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true, "the same sheet sent twice at once counts once");
        var result = await twice.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        result.GetProperty("score").GetInt32().ShouldBe(100);
        result.GetProperty("passed").GetBoolean().ShouldBeTrue();
        foreach (var response in twice)
        {
            response.Dispose();
        }
        foreach (var other in new[] { secretary, office })
        {
            (await other.GetAsync($"/api/discipline/quiz/attempts/{attemptId}", cancellationToken)).StatusCode
                .ShouldBe(HttpStatusCode.NotFound, "a score and its answers are the member's alone");
        }

        // The member signs the year's pledge: once.
        var mine = await member.GetFromJsonAsync<JsonElement>($"/api/discipline/pledges/{today.Year}/mine", cancellationToken);
        mine.GetProperty("signature").ValueKind.ShouldBe(JsonValueKind.Null);
        using var signed = await member.PostAsync($"/api/discipline/pledges/{today.Year}/sign", null, cancellationToken);
        signed.StatusCode.ShouldBe(HttpStatusCode.Created, await signed.Content.ReadAsStringAsync(cancellationToken));
        using var again = await member.PostAsync($"/api/discipline/pledges/{today.Year}/sign", null, cancellationToken);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var after = await secretary.GetFromJsonAsync<JsonElement>(coverage, cancellationToken);
        var memberRow = after.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetGuid() == memberId);
        memberRow.GetProperty("attended").GetBoolean().ShouldBeTrue();
        memberRow.GetProperty("quizPassed").GetBoolean().ShouldBeTrue();
        memberRow.GetProperty("covered").GetBoolean().ShouldBeTrue();
        memberRow.TryGetProperty("score", out _).ShouldBeFalse("coverage shows passed or not, never a score");
        var notCovered = after.GetProperty("notCovered").EnumerateArray().ToList();
        notCovered.Select(m => m.GetProperty("personId").GetGuid()).ShouldContain(absentId);
        notCovered.Select(m => m.GetProperty("personId").GetGuid()).ShouldNotContain(memberId);
        var year = await secretary.GetFromJsonAsync<JsonElement>($"/api/discipline/coverage/{today.Year}/branches/{branchId}", cancellationToken);
        year.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetGuid() == memberId)
            .GetProperty("pledgeSigned").GetBoolean().ShouldBeTrue();

        // Reporting counts the branch from discipline's events as discipline's own screen lists it, person by person.
        var members = after.GetProperty("members").EnumerateArray().ToList();
        int Count(string property) => members.Count(m => m.GetProperty(property).GetBoolean());
        var quarter = (today.Month - 1) / 3 + 1;
        var row = await Eventually.ReturnsAsync(
            async () => (await office.GetFromJsonAsync<JsonElement>($"/api/reporting/discipline/coverage?year={today.Year}&quarter={quarter}", cancellationToken))
                .GetProperty("rows").EnumerateArray().SingleOrDefault(r => r.GetProperty("branchId").ValueKind == JsonValueKind.String && r.GetProperty("branchId").GetGuid() == branchId),
            r => r.ValueKind == JsonValueKind.Object && r.GetProperty("covered").GetInt32() == Count("covered") && r.GetProperty("members").GetInt32() == members.Count,
            Delivery, "reporting's discipline coverage of 第一党支部 to match discipline's", cancellationToken);
        row.GetProperty("attended").GetInt32().ShouldBe(Count("attended"));
        row.GetProperty("quizPassed").GetInt32().ShouldBe(Count("quizPassed"));
        row.GetProperty("madeUp").GetInt32().ShouldBe(0);
        row.GetProperty("branchName").GetString().ShouldBe("第一党支部");
        var signedInBranch = year.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("pledgeSigned").GetBoolean());
        await Eventually.ReturnsAsync(
            async () => (await office.GetFromJsonAsync<JsonElement>($"/api/reporting/discipline/pledges?year={today.Year}", cancellationToken))
                .GetProperty("units").EnumerateArray().SingleOrDefault(u => u.GetProperty("unitId").GetGuid() == branchId),
            u => u.ValueKind == JsonValueKind.Object && u.GetProperty("signed").GetInt32() == signedInBranch,
            Delivery, "reporting's pledge count of 第一党支部 to match discipline's", cancellationToken);
    }

    private static List<string?> Names(JsonElement members) => [.. members.EnumerateArray().Select(m => m.GetProperty("displayName").GetString())];
}
