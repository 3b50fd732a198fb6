using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// A first quarter (2025, long ended) of two branches, published as study's events into a reporting of its own: the
/// coverage, 三会一课 compliance, record timeliness, 第一议题 follow-up and the weighted scorecard against a hand count.
/// </summary>
public sealed class StudyProgrammeTests(StudyProgrammeFixture fixture) : IClassFixture<StudyProgrammeFixture>
{
    private const string Q1 = "year=2025&quarter=1";
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coverage_counts_each_member_once_in_the_branch_of_their_latest_stint()
    {
        var quarter = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/reporting/study/coverage?{Q1}", Cancel);
        Rows(quarter).Select(r => (r.GetProperty("unitId").GetGuid(), r.GetProperty("members").GetInt32(), r.GetProperty("covered").GetInt32()))
            .ShouldBe([(fixture.BranchA.Id, 2, 2), (fixture.BranchB.Id, 3, 1)],
                "一: both present somewhere; 二: the mover studied there, the talk and the committee meeting do not count");
        Row(quarter, fixture.BranchB.Id).GetProperty("rate").GetDouble().ShouldBe(0.3333);

        var months = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/reporting/study/coverage?{Q1}&groupBy=month", Cancel);
        months.GetProperty("groupBy").GetString().ShouldBe("month");
        var january = Rows(months).Where(r => r.GetProperty("period").GetString() == "2025-01").ToList();
        january.Select(r => (r.GetProperty("unitId").GetGuid(), r.GetProperty("members").GetInt32(), r.GetProperty("covered").GetInt32()))
            .ShouldBe([(fixture.BranchA.Id, 3, 2), (fixture.BranchB.Id, 2, 0)], "in January the mover was still 一's");
        Rows(months).Select(r => r.GetProperty("period").GetString()).Distinct().ShouldBe(["2025-01", "2025-02", "2025-03"]);
    }

    [Fact]
    public async Task Compliance_counts_required_held_and_met_meetings_and_records_on_time_and_late()
    {
        var answer = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/reporting/study/compliance?{Q1}", Cancel);
        var a = Row(answer, fixture.BranchA.Id);
        // Assembly 1/1, lesson 1/1, committee 2 of 3 months, group meeting 1 of 3, themed day 2 of 3, the year's life meeting 0 of 1.
        Totals(a).ShouldBe((12, 7, 7, 5, 0));
        (a.GetProperty("recordsOnTime").GetInt32(), a.GetProperty("recordsLate").GetInt32()).ShouldBe((6, 1), "the group's meeting counts for its branch");
        var groupMeetings = a.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "groupMeeting");
        (groupMeetings.GetProperty("required").GetInt32(), groupMeetings.GetProperty("held").GetInt32(), groupMeetings.GetProperty("missing").GetInt32())
            .ShouldBe((3, 1, 2));

        var b = Row(answer, fixture.BranchB.Id);
        Totals(b).ShouldBe((9, 0, 0, 9, 0), "no party group: no group meetings required");
        (b.GetProperty("recordsOnTime").GetInt32(), b.GetProperty("recordsLate").GetInt32()).ShouldBe((0, 1), "a private talk's record is not judged");

        var current = await fixture.Client.GetFromJsonAsync<JsonElement>(
            $"/api/reporting/study/compliance?from={DateTime.UtcNow.Year + 1}-01-01&to={DateTime.UtcNow.Year + 1}-03-31", Cancel);
        var ahead = Row(current, fixture.BranchB.Id);
        (ahead.GetProperty("missing").GetInt32(), ahead.GetProperty("pending").GetInt32()).ShouldBe((0, 9), "only periods that have ended count as missing");
    }

    [Fact]
    public async Task First_agenda_follow_up_shows_who_studied_a_designated_material_within_the_allowed_days()
    {
        var answer = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/reporting/study/first-agenda?{Q1}", Cancel);
        var material = answer.GetProperty("materials").EnumerateArray().ShouldHaveSingleItem();
        material.GetProperty("materialId").GetGuid().ShouldBe(fixture.Material);
        (material.GetProperty("designatedOn").GetString(), material.GetProperty("firstAgendaItemDue").GetString()).ShouldBe(("2025-01-02", "2025-01-09"));
        var branches = material.GetProperty("branches");
        (branches.GetProperty("studied").GetInt32(), branches.GetProperty("late").GetInt32(), branches.GetProperty("overdue").GetInt32())
            .ShouldBe((1, 1, 0));
        material.GetProperty("units").EnumerateArray()
            .Select(u => (u.GetProperty("unitId").GetGuid(), u.GetProperty("status").GetString(), u.GetProperty("studiedOn").GetString()))
            .ShouldBe([(fixture.Leadership.Id, "studied", "2025-01-06"), (fixture.BranchA.Id, "studied", "2025-01-10"), (fixture.BranchB.Id, "late", "2025-03-10")]);

        var later = await fixture.Client.GetFromJsonAsync<JsonElement>("/api/reporting/study/first-agenda?year=2025&quarter=2", Cancel);
        later.GetProperty("materials").GetArrayLength().ShouldBe(0, "designated in another quarter");
    }

    [Fact]
    public async Task The_scorecard_weighs_every_area_s_measures_leaves_out_a_zero_weight_and_orders_units_by_name()
    {
        var answer = await fixture.Client.GetFromJsonAsync<JsonElement>($"/api/reporting/scorecard?{Q1}", Cancel);
        var weights = answer.GetProperty("weights");
        (weights.GetProperty("cadenceCompliance").GetDouble(), weights.GetProperty("recordTimeliness").GetDouble(),
            weights.GetProperty("studyCoverage").GetDouble(), weights.GetProperty("ticketsOnTime").GetDouble()).ShouldBe((2, 0, 1, 1));
        var rows = answer.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("unitName").GetString()).ShouldBe(
            [.. new[] { fixture.BranchA.Name, fixture.BranchB.Name, fixture.TaskForce.Name }.Order(StringComparer.Ordinal)]);

        var a = Row(answer, fixture.BranchA.Id);
        Measures(a).ShouldBe([("cadenceCompliance", 7, 12), ("materialFollowUp", 1, 1), ("studyCoverage", 2, 2), ("ticketsOnTime", 3, 4)],
            "record timeliness weighs 0: left out");
        // (2 × 0.5833 + 1 + 1 + 0.75) ÷ (2 + 1 + 1 + 1)
        a.GetProperty("score").GetDouble().ShouldBe(0.7833);
        // (2 × 0 + 0 + 0.3333) ÷ 4
        Row(answer, fixture.BranchB.Id).GetProperty("score").GetDouble().ShouldBe(0.0833, 0.0001);
        Row(answer, fixture.TaskForce.Id).GetProperty("score").GetDouble().ShouldBe(0.5, "a task force has only the tickets measure");
        answer.GetRawText().ShouldNotContain(fixture.Mover.ToString(), Case.Insensitive, "no individual appears");
    }

    [Theory]
    [InlineData("/api/reporting/study/coverage?groupBy=person", "groupBy")]
    [InlineData("/api/reporting/study/compliance?year=2025&quarter=5", "quarter")]
    [InlineData("/api/reporting/study/first-agenda?quarter=1", "quarter")]
    [InlineData("/api/reporting/scorecard?year=2025&from=2025-01-01", "year")]
    [InlineData("/api/reporting/scorecard?year=1", "year")]
    [InlineData("/api/reporting/study/coverage?from=2000-01-01&to=2025-01-01", "to")]
    [InlineData("/api/reporting/study/compliance?from=2025-02-01&to=2025-01-01", "to")]
    public async Task A_bad_period_or_grouping_is_a_400_naming_the_field(string path, string field)
    {
        var response = await fixture.Client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static IEnumerable<JsonElement> Rows(JsonElement answer) => answer.GetProperty("rows").EnumerateArray();

    private static JsonElement Row(JsonElement answer, Guid unit) => Rows(answer).Single(r => r.GetProperty("unitId").GetGuid() == unit);

    private static (int, int, int, int, int) Totals(JsonElement row) => (row.GetProperty("required").GetInt32(), row.GetProperty("held").GetInt32(),
        row.GetProperty("met").GetInt32(), row.GetProperty("missing").GetInt32(), row.GetProperty("pending").GetInt32());

    private static IEnumerable<(string?, int, int)> Measures(JsonElement row) => row.GetProperty("measures").EnumerateArray()
        .Select(m => (m.GetProperty("measure").GetString(), m.GetProperty("part").GetInt32(), m.GetProperty("whole").GetInt32()));
}

/// <summary>
/// Reporting with record timeliness weighed 0 and cadence compliance 2, and a stand-in tickets area (the tickets
/// helper's measures are not here yet); the quarter's units, rosters and study events, published once.
/// </summary>
public sealed class StudyProgrammeFixture(TestServers servers) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public ServiceFactory<ReportingDbContext> Service { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public DirectoryUnit BranchA { get; } = new(Guid.CreateVersion7(), UnitKinds.Branch, "测试第一支部", null);
    public DirectoryUnit BranchB { get; } = new(Guid.CreateVersion7(), UnitKinds.Branch, "测试第二支部", null);
    public DirectoryUnit TaskForce { get; } = new(Guid.CreateVersion7(), UnitKinds.TaskForce, "测试招商专班", null);
    public DirectoryUnit Leadership { get; } = new(Guid.CreateVersion7(), UnitKinds.LeadershipTeam, "测试部务会", null);
    public Guid Material { get; } = Guid.CreateVersion7();
    /// <summary>Moved from the first branch to the second on 1 March.</summary>
    public Guid Mover { get; } = Guid.CreateVersion7();

    public async ValueTask InitializeAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        var identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb",
            new Dictionary<string, string?>
            {
                ["Reporting:Scorecard:Weights:recordTimeliness"] = "0",
                ["Reporting:Scorecard:Weights:cadenceCompliance"] = "2",
            },
            identity.Backchannel(), services => services.AddScoped<IScorecardMeasures>(_ => new TicketsStandIn(BranchA.Id, TaskForce.Id)));
        await Service.WaitUntilHealthyAsync(cancel);
        Client = await identity.ClientForPersonAsync(Service, "office");

        var group = new DirectoryUnit(Guid.CreateVersion7(), UnitKinds.PartyGroup, "测试第一支部第一党小组", BranchA.Id);
        Guid p1 = Guid.CreateVersion7(), p2 = Guid.CreateVersion7(), p4 = Guid.CreateVersion7(), p5 = Guid.CreateVersion7();
        var joined = new DateOnly(2024, 1, 1);
        var moved = new DateOnly(2025, 3, 1);
        var moverInA = UnitMember.FromJoin(Mover, BranchA.Id, UnitKinds.Branch, "调动者", joined);
        moverInA.Leave(moved);
        await Service.QueryAsync(db =>
        {
            db.Units.AddRange(BranchA, BranchB, TaskForce, Leadership, group);
            db.UnitMembers.AddRange(
                UnitMember.FromJoin(p1, BranchA.Id, UnitKinds.Branch, "党员一", joined), UnitMember.FromJoin(p2, BranchA.Id, UnitKinds.Branch, "党员二", joined),
                moverInA, UnitMember.FromJoin(Mover, BranchB.Id, UnitKinds.Branch, "调动者", moved),
                UnitMember.FromJoin(p4, BranchB.Id, UnitKinds.Branch, "党员四", joined), UnitMember.FromJoin(p5, BranchB.Id, UnitKinds.Branch, "党员五", joined));
            return db.SaveChangesAsync(cancel);
        });

        var bus = Service.Services.GetRequiredService<IBus>();
        var designatedAt = At(1, 2);
        var designated = new StudyMaterialDesignated
        {
            OccurredAt = designatedAt, AggregateId = Material, AggregateVersion = 1, MaterialId = Material, Title = "重要讲话", DesignatedAt = designatedAt,
            FirstAgendaItemDue = new DateOnly(2025, 1, 9), BranchFollowUpDue = new DateOnly(2025, 2, 1),
        };
        StudyActivityHeld[] held =
        [
            Held("firstAgendaItem", Leadership.Id, At(1, 6), [], late: false, studies: true),
            Held("branchAssembly", BranchA.Id, At(1, 10), [p1], late: false, studies: true),
            Held("partyLesson", BranchA.Id, At(2, 12), [p2], late: true),
            Held("branchCommittee", BranchA.Id, At(1, 8), [p1, p2, Mover], late: false),
            Held("branchCommittee", BranchA.Id, At(2, 5), [p1], late: false),
            Held("groupMeeting", group.Id, At(1, 15), [p2], late: false),
            Held("themedPartyDay", BranchA.Id, At(1, 20), [], late: false),
            Held("themedPartyDay", BranchA.Id, At(3, 20), [], late: false),
            Held("heartToHeartTalk", BranchB.Id, At(3, 5), [p4, p5], late: false),
            Held("branchStudy", BranchB.Id, At(3, 10), [Mover], late: true, studies: true),
        ];
        await bus.Publish(designated, context => context.MessageId = designated.EventId, cancel);
        foreach (var e in held)
        {
            await bus.Publish(e, context => context.MessageId = e.EventId, cancel);
        }
        await Eventually.ReturnsAsync(
            () => Service.QueryAsync(async db => (await db.StudyActivities.CountAsync(cancel), await db.DesignatedMaterials.CountAsync(cancel))),
            counts => counts == (held.Length, 1), Timeout, "reporting to have applied the quarter's events", cancel);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }

    /// <summary>10:00 in China on a day of 2025.</summary>
    private static DateTimeOffset At(int month, int day) => ChinaCalendar.At(new DateOnly(2025, month, day), new TimeOnly(10, 0));

    private StudyActivityHeld Held(string kind, Guid organiser, DateTimeOffset at, Guid[] present, bool late, bool studies = false)
    {
        var id = Guid.CreateVersion7();
        return new StudyActivityHeld
        {
            OccurredAt = at.AddDays(1), AggregateId = id, AggregateVersion = 1, ActivityId = id, Kind = kind, OrganiserUnitId = organiser,
            Topic = "学习", MaterialIds = studies ? [Material] : [], PlannedStart = at, PlannedEnd = at.AddHours(2), State = "held",
            HeldAt = at, DurationMinutes = 90, AttendeeIds = present, RecordedAt = at.AddDays(late ? 10 : 1), RecordedLate = late,
        };
    }

    /// <summary>The tickets area's place in the scorecard: on-time tickets of a task force, and of a branch to show areas add up.</summary>
    private sealed class TicketsStandIn(Guid branch, Guid taskForce) : IScorecardMeasures
    {
        public IReadOnlyList<string> Measures { get; } = [ScorecardMeasureCodes.TicketsOnTime];

        public Task<IReadOnlyList<UnitMeasure>> MeasureAsync(ChinaPeriod period, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UnitMeasure>>(
            [
                new(ScorecardMeasureCodes.TicketsOnTime, branch, 3, 4),
                new(ScorecardMeasureCodes.TicketsOnTime, taskForce, 1, 2),
            ]);
    }
}
