using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

using static BrandPlatform.IntegrationTests.Study.StudyRecords;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>A study service of its own (its own database, so the office's lists hold only these records) and the demo people.</summary>
public sealed class ComplianceFixture(TestServers servers) : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<StudyDbContext> Service { get; private set; } = null!;
    public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", identityBackchannel: Identity.Backchannel());
        Units = await TicketUnits.CopyDirectoryAsync(Identity, Service);
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Service, person);

    public Task<DirectoryUnit> UnitAsync(string name) => Service.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == Units[name]));

    public Task<int> AddAsync(params object[] records) => Service.QueryAsync(db =>
    {
        db.AddRange(records);
        return db.SaveChangesAsync();
    });

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>
/// The compliance endpoints over HTTP against real PostgreSQL: 三会一课 cadence with the missing meeting named, quarter
/// plans filed and corrected, rectification items to closure, 学习教育全覆盖 after a move, talks for the keepers only.
/// </summary>
public sealed class ComplianceTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The done-when, literally (with the real 2026 holiday calendar; run on or after 1 December 2026).</summary>
    [Fact]
    public async Task A_branch_that_held_no_committee_meeting_last_month_is_listed_as_non_compliant_with_the_meeting_named_and_a_plan_filed_on_the_6th_and_a_record_filed_4_working_days_late_are_flagged()
    {
        var branch = await fixture.UnitAsync("第一党支部");
        // Committee meetings in October and December, none in November. The themed party day on 1 October (National Day)
        // has its record filed on Monday 12 October: the working days after it are 8, 9, 10 (a make-up Saturday) and 12.
        var partyDay = Held(branch, ActivityKind.ThemedPartyDay, China(2026, 10, 1), China(2026, 10, 12), topic: "国庆主题党日");
        await fixture.AddAsync(
            Held(branch, ActivityKind.BranchCommittee, China(2026, 10, 9)),
            Held(branch, ActivityKind.BranchCommittee, China(2026, 12, 1, 9)),
            partyDay,
            QuarterPlan.File(branch.Id, 2026, 4, [new PlanItem(ActivityKind.BranchCommittee, 10, "研究部署第四季度工作")], 5, "secretary", China(2026, 10, 6)));

        using var secretary = await fixture.ClientAsync("secretary");
        var compliance = await secretary.GetFromJsonAsync<JsonElement>($"/api/study/branches/{branch.Id}/compliance?year=2026&quarter=4", Cancel);

        compliance.GetProperty("compliant").GetBoolean().ShouldBeFalse();
        var findings = Texts(compliance.GetProperty("findings"));
        findings.ShouldContain("2026年11月 支委会未召开（第一党支部）", string.Join("\n", findings));
        Requirement(compliance, "branchCommittee", "2026-11").GetProperty("status").GetString().ShouldBe("missing");
        Requirement(compliance, "branchCommittee", "2026-10").GetProperty("status").GetString().ShouldBe("met");
        compliance.GetProperty("plan").GetProperty("status").GetString().ShouldBe("late");
        findings.ShouldContain(f => f.StartsWith("2026年第4季度 季度计划逾期报送（2026-10-06报送，应于2026-10-05前报送）"));
        var late = compliance.GetProperty("lateRecords").EnumerateArray().ShouldHaveSingleItem();
        (late.GetProperty("activityId").GetGuid(), late.GetProperty("recordDue").GetString()).ShouldBe((partyDay.Id, "2026-10-10"));
        findings.ShouldContain(f => f.StartsWith("2026-10-01 主题党日「国庆主题党日」记录逾期录入（2026-10-12录入"));

        using var office = await fixture.ClientAsync("office");
        var overview = await office.GetFromJsonAsync<JsonElement>("/api/study/compliance?year=2026&quarter=4", Cancel);
        var units = overview.GetProperty("units").EnumerateArray().ToList();
        var listed = units.Single(u => u.GetProperty("unitId").GetGuid() == branch.Id);
        listed.GetProperty("compliant").GetBoolean().ShouldBeFalse();
        Texts(listed.GetProperty("findings")).ShouldContain("2026年11月 支委会未召开（第一党支部）");
        units.Select(u => u.GetProperty("compliant").GetBoolean()).ShouldBe(units.Select(u => u.GetProperty("compliant").GetBoolean()).Order(), "non-compliant first");
        units.ShouldContain(u => u.GetProperty("unitKind").GetString() == "leadershipTeam");

        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/study/branches/{branch.Id}/compliance?year=2026&quarter=4");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var answer = await secretary.SendAsync(english, Cancel);
        Texts((await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("findings"))
            .ShouldContain("No branch committee meeting held in 2026-11 (第一党支部)");

        using var officer = await fixture.ClientAsync("officer");
        using var refused = await officer.GetAsync($"/api/study/branches/{branch.Id}/compliance?year=2026&quarter=4", Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ProblemLanguage.ShouldSpeakChinese(await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel));
        (await office.GetAsync($"/api/study/branches/{branch.Id}/compliance?year=2026&quarter=5", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_keeper_files_a_quarter_plan_once_corrects_it_with_If_Match_and_another_branch_s_secretary_is_refused()
    {
        var branch = fixture.Units["第二党支部"];
        using var officer = await fixture.ClientAsync("officer");
        var items = new[] { new { kind = "branchCommittee", month = 1, topic = "研究部署第一季度工作" } };

        using var filed = await officer.PostAsJsonAsync($"/api/study/branches/{branch}/plans", new { year = 2027, quarter = 1, items }, Cancel);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync(Cancel));
        var plan = await filed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        (plan.GetProperty("status").GetString(), plan.GetProperty("dueOn").GetString(), filed.Headers.ETag!.Tag).ShouldBe(("onTime", "2027-01-05", "\"1\""));

        using var again = await officer.PostAsJsonAsync($"/api/study/branches/{branch}/plans", new { year = 2027, quarter = 1, items }, Cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        ProblemLanguage.ShouldSpeakChinese(await again.Content.ReadFromJsonAsync<JsonElement>(Cancel));

        var corrected = new { items = new[] { new { kind = "partyLesson", month = 2, topic = "书记讲党课" } } };
        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/study/branches/{branch}/plans/2027/1") { Content = JsonContent.Create(corrected) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        (await officer.SendAsync(stale, Cancel)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/study/branches/{branch}/plans/2027/1") { Content = JsonContent.Create(corrected) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var ok = await officer.SendAsync(put, Cancel);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync(Cancel));
        var after = await ok.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        after.GetProperty("version").GetInt32().ShouldBe(2);
        // The first answer has the clock's ticks, the stored one PostgreSQL's microseconds.
        (after.GetProperty("filedAt").GetDateTimeOffset() - plan.GetProperty("filedAt").GetDateTimeOffset()).Duration().ShouldBeLessThan(TimeSpan.FromMilliseconds(1));

        using var outside = await officer.PostAsJsonAsync($"/api/study/branches/{branch}/plans",
            new { year = 2027, quarter = 2, items = new[] { new { kind = "branchCommittee", month = 1, topic = "一月" } } }, Cancel);
        outside.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var list = await officer.AllItemsAsync($"/api/study/branches/{branch}/plans?year=2027", Cancel);
        list.ShouldHaveSingleItem().GetProperty("items")[0].GetProperty("kind").GetString().ShouldBe("partyLesson");
        using var secretary = await fixture.ClientAsync("secretary");
        (await secretary.PostAsJsonAsync($"/api/study/branches/{branch}/plans", new { year = 2027, quarter = 2, items }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Service.QueryAsync(db => db.QuarterPlans.CountAsync(p => p.BranchId == branch))).ShouldBe(1);
    }

    [Fact]
    public async Task Rectification_items_of_a_held_life_meeting_are_tracked_to_closure_and_overdue_ones_are_findings()
    {
        var branch = await fixture.UnitAsync("第二党支部");
        var now = DateTimeOffset.UtcNow;
        var meeting = Held(branch, ActivityKind.OrganisationalLifeMeeting, now.AddDays(-30), now.AddDays(-29), topic: "年度组织生活会");
        var planned = Planned(branch, ActivityKind.OrganisationalLifeMeeting, now.AddDays(10));
        var lesson = Held(branch, ActivityKind.PartyLesson, now.AddDays(-3));
        await fixture.AddAsync(meeting, planned, lesson);
        using var officer = await fixture.ClientAsync("officer");
        var yesterday = DateOnly.FromDateTime(now.AddHours(8).AddDays(-1).DateTime);

        using var created = await officer.PostAsJsonAsync($"/api/study/activities/{meeting.Id}/rectifications",
            new { description = "理论学习与业务结合不紧", ownerName = "李明", dueOn = yesterday }, Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Cancel));
        var item = await created.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        (item.GetProperty("open").GetBoolean(), item.GetProperty("overdue").GetBoolean()).ShouldBe((true, true));
        var itemId = item.GetProperty("id").GetGuid();

        (await officer.PostAsJsonAsync($"/api/study/activities/{planned.Id}/rectifications", new { description = "x", ownerName = "y", dueOn = yesterday }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await officer.PostAsJsonAsync($"/api/study/activities/{lesson.Id}/rectifications", new { description = "x", ownerName = "y", dueOn = yesterday }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var secretary = await fixture.ClientAsync("secretary");
        (await secretary.PostAsJsonAsync($"/api/study/activities/{meeting.Id}/rectifications", new { description = "x", ownerName = "y", dueOn = yesterday }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var compliance = await officer.GetFromJsonAsync<JsonElement>($"/api/study/branches/{branch.Id}/compliance", Cancel);
        compliance.GetProperty("overdueRectifications").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(itemId);
        Texts(compliance.GetProperty("findings")).ShouldContain(f => f.StartsWith("整改事项「理论学习与业务结合不紧」逾期未销号"));
        (await officer.AllItemsAsync($"/api/study/rectifications?open=true&unitId={branch.Id}", Cancel)).Select(r => r.GetProperty("id").GetGuid()).ShouldContain(itemId);
        (await secretary.AllItemsAsync("/api/study/rectifications", Cancel)).ShouldNotContain(r => r.GetProperty("id").GetGuid() == itemId);

        using var closed = await officer.PostAsJsonAsync($"/api/study/activities/{meeting.Id}/rectifications/{itemId}/close", new { note = "已制定学习与业务研讨计划" }, Cancel);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync(Cancel));
        (await officer.PostAsJsonAsync($"/api/study/activities/{meeting.Id}/rectifications/{itemId}/close", new { note = "再次" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await officer.AllItemsAsync("/api/study/rectifications?open=true", Cancel)).ShouldNotContain(r => r.GetProperty("id").GetGuid() == itemId);
        (await officer.GetFromJsonAsync<JsonElement>($"/api/study/branches/{branch.Id}/compliance", Cancel))
            .GetProperty("overdueRectifications").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_member_who_moved_branch_mid_quarter_is_covered_once_in_the_new_branch_and_talks_are_for_the_keepers_only()
    {
        var committee = (await fixture.UnitAsync("第一党支部")).ParentId;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (from, to) = (new DirectoryUnit(Guid.NewGuid(), UnitKinds.Branch, "调出支部" + suffix, committee), new DirectoryUnit(Guid.NewGuid(), UnitKinds.Branch, "调入支部" + suffix, committee));
        var (mover, stayer, absent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var left = UnitMember.FromJoin(mover, from.Id, UnitKinds.Branch, "调动者", new DateOnly(2020, 1, 1));
        left.Leave(new DateOnly(2026, 11, 15));
        await fixture.AddAsync(from, to, left,
            UnitMember.FromJoin(mover, to.Id, UnitKinds.Branch, "调动者", new DateOnly(2026, 11, 15)),
            UnitMember.FromJoin(stayer, from.Id, UnitKinds.Branch, "留任者", new DateOnly(2020, 1, 1)),
            UnitMember.FromJoin(absent, from.Id, UnitKinds.Branch, "缺席者", new DateOnly(2020, 1, 1)),
            Held(from, ActivityKind.PartyLesson, China(2026, 10, 20), present: [mover, stayer]),
            Held(from, ActivityKind.BranchCommittee, China(2026, 10, 21), present: [absent]));
        using var office = await fixture.ClientAsync("office");

        var old = await office.GetFromJsonAsync<JsonElement>($"/api/study/branches/{from.Id}/coverage?from=2026-10-01&to=2026-12-31", Cancel);
        (old.GetProperty("members").GetInt32(), old.GetProperty("covered").GetInt32()).ShouldBe((2, 1));
        old.GetProperty("notCovered").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()).ShouldBe([absent]);
        var @new = await office.GetFromJsonAsync<JsonElement>($"/api/study/branches/{to.Id}/coverage?from=2026-10-01&to=2026-12-31", Cancel);
        (@new.GetProperty("members").GetInt32(), @new.GetProperty("covered").GetInt32()).ShouldBe((1, 1));
        var figures = (await office.GetFromJsonAsync<JsonElement>("/api/study/coverage?from=2026-10-01&to=2026-12-31", Cancel)).GetProperty("branches")
            .EnumerateArray().ToDictionary(b => b.GetProperty("branchId").GetGuid(), b => (b.GetProperty("members").GetInt32(), b.GetProperty("covered").GetInt32()));
        (figures[from.Id], figures[to.Id]).ShouldBe(((2, 1), (1, 1)));
        using var secretary = await fixture.ClientAsync("secretary");
        (await secretary.GetAsync($"/api/study/branches/{from.Id}/coverage", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await office.GetAsync($"/api/study/branches/{from.Id}/coverage?from=2026-12-31&to=2026-10-01", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Talks: 第二党支部's keepers see whom they have not talked with; the office does not (private to the pair and the secretary).
        var branch = await fixture.UnitAsync("第二党支部");
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.AddAsync(
            UnitMember.FromJoin(a, branch.Id, UnitKinds.Branch, "谈话甲", new DateOnly(2020, 1, 1)),
            UnitMember.FromJoin(b, branch.Id, UnitKinds.Branch, "谈话乙", new DateOnly(2020, 1, 1)),
            UnitMember.FromJoin(c, branch.Id, UnitKinds.Branch, "谈话丙", new DateOnly(2020, 1, 1)),
            Held(branch, ActivityKind.HeartToHeartTalk, China(2026, 3, 3), pair: [a, b]));
        using var officer = await fixture.ClientAsync("officer");
        var talks = await officer.GetFromJsonAsync<JsonElement>($"/api/study/branches/{branch.Id}/talks/coverage?year=2026", Cancel);
        var notYet = talks.GetProperty("notYetTalkedWith").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()).ToList();
        notYet.ShouldContain(c);
        notYet.ShouldNotContain(a);
        notYet.ShouldNotContain(b);
        (talks.GetProperty("members").GetInt32() - talks.GetProperty("talkedWith").GetInt32()).ShouldBe(notYet.Count);
        (await office.GetAsync($"/api/study/branches/{branch.Id}/talks/coverage?year=2026", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var counted = (await office.GetFromJsonAsync<JsonElement>($"/api/study/branches/{branch.Id}/compliance?year=2026&quarter=4", Cancel)).GetProperty("talks");
        counted.GetProperty("talkedWith").GetInt32().ShouldBe(talks.GetProperty("talkedWith").GetInt32());
    }

    private static List<string> Texts(JsonElement findings) => [.. findings.EnumerateArray().Select(f => f.GetProperty("text").GetString()!)];

    private static JsonElement Requirement(JsonElement compliance, string kind, string period) => compliance.GetProperty("requirements").EnumerateArray()
        .Single(r => r.GetProperty("kind").GetString() == kind && r.GetProperty("period").GetString() == period);
}
