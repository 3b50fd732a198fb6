using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Reporting's ticket figures per unit, category, chamber, month and quarter, counted by hand from the events the test
/// publishes; a government system counts only the tickets it filed; the tickets area's scorecard measure.
/// </summary>
public sealed class TicketFigureGroupsTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private const string OtherSystem = "gov-other-client";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Four tickets in the first half of one year (the fixture's database is this class's alone; each test its own year):
    /// financing led by unit A in chamber C, January, on time, filed by the demo system; financing led by A in C,
    /// February, resolved late, filed by another system; land led by B in chamber D, April, filed by a person; land not
    /// yet assigned, no chamber, April, filed by the demo system.
    /// </summary>
    private async Task<World> PublishWorldAsync(int year)
    {
        var world = new World(year, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            "招商服务专班" + year, "青年企业家商会" + year, "女企业家商会" + year);
        await fixture.Bus.Publish(new OrganisationUnitCreated
        {
            AggregateId = world.UnitA, AggregateVersion = 1, OccurredAt = DateTimeOffset.UtcNow,
            UnitId = world.UnitA, Kind = "taskForce", Name = world.UnitAName, ValidFrom = new DateOnly(2020, 1, 1),
        }, Cancel);
        TicketEvent[][] tickets =
        [
            Ticket(On(year, 1, 15), "financing", world.UnitA, (world.ChamberC, world.ChamberCName), IdentityHost.DemoClientId, resolvedLate: false),
            Ticket(On(year, 2, 10), "financing", world.UnitA, (world.ChamberC, world.ChamberCName), OtherSystem, resolvedLate: true),
            Ticket(On(year, 4, 2), "land", world.UnitB, (world.ChamberD, world.ChamberDName), null, resolvedLate: null),
            Ticket(On(year, 4, 20), "land", null, null, IdentityHost.DemoClientId, resolvedLate: null),
        ];
        foreach (var e in tickets.SelectMany(t => t))
        {
            await fixture.Bus.Publish(e, e.GetType(), Cancel);
        }
        await Eventually.ReturnsAsync(() => fixture.Client.GetFromJsonAsync<JsonElement>(world.Path("unit"), Cancel),
            f => f.GetProperty("total").GetProperty("volume").GetInt32() == 4 && f.GetProperty("total").GetProperty("resolved").GetInt32() == 2
                && Counts(f).GetValueOrDefault(world.UnitA.ToString()).Label == world.UnitAName && Counts(f).ContainsKey(world.UnitB.ToString()),
            // Events of different tickets interleave on the queue: the last of each ticket's (B's assignment too) must be in.
            Timeout, "reporting to have every ticket's events and the unit", Cancel);
        return world;
    }

    [Fact]
    public async Task Figures_per_unit_category_chamber_month_and_quarter_match_the_hand_count()
    {
        var world = await PublishWorldAsync(2026);

        var byUnit = await fixture.Client.GetFromJsonAsync<JsonElement>(world.Path("unit"), Cancel);
        byUnit.GetProperty("groupBy").GetString().ShouldBe("unit");
        Counts(byUnit).ShouldBe(new Dictionary<string, (string, int)>
        {
            [world.UnitA.ToString()] = (world.UnitAName, 2), [world.UnitB.ToString()] = (world.UnitB.ToString(), 1), ["none"] = ("未交办", 1),
        }, ignoreOrder: true);
        var unitA = Group(byUnit, world.UnitA.ToString()).GetProperty("figures");
        (unitA.GetProperty("resolved").GetInt32(), unitA.GetProperty("resolvedOnTimeRate").GetDouble()).ShouldBe((2, 0.5));

        Counts(await fixture.Client.GetFromJsonAsync<JsonElement>(world.Path("category"), Cancel)).ShouldBe(new Dictionary<string, (string, int)>
        {
            ["financing"] = ("融资需求", 2), ["land"] = ("用地保障", 2),
        }, ignoreOrder: true);
        Counts(await fixture.Client.GetFromJsonAsync<JsonElement>(world.Path("chamber"), Cancel)).ShouldBe(new Dictionary<string, (string, int)>
        {
            [world.ChamberC.ToString()] = (world.ChamberCName, 2), [world.ChamberD.ToString()] = (world.ChamberDName, 1), ["none"] = ("未加入商会", 1),
        }, ignoreOrder: true);
        Counts(await fixture.Client.GetFromJsonAsync<JsonElement>(world.Path("month"), Cancel)).ShouldBe(new Dictionary<string, (string, int)>
        {
            ["2026-01"] = ("2026年1月", 1), ["2026-02"] = ("2026年2月", 1), ["2026-04"] = ("2026年4月", 2),
        }, ignoreOrder: true);
        Counts(await fixture.Client.GetFromJsonAsync<JsonElement>(world.Path("quarter"), Cancel)).ShouldBe(new Dictionary<string, (string, int)>
        {
            ["2026-Q1"] = ("2026年第1季度", 2), ["2026-Q2"] = ("2026年第2季度", 2),
        }, ignoreOrder: true);

        // Filters narrow before grouping; no groupBy gives the total alone.
        var landOfD = await fixture.Client.GetFromJsonAsync<JsonElement>($"{world.Path()}&category=land&chamberId={world.ChamberD}", Cancel);
        landOfD.GetProperty("total").GetProperty("volume").GetInt32().ShouldBe(1);
        landOfD.GetProperty("groups").GetArrayLength().ShouldBe(0);
        (await fixture.Client.GetFromJsonAsync<JsonElement>($"{world.Path()}&unitId={world.UnitA}", Cancel))
            .GetProperty("total").GetProperty("volume").GetInt32().ShouldBe(2);

        using var weekday = await fixture.Client.GetAsync($"{world.Path()}&groupBy=weekday", Cancel);
        weekday.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weekday.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("groupBy", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_system_counts_only_the_tickets_it_filed()
    {
        var world = await PublishWorldAsync(2027);
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "reporting.read");

        var mine = await system.GetFromJsonAsync<JsonElement>(world.Path("unit"), Cancel);
        mine.GetProperty("total").GetProperty("volume").GetInt32().ShouldBe(2, "the demo system filed two; another system's and a person's are not counted");
        Counts(mine).ShouldBe(new Dictionary<string, (string, int)>
        {
            [world.UnitA.ToString()] = (world.UnitAName, 1), ["none"] = ("未交办", 1),
        }, ignoreOrder: true);
        (await system.GetFromJsonAsync<JsonElement>($"{world.Path()}&category=land", Cancel))
            .GetProperty("total").GetProperty("volume").GetInt32().ShouldBe(1);
        (await fixture.Client.GetFromJsonAsync<JsonElement>(world.Path(), Cancel))
            .GetProperty("total").GetProperty("volume").GetInt32().ShouldBe(4, "the office counts every ticket");

        using var ticketsOnly = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "tickets.read");
        (await ticketsOnly.GetAsync(world.Path(), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a token without reporting.read is not for reporting");
    }

    [Fact]
    public async Task The_tickets_measure_gives_each_lead_unit_its_on_time_and_resolved_counts()
    {
        var world = await PublishWorldAsync(2028);
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var measures = scope.ServiceProvider.GetServices<IScorecardMeasures>()
            .Single(m => m.Measures.Contains(ScorecardMeasureCodes.TicketsOnTime));

        var measured = await measures.MeasureAsync(new ChinaPeriod(new DateOnly(2028, 1, 1), new DateOnly(2028, 6, 30)), Cancel);

        measured.ShouldBe([
            new UnitMeasure(ScorecardMeasureCodes.TicketsOnTime, world.UnitA, 1, 2),
            new UnitMeasure(ScorecardMeasureCodes.TicketsOnTime, world.UnitB, 0, 0),
        ], ignoreOrder: true);
        (await measures.MeasureAsync(new ChinaPeriod(new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 31)), Cancel))
            .ShouldBe([new UnitMeasure(ScorecardMeasureCodes.TicketsOnTime, world.UnitA, 1, 1)]);
    }

    private sealed record World(int Year, Guid UnitA, Guid UnitB, Guid ChamberC, Guid ChamberD, string UnitAName, string ChamberCName, string ChamberDName)
    {
        public string Path(string? groupBy = null) =>
            $"/api/reporting/tickets/figures?from={Year}-01-01&to={Year}-06-30" + (groupBy is null ? "" : $"&groupBy={groupBy}");
    }

    // 09:00 in China.
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A ticket's events: submitted; with a lead unit also accepted and assigned; resolved on time or late when said.</summary>
    private static TicketEvent[] Ticket(DateTimeOffset submitted, string category, Guid? lead, (Guid Id, string Name)? chamber, string? filingSystem, bool? resolvedLate)
    {
        var id = Guid.CreateVersion7();
        var due = submitted.AddDays(7);
        List<TicketEvent> events = [new TicketSubmitted { OccurredAt = submitted, RequesterName = "三明市某某机械有限公司", State = "submitted" }];
        if (lead is not null)
        {
            events.Add(new TicketAccepted { OccurredAt = submitted.AddHours(1), AcceptedAt = submitted.AddHours(1), State = "accepted", OriginalResolutionDue = due });
            events.Add(new TicketAssigned { OccurredAt = submitted.AddHours(2), LeadUnitId = lead, State = "assigned", OriginalResolutionDue = due });
        }
        if (resolvedLate is { } late)
        {
            var at = late ? due.AddDays(1) : due.AddDays(-1);
            events.Add(new TicketResolved { OccurredAt = at, ResolvedAt = at, HandlingWorkingHours = 20, LeadUnitId = lead, State = "resolved", OriginalResolutionDue = due });
        }
        return [.. events.Select((e, i) => e with
        {
            AggregateId = id, AggregateVersion = i + 1, TicketId = id, Number = $"QY-{submitted.Year}-{Random.Shared.Next(1, 999999):D6}",
            Category = category, Priority = "normal", RequesterKind = "enterprise", SubmittedAt = submitted, AcceptanceDue = submitted.AddHours(8),
            ChamberId = chamber?.Id, ChamberName = chamber?.Name, FilingSystem = filingSystem,
        })];
    }

    private static JsonElement Group(JsonElement figures, string key) =>
        figures.GetProperty("groups").EnumerateArray().FirstOrDefault(g => g.GetProperty("key").GetString() == key);

    private static Dictionary<string, (string Label, int Volume)> Counts(JsonElement figures) =>
        figures.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!,
            g => (g.GetProperty("label").GetString()!, g.GetProperty("figures").GetProperty("volume").GetInt32()));
}
