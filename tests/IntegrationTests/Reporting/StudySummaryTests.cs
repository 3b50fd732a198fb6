using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Study activities held, amended and cancelled through the study service's domain reach reporting only through their
/// events (study's outbox, RabbitMQ, reporting's versioned projection), and the study summary counts them per kind.
/// </summary>
public sealed class StudySummaryTests(TestServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Held_study_activities_reach_reporting_and_the_summary_counts_them_per_kind()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("study-figures")).ToString() };
        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared, identity.Backchannel());
        await reporting.WaitUntilHealthyAsync(Cancel);
        await using var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", shared, identity.Backchannel());
        await study.WaitUntilHealthyAsync(Cancel);
        var branch = new DirectoryUnit(Guid.CreateVersion7(), UnitKinds.Branch, "报表测试支部", null);
        await study.QueryAsync(db => { db.Units.Add(branch); return db.SaveChangesAsync(Cancel); });

        var now = DateTimeOffset.UtcNow;
        var today = ChinaCalendar.DateOf(now);
        var onTime = await HoldAsync(study, branch, ActivityKind.PartyLesson, now, attendees: 3, external: 0, recordDue: today);
        var late = await HoldAsync(study, branch, ActivityKind.PartyLesson, now, attendees: 2, external: 0, recordDue: today.AddDays(-1));
        await HoldAsync(study, branch, ActivityKind.ThematicEducation, now, attendees: 1, external: 40, recordDue: today);
        // The late lesson's record is corrected: one more person was there. Still late: a correction is not a filing.
        await study.QueryAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == late, Cancel);
            activity.Amend(activity.Record! with { Attendance = Present(4) }, "漏记两人", "测试", now);
            return await db.SaveChangesAsync(Cancel);
        });
        var cancelled = await study.QueryAsync(async db =>
        {
            var activity = Planned(branch, ActivityKind.BranchCommittee, now);
            db.Activities.Add(activity);
            activity.Cancel("与上级会议冲突", now);
            await db.SaveChangesAsync(Cancel);
            return activity.Id;
        });

        using var office = await identity.ClientForPersonAsync(reporting, "office");
        var period = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        var summary = await Eventually.ReturnsAsync(
            () => office.GetFromJsonAsync<JsonElement>($"/api/reporting/study/summary?{period}", Cancel),
            s => Kind(s, "partyLesson") is { } lesson && lesson.GetProperty("attendances").GetInt32() == 7 && Kind(s, "thematicEducation") is not null,
            Timeout, "reporting to have the held and amended records", Cancel);

        var partyLessons = Kind(summary, "partyLesson")!.Value;
        partyLessons.GetProperty("held").GetInt32().ShouldBe(2);
        partyLessons.GetProperty("attendances").GetInt32().ShouldBe(3 + 4, "the amended record counts as it now stands");
        partyLessons.GetProperty("lateRecords").GetInt32().ShouldBe(1);
        Kind(summary, "thematicEducation")!.Value.GetProperty("attendances").GetInt32().ShouldBe(41, "guests from outside the directory attend too");
        Kind(summary, "branchCommittee").ShouldBeNull("a cancelled activity was not held");

        var records = await Eventually.ReturnsAsync(
            () => reporting.QueryAsync(db => db.StudyActivities.AsNoTracking().ToListAsync(Cancel)),
            r => r.Any(a => a.ActivityId == cancelled), Timeout, "the cancellation in reporting", Cancel);
        records.Single(a => a.ActivityId == cancelled).State.ShouldBe("cancelled");
        var lesson = records.Single(a => a.ActivityId == onTime);
        (lesson.Kind, lesson.OrganiserUnitId, lesson.State, lesson.Attendees, lesson.RecordedLate).ShouldBe(("partyLesson", branch.Id, "held", 3, false));
        lesson.DurationMinutes.ShouldBe(90);

        var outside = await office.GetFromJsonAsync<JsonElement>($"/api/reporting/study/summary?from={today.AddDays(2):yyyy-MM-dd}&to={today.AddDays(3):yyyy-MM-dd}", Cancel);
        outside.GetProperty("kinds").GetArrayLength().ShouldBe(0, "held outside the period asked for");
        using var member = await identity.ClientForPersonAsync(reporting, "member");
        (await member.GetAsync("/api/reporting/study/summary", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "figures are for the office and leaders");
    }

    private static JsonElement? Kind(JsonElement summary, string kind) =>
        summary.GetProperty("kinds").EnumerateArray().Where(k => k.GetProperty("kind").GetString() == kind).Cast<JsonElement?>().FirstOrDefault();

    private static StudyActivity Planned(DirectoryUnit branch, ActivityKind kind, DateTimeOffset now) =>
        StudyActivity.Schedule(kind, branch, branch.Id, "学习党的二十届四中全会精神", [], now.AddHours(-3), now.AddHours(-1), "三楼会议室",
            new ActivityAudience(AudienceKind.Unit, branch.Id, [], null), [], null, "测试", now.AddDays(-2));

    private Task<Guid> HoldAsync(ServiceFactory<StudyDbContext> study, DirectoryUnit branch, ActivityKind kind, DateTimeOffset now,
        int attendees, int external, DateOnly recordDue) =>
        study.QueryAsync(async db =>
        {
            var activity = Planned(branch, kind, now);
            db.Activities.Add(activity);
            await db.SaveChangesAsync(Cancel);
            activity.Hold(new HeldRecord(now.AddHours(-3), 90, "会议记录", external, Present(attendees)), recordDue, now);
            await db.SaveChangesAsync(Cancel);
            return activity.Id;
        });

    internal static IReadOnlyList<AttendanceEntry> Present(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AttendanceEntry(Guid.NewGuid(), $"党员{i}", AttendanceStatus.Present, null, AttendanceSource.Keeper, null))];
}
