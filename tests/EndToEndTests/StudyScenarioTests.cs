using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.EndToEndTests;

/// <summary>
/// The study issue's acceptance scenario through the gateway with the demo secretary's own token: 第一党支部's secretary
/// plans a party lesson and files its record with attendance; the branch's compliance shows the quarter's party lesson
/// met, its coverage counts the member who attended, and reporting receives StudyActivityHeld over RabbitMQ.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StudyScenarioTests(PlatformFixture platform)
{
    // The rosters arrive from the directory's events and the held event through the outbox and the broker.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_demo_secretary_holds_a_party_lesson_and_compliance_coverage_and_reporting_show_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var secretary = await platform.SignedInAsync("secretary", cancellationToken);
        using var office = await platform.SignedInAsync("office", cancellationToken);
        var branch = (await secretary.AllItemsAsync("/api/study/branches", cancellationToken)).ShouldHaveSingleItem();
        branch.GetProperty("name").GetString().ShouldBe("第一党支部");
        var branchId = branch.GetProperty("id").GetGuid();
        var roster = await Eventually.ReturnsAsync(
            () => secretary.AllItemsAsync($"/api/study/branches/{branchId}/members", cancellationToken),
            members => members.Any(m => m.GetProperty("displayName").GetString() == "第一党支部党员"), Delivery, "第一党支部's roster in study", cancellationToken);
        Guid PersonNamed(string name) => roster.Single(m => m.GetProperty("displayName").GetString() == name).GetProperty("personId").GetGuid();
        var member = PersonNamed("第一党支部党员");
        var secretaryId = PersonNamed("第一党支部书记");

        // Planned for an hour that has just passed, then recorded: the secretary files the record straight after the lesson.
        var start = DateTimeOffset.UtcNow.AddMinutes(-70);
        var today = PlatformFixture.ChinaToday();
        var heldOn = DateOnly.FromDateTime(start.UtcDateTime.AddHours(8));
        var quarter = (heldOn.Month - 1) / 3 + 1;
        var quarterStart = new DateOnly(heldOn.Year, quarter * 3 - 2, 1);
        var coverage = $"/api/study/branches/{branchId}/coverage?from={quarterStart:yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var summary = $"/api/reporting/study/summary?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var lessonsBefore = HeldPartyLessons(await office.GetFromJsonAsync<JsonElement>(summary, cancellationToken));

        using var planned = await secretary.PostAsJsonAsync("/api/study/activities", new
        {
            kind = "partyLesson", organiserUnitId = branchId, topic = "学习贯彻党的二十届四中全会精神",
            materials = new[] { new { title = "党的二十届四中全会公报", link = "https://www.gov.cn/yaowen/" } },
            plannedStart = start, plannedEnd = start.AddHours(1), place = "机关三楼党员活动室", audience = new { kind = "unit" },
        }, cancellationToken);
        planned.StatusCode.ShouldBe(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync(cancellationToken));
        var lesson = await planned.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var id = lesson.GetProperty("id").GetGuid();
        lesson.GetProperty("state").GetString().ShouldBe("planned");

        using var hold = new HttpRequestMessage(HttpMethod.Post, $"/api/study/activities/{id}/hold")
        {
            Content = JsonContent.Create(new
            {
                heldAt = start, durationMinutes = 60, minutes = "书记讲授专题党课，党员交流学习体会。",
                attendance = new object[]
                {
                    new { personId = secretaryId, status = "present" },
                    new { personId = member, status = "present" },
                },
            }),
        };
        hold.Headers.IfMatch.Add(planned.Headers.ETag!);
        using var held = await secretary.SendAsync(hold, cancellationToken);
        held.StatusCode.ShouldBe(HttpStatusCode.OK, await held.Content.ReadAsStringAsync(cancellationToken));
        var record = await held.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        record.GetProperty("state").GetString().ShouldBe("held");
        var attendance = record.GetProperty("record").GetProperty("attendance").EnumerateArray().ToList();
        attendance.Where(a => a.GetProperty("status").GetString() == "present").Select(a => a.GetProperty("personId").GetGuid())
            .ShouldBe([secretaryId, member], ignoreOrder: true);
        attendance.Count.ShouldBe(roster.Count, "everyone else on the roster is on the sheet as absent");
        record.GetProperty("record").GetProperty("recordedLate").GetBoolean().ShouldBeFalse();

        var compliance = await secretary.GetFromJsonAsync<JsonElement>(
            $"/api/study/branches/{branchId}/compliance?year={heldOn.Year}&quarter={quarter}", cancellationToken);
        var lessons = compliance.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "partyLesson");
        lessons.GetProperty("held").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        lessons.GetProperty("status").GetString().ShouldBe("met");

        var covered = await secretary.GetFromJsonAsync<JsonElement>(coverage, cancellationToken);
        covered.GetProperty("notCovered").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()).ShouldNotContain(member);
        covered.GetProperty("covered").GetInt32().ShouldBeGreaterThanOrEqualTo(2);

        await Eventually.ReturnsAsync(
            async () => HeldPartyLessons(await office.GetFromJsonAsync<JsonElement>(summary, cancellationToken)),
            lessonsAfter => lessonsAfter == lessonsBefore + 1, Delivery, "reporting to count the held party lesson", cancellationToken);

        // Reporting's coverage of the branch over the same period, from the events, is the study service's own count.
        var members = covered.GetProperty("members").GetInt32();
        var coveredCount = covered.GetProperty("covered").GetInt32();
        var row = await Eventually.ReturnsAsync(
            async () => (await office.GetFromJsonAsync<JsonElement>(
                    $"/api/reporting/study/coverage?from={quarterStart:yyyy-MM-dd}&to={today:yyyy-MM-dd}&groupBy=branch", cancellationToken))
                .GetProperty("rows").EnumerateArray().SingleOrDefault(r => r.GetProperty("unitId").GetGuid() == branchId),
            r => r.ValueKind == JsonValueKind.Object && r.GetProperty("covered").GetInt32() == coveredCount,
            Delivery, "reporting's study coverage of 第一党支部 to match the study service's", cancellationToken);
        row.GetProperty("members").GetInt32().ShouldBe(members);
        row.GetProperty("unitName").GetString().ShouldBe("第一党支部");
    }

    private static int HeldPartyLessons(JsonElement summary) =>
        summary.GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("kind").GetString() == "partyLesson")
            .Select(k => k.GetProperty("held").GetInt32()).SingleOrDefault();
}
