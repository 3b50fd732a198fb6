using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features.Materials;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// The materials library and its designation: every unit's follow-up from pending to studied, late or overdue; the
/// 第一议题 rule for the leadership meeting; training series with their sessions; self-study notes kept for the member
/// and their branch's keepers only, announced as MemberStudyRecorded.
/// </summary>
public sealed class MaterialsTests(MaterialsFixture fixture) : IClassFixture<MaterialsFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Designation_puts_every_unit_on_a_deadline_and_held_studies_mark_them_studied_or_late()
    {
        fixture.Clock.Now = DateTimeOffset.UtcNow;
        using var office = await fixture.ClientAsync("office");
        var material = await AddAsync(office, "在全国统战工作会议上的重要讲话", "＃最新重要讲话 ", "最新重要讲话", "第一主题");
        material.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["最新重要讲话", "第一主题"]);
        var id = material.GetProperty("id").GetGuid();
        (await office.GetAsync($"/api/study/materials/{id}/follow-up", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var today = fixture.Clock.Now.ToChinaTime();
        var designated = await SendAsync(office, HttpMethod.Post, $"/api/study/materials/{id}/designate", HttpStatusCode.OK);
        designated.GetProperty("firstAgendaItemDue").GetString().ShouldBe(DateOnly.FromDateTime(today.DateTime).AddDays(7).ToString("yyyy-MM-dd"));
        designated.GetProperty("branchFollowUpDue").GetString().ShouldBe(DateOnly.FromDateTime(today.DateTime).AddDays(30).ToString("yyyy-MM-dd"));
        var again = await SendAsync(office, HttpMethod.Post, $"/api/study/materials/{id}/designate", HttpStatusCode.Conflict);
        ProblemLanguage.ShouldSpeakChinese(again);

        var before = await FollowUpAsync(office, id);
        foreach (var unit in new[] { "部务会", "第一党支部", "第二党支部", "第三党支部" })
        {
            Line(before, unit).GetProperty("status").GetString().ShouldBe("pending");
            before.GetProperty("notYetStudied").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ShouldContain(unit);
        }

        // A branch study before the designation does not count; one after it does; a party group's counts for its branch.
        await fixture.HoldAsync("第一党支部", ActivityKind.BranchStudy, fixture.Clock.Now.AddDays(-3), id);
        var branchStudy = await fixture.HoldAsync("第一党支部", ActivityKind.BranchStudy, fixture.Clock.Now.AddMinutes(10), id);
        await fixture.HoldAsync("第一党支部", ActivityKind.BranchStudy, fixture.Clock.Now.AddMinutes(20));
        fixture.Clock.Now = fixture.Clock.Now.AddHours(1);
        var studied = await FollowUpAsync(office, id);
        Line(studied, "第一党支部").GetProperty("status").GetString().ShouldBe("studied");
        Line(studied, "第一党支部").GetProperty("activityId").GetGuid().ShouldBe(branchStudy.Id);
        studied.GetProperty("notYetStudied").EnumerateArray().Select(u => u.GetProperty("name").GetString()).ShouldNotContain("第一党支部");

        // Past the branches' deadline: studied after it is late, not studied is overdue.
        fixture.Clock.Now = fixture.Clock.Now.AddDays(31);
        await fixture.HoldAsync("第二党支部", ActivityKind.ThemedPartyDay, fixture.Clock.Now.AddHours(-1), id);
        var after = await FollowUpAsync(office, id);
        Line(after, "第一党支部").GetProperty("status").GetString().ShouldBe("studied");
        Line(after, "第二党支部").GetProperty("status").GetString().ShouldBe("late");
        Line(after, "第三党支部").GetProperty("status").GetString().ShouldBe("overdue");
        Line(after, "部务会").GetProperty("status").GetString().ShouldBe("overdue");

        // A branch's keeper sees their own branch's line only; a member is refused.
        using var secretary = await fixture.ClientAsync("secretary");
        var own = await FollowUpAsync(secretary, id);
        own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitName").GetString()).ShouldBe(["第一党支部"]);
        using var member = await fixture.ClientAsync("member");
        (await member.GetAsync($"/api/study/materials/{id}/follow-up", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_leadership_meeting_must_study_the_latest_designated_material_as_its_first_agenda_item_in_time()
    {
        fixture.Clock.Now = DateTimeOffset.UtcNow.AddMinutes(5);
        using var office = await fixture.ClientAsync("office");
        var onTime = (await AddAsync(office, "在民营企业座谈会上的重要讲话", "最新重要讲话")).GetProperty("id").GetGuid();
        await SendAsync(office, HttpMethod.Post, $"/api/study/materials/{onTime}/designate", HttpStatusCode.OK);
        var pending = await SendAsync(office, HttpMethod.Get, "/api/study/first-agenda-item", HttpStatusCode.OK);
        pending.GetProperty("materialId").GetGuid().ShouldBe(onTime);
        pending.GetProperty("days").GetInt32().ShouldBe(7);
        Meeting(pending).GetProperty("status").GetString().ShouldBe("pending");

        // A branch cannot stand in for the leadership meeting, nor can another kind of its meetings.
        await fixture.HoldAsync("第一党支部", ActivityKind.BranchStudy, fixture.Clock.Now.AddHours(1), onTime);
        await fixture.HoldAsync("部务会", ActivityKind.DemocraticLifeMeeting, fixture.Clock.Now.AddHours(1), onTime);
        var meeting = await fixture.HoldAsync("部务会", ActivityKind.FirstAgendaItem, fixture.Clock.Now.AddDays(3), onTime);
        fixture.Clock.Now = fixture.Clock.Now.AddDays(4);
        var studied = await SendAsync(office, HttpMethod.Get, "/api/study/first-agenda-item", HttpStatusCode.OK);
        Meeting(studied).GetProperty("status").GetString().ShouldBe("studied");
        Meeting(studied).GetProperty("activityId").GetGuid().ShouldBe(meeting.Id);

        // The next designated material takes over; past its 7 days it is overdue, then studied late. Nine days, not
        // eight: the due date is a China date, and eight days less two hours can still fall on it when UTC is past 16:00.
        var late = (await AddAsync(office, "在市委全会上的讲话", "第一主题")).GetProperty("id").GetGuid();
        await SendAsync(office, HttpMethod.Post, $"/api/study/materials/{late}/designate", HttpStatusCode.OK);
        fixture.Clock.Now = fixture.Clock.Now.AddDays(9);
        var overdue = await SendAsync(office, HttpMethod.Get, "/api/study/first-agenda-item", HttpStatusCode.OK);
        overdue.GetProperty("materialId").GetGuid().ShouldBe(late);
        Meeting(overdue).GetProperty("status").GetString().ShouldBe("overdue");
        await fixture.HoldAsync("部务会", ActivityKind.FirstAgendaItem, fixture.Clock.Now.AddHours(-2), late);
        Meeting(await SendAsync(office, HttpMethod.Get, "/api/study/first-agenda-item", HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("late");

        // The leadership team's members see it; other members and branch secretaries do not.
        using var leadershipMember = await fixture.ClientAsync("member01");
        (await leadershipMember.GetAsync("/api/study/first-agenda-item", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var member = await fixture.ClientAsync("member");
        ProblemLanguage.ShouldSpeakChinese(await SendAsync(member, HttpMethod.Get, "/api/study/first-agenda-item", HttpStatusCode.Forbidden));
        using var secretary = await fixture.ClientAsync("secretary");
        (await secretary.GetAsync("/api/study/first-agenda-item", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_library_is_edited_with_If_Match_and_listed_by_tag_and_words()
    {
        fixture.Clock.Now = DateTimeOffset.UtcNow;
        using var office = await fixture.ClientAsync("office");
        var marker = "标记" + Guid.NewGuid().ToString("N")[..6];
        var first = await AddAsync(office, "来闽考察重要讲话" + marker, "来闽来明考察重要讲话");
        await AddAsync(office, "机关党建工作要点" + marker, "第一主题");
        var id = first.GetProperty("id").GetGuid();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/study/materials/{id}") { Content = JsonContent.Create(Body("改过的标题" + marker, "来闽来明考察重要讲话")) };
        stale.Headers.IfMatch.ParseAdd("\"0\"");
        using var refused = await office.SendAsync(stale, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/study/materials/{id}") { Content = JsonContent.Create(Body("改过的标题" + marker, "来闽来明考察重要讲话")) };
        edit.Headers.IfMatch.ParseAdd("\"1\"");
        using var edited = await office.SendAsync(edit, Cancel);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        edited.Headers.ETag!.Tag.ShouldBe("\"2\"");

        using var member = await fixture.ClientAsync("member");
        var byTag = await member.AllItemsAsync($"/api/study/materials?tag=来闽来明考察重要讲话&q={marker}", Cancel);
        byTag.Select(m => m.GetProperty("title").GetString()).ShouldBe(["改过的标题" + marker]);
        await member.ShouldPageOneByOneAsync($"/api/study/materials?q={marker}", Cancel);
        (await member.PostAsJsonAsync("/api/study/materials", Body("党员不能添加", "第一主题"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var tooMany = await office.PostAsJsonAsync("/api/study/materials", Body("标签太多", [.. Enumerable.Range(1, 11).Select(i => $"标签{i}")]), Cancel);
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_training_series_shows_its_sessions_with_their_external_speakers()
    {
        fixture.Clock.Now = DateTimeOffset.UtcNow;
        using var office = await fixture.ClientAsync("office");
        using var created = await office.PostAsJsonAsync("/api/study/training-series",
            new { title = "履职能力提升专题培训", description = "面向全体机关干部", organiserUnitId = fixture.Units["办公室"] }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var series = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var byBranch = await office.PostAsJsonAsync("/api/study/training-series",
            new { title = "支部不能主办", organiserUnitId = fixture.Units["第一党支部"] }, Cancel);
        byBranch.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        ProblemLanguage.ShouldSpeakChinese(await byBranch.Content.ReadFromJsonAsync<JsonElement>(Cancel));

        var start = fixture.Clock.Now.AddDays(7);
        var second = await ScheduleTrainingAsync(series, "民营经济促进法解读", start.AddDays(14), new ExternalSpeaker("李研究员", "省社科院"));
        var first = await ScheduleTrainingAsync(series, "公文写作与督查督办", start, new ExternalSpeaker("陈教授", "市委党校"), new ExternalSpeaker("周处长", "市政府办公室"));

        using var member = await fixture.ClientAsync("member");
        var read = await member.GetFromJsonAsync<JsonElement>($"/api/study/training-series/{series}", Cancel);
        read.GetProperty("audience").GetString().ShouldBe("wholeOrgan");
        var sessions = read.GetProperty("sessions").EnumerateArray().ToList();
        sessions.Select(s => s.GetProperty("id").GetGuid()).ShouldBe([first, second]);
        sessions[0].GetProperty("speakers").EnumerateArray().Select(s => s.GetProperty("name").GetString() + "/" + s.GetProperty("affiliation").GetString())
            .ShouldBe(["陈教授/市委党校", "周处长/市政府办公室"]);
        sessions[0].GetProperty("state").GetString().ShouldBe("planned");
        (await member.AllItemsAsync("/api/study/training-series", Cancel)).Select(s => s.GetProperty("id").GetGuid()).ShouldContain(series);

        // What the schedule endpoints will ask: which of a plan's series and materials do not exist.
        var material = (await AddAsync(office, "培训讲义", "第一主题")).GetProperty("id").GetGuid();
        var problems = await fixture.Service.QueryAsync(db => StudyReferences.CheckAsync(db, Guid.NewGuid(),
            [material, null, Guid.NewGuid()], Cancel));
        problems.Keys.Order().ShouldBe(["materials[2].materialId", "seriesId"]);
        problems["materials[2].materialId"].ShouldBe(["资料库中没有该资料"]);
        (await fixture.Service.QueryAsync(db => StudyReferences.CheckAsync(db, series, [material, null], Cancel))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Notes_are_announced_and_kept_for_the_member_and_their_branch_s_keepers_only()
    {
        fixture.Clock.Now = DateTimeOffset.UtcNow;
        using var office = await fixture.ClientAsync("office");
        var material = await AddAsync(office, "关于加强机关党建的意见", "第一主题");
        using var member = await fixture.ClientAsync("member");
        var today = ChinaCalendar.DateOf(fixture.Clock.Now);
        using var recorded = await member.PostAsJsonAsync("/api/study/notes",
            new { materialId = material.GetProperty("id").GetGuid(), studiedOn = today, reflections = "体会：把党建和业务深度融合。" }, Cancel);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Cancel));
        var note = await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = note.GetProperty("id").GetGuid();
        note.GetProperty("materialTitle").GetString().ShouldBe("关于加强机关党建的意见");

        var announced = await fixture.Service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.EventName == "study.member-study-recorded.v1").Select(m => m.Payload).ToListAsync(Cancel));
        var recordedEvent = announced.Select(payload => JsonSerializer.Deserialize<MemberStudyRecorded>(payload, JsonSerializerOptions.Web)!)
            .Where(e => e.AggregateId == id).ShouldHaveSingleItem();
        recordedEvent.AggregateVersion.ShouldBe(1);
        recordedEvent.PersonId.ShouldBe(await fixture.PersonIdAsync("member"));
        recordedEvent.StudiedOn.ShouldBe(today);

        using var future = await member.PostAsJsonAsync("/api/study/notes", new { materialTitle = "明天的学习", studiedOn = today.AddDays(1), reflections = "提前写" }, Cancel);
        future.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var nothing = await member.PostAsJsonAsync("/api/study/notes", new { studiedOn = today, reflections = "没写学了什么" }, Cancel);
        nothing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await member.AllItemsAsync("/api/study/notes/mine", Cancel)).Select(n => n.GetProperty("id").GetGuid()).ShouldContain(id);
        using var secretary = await fixture.ClientAsync("secretary");
        (await secretary.AllItemsAsync("/api/study/notes/mine", Cancel)).Select(n => n.GetProperty("id").GetGuid()).ShouldNotContain(id);
        var branch = fixture.Units["第一党支部"];
        (await secretary.AllItemsAsync($"/api/study/branches/{branch}/notes?from={today.AddDays(-7):yyyy-MM-dd}&to={today:yyyy-MM-dd}", Cancel))
            .Select(n => n.GetProperty("id").GetGuid()).ShouldContain(id);
        (await secretary.AllItemsAsync($"/api/study/branches/{branch}/notes?to={today.AddDays(-1):yyyy-MM-dd}", Cancel))
            .Select(n => n.GetProperty("id").GetGuid()).ShouldNotContain(id);
        using var officer = await fixture.ClientAsync("officer");
        var otherKeeper = await SendAsync(officer, HttpMethod.Get, $"/api/study/branches/{branch}/notes", HttpStatusCode.Forbidden);
        ProblemLanguage.ShouldSpeakChinese(otherKeeper);
        (await office.GetAsync($"/api/study/branches/{branch}/notes", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync($"/api/study/branches/{branch}/notes", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var english = new HttpRequestMessage(HttpMethod.Get, $"/api/study/branches/{branch}/notes");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var inEnglish = await officer.SendAsync(english, Cancel);
        ProblemLanguage.ShouldSpeakEnglish(await inEnglish.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    private static object Body(string title, params string[] tags) => new
    {
        title, kind = "speech", source = "新华社", link = "https://www.example.gov.cn/a", publishedOn = "2026-11-20", tags, summary = "要点摘要",
    };

    private static async Task<JsonElement> AddAsync(HttpClient office, string title, params string[] tags)
    {
        using var response = await office.PostAsJsonAsync("/api/study/materials", Body(title, tags), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<JsonElement> FollowUpAsync(HttpClient client, Guid material) =>
        SendAsync(client, HttpMethod.Get, $"/api/study/materials/{material}/follow-up", HttpStatusCode.OK);

    private static JsonElement Line(JsonElement followUp, string unitName) =>
        followUp.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == unitName);

    private static JsonElement Meeting(JsonElement firstAgendaItem) =>
        firstAgendaItem.GetProperty("leadershipMeetings").EnumerateArray().Single(u => u.GetProperty("unitName").GetString() == "部务会");

    private Task<Guid> ScheduleTrainingAsync(Guid series, string topic, DateTimeOffset start, params ExternalSpeaker[] speakers) =>
        fixture.Service.QueryAsync(async db =>
        {
            var organiser = await db.Units.SingleAsync(u => u.Id == fixture.Units["办公室"], Cancel);
            var session = StudyActivity.Schedule(ActivityKind.Training, organiser, null, topic, [], start, start.AddHours(2), "机关三楼报告厅",
                new ActivityAudience(AudienceKind.WholeOrgan, null, [], null), speakers, series, "test", fixture.Clock.Now);
            db.Activities.Add(session);
            await db.SaveChangesAsync(Cancel);
            return session.Id;
        });
}
