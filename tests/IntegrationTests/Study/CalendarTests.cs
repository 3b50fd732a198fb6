using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// Reading what is planned and held: a unit's month in China time, a person's own activities (their own attendance
/// line only), the secret iCalendar feed a calendar client fetches without a token, and the branch's yearly ledger.
/// Activities are written straight into study's database: these tests are about reading them.
/// </summary>
public sealed class CalendarTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IdentityHost identity = null!;
    private ServiceFactory<StudyDbContext> study = null!;
    private People people = null!;

    /// <summary>The demo people as their tokens name them (person id, branch).</summary>
    private sealed record People(Guid Secretary, Guid Member, Guid Officer, Guid Office, Guid FirstBranch, Guid SecondBranch, Guid Committee);

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", identityBackchannel: identity.Backchannel());
        var (secretary, firstBranch) = await PersonAsync("secretary");
        var (member, _) = await PersonAsync("member");
        var (officer, secondBranch) = await PersonAsync("officer");
        var (office, _) = await PersonAsync("office");
        people = new People(secretary, member, officer, office, firstBranch!.Value, secondBranch!.Value, Guid.CreateVersion7());
        await study.QueryAsync(db =>
        {
            db.Units.AddRange(
                new DirectoryUnit(people.Committee, UnitKinds.OrganCommittee, "机关党委", null),
                new DirectoryUnit(people.FirstBranch, UnitKinds.Branch, "第一党支部", people.Committee),
                new DirectoryUnit(people.SecondBranch, UnitKinds.Branch, "第二党支部", people.Committee));
            return db.SaveChangesAsync(Cancel);
        });
    }

    public async ValueTask DisposeAsync() => await study.DisposeAsync();

    [Fact]
    public async Task A_unit_s_month_is_the_China_month_for_its_keepers_members_and_the_office_only()
    {
        var beforeMidnight = await PlanAsync(ActivityKind.BranchCommittee, people.FirstBranch, "十一月最后一晚", At("2026-11-30T15:59:00Z"));
        var firstMorning = await PlanAsync(ActivityKind.BranchCommittee, people.FirstBranch, "十二月第一时刻", At("2026-11-30T16:00:00Z"));
        var lastEvening = await PlanAsync(ActivityKind.PartyLesson, people.FirstBranch, "十二月最后一晚", At("2026-12-31T15:30:00Z"));
        var newYear = await PlanAsync(ActivityKind.BranchAssembly, people.FirstBranch, "新年第一时刻", At("2026-12-31T16:00:00Z"));
        var otherBranch = await PlanAsync(ActivityKind.BranchCommittee, people.SecondBranch, "第二支部支委会", At("2026-12-10T07:00:00Z"));
        var talk = await PlanAsync(ActivityKind.HeartToHeartTalk, people.FirstBranch, "谈心谈话", At("2026-12-11T07:00:00Z"),
            new ActivityAudience(AudienceKind.Members, null, [people.Secretary, people.Officer], null));
        var url = $"/api/study/calendar?unitId={people.FirstBranch}&month=2026-12";

        using var secretary = await identity.ClientForPersonAsync(study, "secretary");
        (await IdsAsync(secretary, url)).ShouldBe([firstMorning, talk, lastEvening]);
        await secretary.ShouldPageOneByOneAsync(url, Cancel);
        using var member = await identity.ClientForPersonAsync(study, "member");
        (await IdsAsync(member, url)).ShouldBe([firstMorning, lastEvening], "a member of the branch, not in the talk");
        using var office = await identity.ClientForPersonAsync(study, "office");
        (await IdsAsync(office, url)).ShouldBe([firstMorning, lastEvening], "the office sees no heart-to-heart talk");
        (await IdsAsync(office, $"/api/study/calendar?unitId={people.FirstBranch}&month=2026-11")).ShouldBe([beforeMidnight]);
        (await IdsAsync(office, $"/api/study/calendar?unitId={people.FirstBranch}&month=2027-01")).ShouldBe([newYear]);
        (await IdsAsync(office, $"/api/study/calendar?unitId={people.SecondBranch}&month=2026-12")).ShouldBe([otherBranch]);
        (await IdsAsync(office, $"/api/study/calendar?unitId={people.FirstBranch}&month=9999-12")).ShouldBeEmpty("the calendar's last month");
        (await IdsAsync(office, $"/api/study/calendar?unitId={people.FirstBranch}&month=0001-01")).ShouldBeEmpty("the calendar's first month");

        var item = (await secretary.AllItemsAsync(url, Cancel))[0];
        item.GetProperty("organiserUnitName").GetString().ShouldBe("第一党支部");
        item.GetProperty("kind").GetString().ShouldBe("branchCommittee");
        item.GetProperty("state").GetString().ShouldBe("planned");
        item.GetProperty("audienceKind").GetString().ShouldBe("unit");

        using var officer = await identity.ClientForPersonAsync(study, "officer");
        var refused = await ProblemAsync(officer, url, null);
        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        refused.Problem.GetProperty("detail").GetString()!.ShouldContain("第一党支部");
        ProblemLanguage.ShouldSpeakChinese(refused.Problem);
        ProblemLanguage.ShouldSpeakEnglish((await ProblemAsync(officer, url, "en")).Problem);
        (await ProblemAsync(office, $"/api/study/calendar?unitId={Guid.NewGuid()}&month=2026-12", null)).Status.ShouldBe(HttpStatusCode.NotFound);
        var badMonth = await ProblemAsync(office, $"/api/study/calendar?unitId={people.FirstBranch}&month=2026-13", null);
        badMonth.Status.ShouldBe(HttpStatusCode.BadRequest);
        badMonth.Problem.GetProperty("errors").GetProperty("month")[0].GetString()!.ShouldContain("yyyy-MM");
    }

    [Fact]
    public async Task My_activities_show_what_I_am_expected_at_with_my_own_attendance_and_nobody_else_s()
    {
        var lesson = await HoldAsync(await PlanAsync(ActivityKind.PartyLesson, people.FirstBranch, "党课：学习全会精神", At("2026-11-18T07:00:00Z")),
        [
            new AttendanceEntry(people.Member, "党员甲", AttendanceStatus.Present, null, AttendanceSource.CheckIn, At("2026-11-18T06:55:00Z")),
            new AttendanceEntry(people.Secretary, "书记乙", AttendanceStatus.AbsentWithReason, "外出调研", AttendanceSource.Keeper, null),
        ]);
        var lecture = await PlanAsync(ActivityKind.Training, people.Committee, "全机关专题讲座", At("2026-11-25T06:30:00Z"),
            new ActivityAudience(AudienceKind.WholeOrgan, null, [], null));
        var otherBranch = await PlanAsync(ActivityKind.BranchCommittee, people.SecondBranch, "第二支部支委会", At("2026-11-20T07:00:00Z"));
        var ownTalk = await PlanAsync(ActivityKind.HeartToHeartTalk, people.FirstBranch, "与党员甲谈心", At("2026-11-21T07:00:00Z"),
            new ActivityAudience(AudienceKind.Members, null, [people.Secretary, people.Member], null));
        var othersTalk = await PlanAsync(ActivityKind.HeartToHeartTalk, people.FirstBranch, "与办公室谈心", At("2026-11-22T07:00:00Z"),
            new ActivityAudience(AudienceKind.Members, null, [people.Secretary, people.Office], null));
        const string url = "/api/study/activities/mine?from=2026-11-01&to=2026-11-30";

        using var member = await identity.ClientForPersonAsync(study, "member");
        using var response = await member.GetAsync(url, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("activity").GetProperty("id").GetGuid()).ShouldBe([lesson, ownTalk, lecture]);
        var own = items[0].GetProperty("myAttendance");
        own.GetProperty("status").GetString().ShouldBe("present");
        own.GetProperty("checkedInAt").GetDateTimeOffset().ShouldBe(At("2026-11-18T06:55:00Z"));
        items[2].GetProperty("myAttendance").ValueKind.ShouldBe(JsonValueKind.Null, "not held yet");
        body.ShouldNotContain(people.Secretary.ToString(), Case.Insensitive, "nobody else's attendance");
        body.ShouldNotContain("外出调研");

        using var secretary = await identity.ClientForPersonAsync(study, "secretary");
        var mine = await secretary.AllItemsAsync(url, Cancel);
        mine.Select(i => i.GetProperty("activity").GetProperty("id").GetGuid()).ShouldBe([lesson, ownTalk, othersTalk, lecture]);
        mine[0].GetProperty("myAttendance").GetProperty("status").GetString().ShouldBe("absentWithReason");
        mine[0].GetProperty("myAttendance").GetProperty("reason").GetString().ShouldBe("外出调研");

        using var officer = await identity.ClientForPersonAsync(study, "officer");
        (await officer.AllItemsAsync(url, Cancel)).Select(i => i.GetProperty("activity").GetProperty("id").GetGuid()).ShouldBe([otherBranch, lecture]);
        var backwards = await ProblemAsync(officer, "/api/study/activities/mine?from=2026-12-01&to=2026-11-01", null);
        backwards.Status.ShouldBe(HttpStatusCode.BadRequest);
        backwards.Problem.GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_feed_link_works_without_a_token_shows_only_what_its_person_may_see_and_stops_when_revoked()
    {
        var lesson = await HoldAsync(await PlanAsync(ActivityKind.PartyLesson, people.FirstBranch, "党课：学习全会精神", WholeMinutesFromNow(-3)),
            [new AttendanceEntry(people.Member, "党员甲", AttendanceStatus.Present, null, AttendanceSource.Keeper, null)]);
        var cancelled = await PlanAsync(ActivityKind.BranchCommittee, people.FirstBranch, "支委会（取消）", WholeMinutesFromNow(5));
        await study.QueryAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == cancelled, Cancel);
            activity.Cancel("书记出差", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync(Cancel);
        });
        var othersTalk = await PlanAsync(ActivityKind.HeartToHeartTalk, people.FirstBranch, "与办公室谈心", WholeMinutesFromNow(6),
            new ActivityAudience(AudienceKind.Members, null, [people.Secretary, people.Office], null));
        var otherBranch = await PlanAsync(ActivityKind.BranchCommittee, people.SecondBranch, "第二支部支委会", WholeMinutesFromNow(7));

        using var member = await identity.ClientForPersonAsync(study, "member");
        using var issued = await member.PostAsJsonAsync("/api/study/calendar-feeds", new { }, Cancel);
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Cancel));
        var feed = await issued.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var feedId = feed.GetProperty("id").GetGuid();
        var link = feed.GetProperty("url").GetString()!;
        issued.Headers.Location!.ToString().ShouldBe(link);
        var secret = link.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        (await study.QueryAsync(db => db.CalendarFeeds.SingleAsync(f => f.Id == feedId, Cancel))).SecretHash
            .ShouldBe(SHA256.HashData(Encoding.ASCII.GetBytes(secret)), "only the secret's hash is kept");

        using var calendarClient = study.CreateClient();
        using var fetched = await calendarClient.GetAsync(link, Cancel);
        fetched.StatusCode.ShouldBe(HttpStatusCode.OK);
        fetched.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await fetched.Content.ReadAsStringAsync(Cancel);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        events.Keys.ShouldBe([$"{lesson}@brandplatform", $"{cancelled}@brandplatform"], ignoreOrder: true);
        var held = events[$"{lesson}@brandplatform"];
        held.Summary.ShouldBe("【党课】党课：学习全会精神");
        held.Location.ShouldBe("党员活动室");
        held.Sequence.ShouldBe(2, "planned, then held");
        held.Start!.AsUtc.ShouldBe((await study.QueryAsync(db => db.Activities.SingleAsync(a => a.Id == lesson, Cancel))).PlannedStart.UtcDateTime);
        events[$"{cancelled}@brandplatform"].Status.ShouldBe("CANCELLED");
        text.ShouldNotContain("党员甲", Case.Sensitive, "no attendance in a feed");
        text.ShouldNotContain(othersTalk.ToString());
        text.ShouldNotContain(otherBranch.ToString());
        (await study.QueryAsync(db => db.CalendarFeeds.SingleAsync(f => f.Id == feedId, Cancel))).LastUsedAt.ShouldNotBeNull();

        var listed = await member.AllItemsAsync("/api/study/calendar-feeds", Cancel);
        listed.Select(f => f.GetProperty("id").GetGuid()).ShouldBe([feedId]);
        listed[0].GetRawText().ShouldNotContain(secret);
        listed[0].GetProperty("lastUsedAt").ValueKind.ShouldBe(JsonValueKind.String);

        // A unit's feed, issued by the secretary who keeps the branch: the talks they keep too, still not another branch's.
        using var secretary = await identity.ClientForPersonAsync(study, "secretary");
        using var unitFeed = await secretary.PostAsJsonAsync("/api/study/calendar-feeds", new { unitId = people.FirstBranch }, Cancel);
        unitFeed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var unitText = await calendarClient.GetStringAsync((await unitFeed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("url").GetString(), Cancel);
        unitText.ShouldContain($"{othersTalk}@brandplatform");
        unitText.ShouldNotContain(otherBranch.ToString());
        using var membersUnitFeed = await member.PostAsJsonAsync("/api/study/calendar-feeds", new { unitId = people.FirstBranch }, Cancel);
        var membersUnitText = await calendarClient.GetStringAsync(
            (await membersUnitFeed.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("url").GetString(), Cancel);
        membersUnitText.ShouldContain($"{lesson}@brandplatform");
        membersUnitText.ShouldNotContain(othersTalk.ToString(), Case.Insensitive, "a member's feed of the branch has no talk they are not in");
        using var otherUnit = await member.PostAsJsonAsync("/api/study/calendar-feeds", new { unitId = people.SecondBranch }, Cancel);
        otherUnit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await secretary.DeleteAsync($"/api/study/calendar-feeds/{feedId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another person's feed");
        (await calendarClient.GetAsync(link, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.DeleteAsync($"/api/study/calendar-feeds/{feedId}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revoked = await ProblemAsync(calendarClient, link, null);
        revoked.Status.ShouldBe(HttpStatusCode.NotFound);
        ProblemLanguage.ShouldSpeakChinese(revoked.Problem);
        ProblemLanguage.ShouldSpeakEnglish((await ProblemAsync(calendarClient, link, "en")).Problem);
        (await member.AllItemsAsync("/api/study/calendar-feeds", Cancel)).Select(f => f.GetProperty("id").GetGuid()).ShouldNotContain(feedId);
        (await ProblemAsync(calendarClient, "/api/study/calendar-feeds/not-a-secret.ics", null)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_ledger_is_the_branch_s_held_activities_of_the_year_in_Chinese_for_its_keepers_and_the_office()
    {
        var lesson = await HoldAsync(await PlanAsync(ActivityKind.PartyLesson, people.FirstBranch, "党课：学习全会精神", At("2026-03-12T07:00:00Z")),
        [
            new AttendanceEntry(people.Member, "党员甲", AttendanceStatus.Present, null, AttendanceSource.CheckIn, null),
            new AttendanceEntry(people.Office, "办公室丙", AttendanceStatus.Present, null, AttendanceSource.Keeper, null),
            new AttendanceEntry(people.Secretary, "书记乙", AttendanceStatus.AbsentWithReason, "外出调研", AttendanceSource.Keeper, null),
            new AttendanceEntry(Guid.CreateVersion7(), "党员丁", AttendanceStatus.Absent, null, AttendanceSource.Roster, null),
        ]);
        await HoldAsync(await PlanAsync(ActivityKind.HeartToHeartTalk, people.FirstBranch, "谈心谈话", At("2026-04-02T07:00:00Z"),
            new ActivityAudience(AudienceKind.Members, null, [people.Secretary, people.Member], null)), []);
        await HoldAsync(await PlanAsync(ActivityKind.BranchCommittee, people.FirstBranch, "去年的支委会", At("2025-12-31T15:00:00Z")), []);
        await HoldAsync(await PlanAsync(ActivityKind.BranchCommittee, people.SecondBranch, "第二支部支委会", At("2026-05-06T07:00:00Z")), []);
        await PlanAsync(ActivityKind.BranchCommittee, people.FirstBranch, "尚未召开", At("2026-12-20T07:00:00Z"));
        var url = $"/api/study/branches/{people.FirstBranch}/ledger.xlsx?year=2026";

        using var secretary = await identity.ClientForPersonAsync(study, "secretary");
        using var response = await secretary.GetAsync(url, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("第一党支部-2026-三会一课台账.xlsx");
        var rows = await RowsAsync(response);
        rows.Select(r => (string)r["主题"]).ShouldBe(["党课：学习全会精神", "谈心谈话"]);
        var row = rows[0];
        ((string)row["日期"]).ShouldBe("2026-03-12");
        ((string)row["类型"]).ShouldBe("党课");
        ((string)row["地点"]).ShouldBe("党员活动室");
        Convert.ToInt32(row["时长（分钟）"]).ShouldBe(90);
        Convert.ToInt32(row["应到人数"]).ShouldBe(4);
        Convert.ToInt32(row["实到人数"]).ShouldBe(2);
        Convert.ToInt32(row["请假人数"]).ShouldBe(1);
        Convert.ToInt32(row["缺席人数"]).ShouldBe(1);
        ((string)row["出席人员"]).ShouldBe("党员甲、办公室丙");
        ((string)row["逾期记录"]).ShouldBe("否");
        ((string)row["已更正"]).ShouldBe("否");
        ((string)row["记录时间"]).ShouldNotBeNullOrEmpty();
        (await study.QueryAsync(db => db.Activities.SingleAsync(a => a.Id == lesson, Cancel))).RecordedLate.ShouldBeFalse();

        using var office = await identity.ClientForPersonAsync(study, "office");
        using var officeLedger = await office.GetAsync(url, Cancel);
        (await RowsAsync(officeLedger)).Select(r => (string)r["主题"]).ShouldBe(["党课：学习全会精神"], "the office files no heart-to-heart talks");
        using var officer = await identity.ClientForPersonAsync(study, "officer");
        (await ProblemAsync(officer, url, null)).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var member = await identity.ClientForPersonAsync(study, "member");
        (await member.GetAsync(url, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProblemAsync(secretary, $"/api/study/branches/{people.FirstBranch}/ledger.xlsx?year=1999", null)).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>A whole minute some days from now: iCalendar times have no fractions of a second.</summary>
    private static DateTimeOffset WholeMinutesFromNow(int days)
    {
        var now = DateTimeOffset.UtcNow.AddDays(days);
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Guid Person, Guid? Branch)> PersonAsync(string userName)
    {
        var payload = IdentityHost.JwtPayload(await identity.PersonTokenAsync(userName));
        return (Guid.Parse(payload.GetProperty("sub").GetString()!),
            payload.TryGetProperty("branch", out var branch) ? Guid.Parse(branch.GetString()!) : null);
    }

    /// <summary>An activity of <paramref name="organiser"/>, 90 minutes from <paramref name="start"/>, for its own members unless told.</summary>
    private Task<Guid> PlanAsync(ActivityKind kind, Guid organiser, string topic, DateTimeOffset start, ActivityAudience? audience = null) =>
        study.QueryAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Id == organiser, Cancel);
            var activity = StudyActivity.Schedule(kind, unit, StudyAccess.BranchOf(unit), topic, [], start, start.AddMinutes(90), "党员活动室",
                audience ?? new ActivityAudience(AudienceKind.Unit, null, [], null), [], null, "test", DateTimeOffset.UtcNow);
            db.Activities.Add(activity);
            await db.SaveChangesAsync(Cancel);
            return activity.Id;
        });

    /// <summary>Files the record at once (so never late), held as planned.</summary>
    private Task<Guid> HoldAsync(Guid id, IReadOnlyList<AttendanceEntry> attendance) =>
        study.QueryAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == id, Cancel);
            var now = activity.PlannedEnd.AddHours(1);
            activity.Hold(new HeldRecord(activity.PlannedStart, 90, "会议记录", 0, attendance), DateOnly.FromDateTime(now.UtcDateTime).AddDays(3), now);
            await db.SaveChangesAsync(Cancel);
            return id;
        });

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url) =>
        [.. (await client.AllItemsAsync(url, Cancel)).Select(i => i.GetProperty("id").GetGuid())];

    private static async Task<List<IDictionary<string, object>>> RowsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel));
        return [.. (await stream.QueryAsync(useHeaderRow: true, cancellationToken: Cancel)).Cast<IDictionary<string, object>>()];
    }

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> ProblemAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }
}
