using System.Net;
using System.Net.Http.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Features.DisciplineFigures;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// The discipline service's events (sessions, quizzes, make-ups, pledges) and the directory's rosters reach reporting
/// over RabbitMQ, some out of their aggregates' order, and the coverage and pledge figures match a hand count: the
/// members of each branch on the campaign's reference day, a newcomer who made up, a leaver who no longer counts, a
/// reopened pass that stops counting. The year is 2025, so every reference day is a past quarter's last day.
/// </summary>
public sealed class DisciplineFiguresTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Q3 = new(2025, 7, 15, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Q4 = new(2025, 11, 12, 1, 0, 0, TimeSpan.Zero);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly Guid first = Guid.CreateVersion7(), second = Guid.CreateVersion7();
    private readonly Guid a1 = Guid.CreateVersion7(), a2 = Guid.CreateVersion7(), a3 = Guid.CreateVersion7(), newcomer = Guid.CreateVersion7(),
        leaver = Guid.CreateVersion7(), b1 = Guid.CreateVersion7(), b2 = Guid.CreateVersion7();

    [Fact]
    public async Task Coverage_and_pledges_per_branch_match_a_hand_count_whatever_order_the_events_arrive_in()
    {
        await PublishWorldAsync();

        // Q3, first branch: a1, a2, a3 and the newcomer (joined 20 August, after the session) are members on 30 September;
        // the leaver (left 1 September) is not. Present: a1, a3 (and the leaver). Made up: a2, the newcomer. Passed: a1,
        // a2, the newcomer (a3's pass was reopened). Second branch: b1 present but failed; b2 passed, never attended.
        // Q4: only b1, present and passed.
        string[] expected =
        [
            "3 纪律报表第一支部 4 2 2 3 3", "3 纪律报表第二支部 2 1 0 1 0",
            "4 纪律报表第一支部 4 0 0 0 0", "4 纪律报表第二支部 2 1 0 1 1",
        ];
        var year = await Eventually.ReturnsAsync(() => CoverageAsync("year=2025"), r => Describe(r).SequenceEqual(expected), Timeout,
            "reporting's coverage to match the hand count", Cancel);
        year.GroupBy.ShouldBe("branch");
        year.Rows.ShouldAllBe(r => r.ReferenceDay == Periods.LastDayOf(2025, r.Quarter));

        var quarter = await CoverageAsync("year=2025&quarter=3");
        Describe(quarter).ShouldBe(expected[..2]);
        var totals = await CoverageAsync("year=2025&groupBy=quarter");
        totals.Rows.Select(r => $"{r.Quarter} {r.BranchId?.ToString() ?? "all"} {r.Members} {r.Attended} {r.MadeUp} {r.QuizPassed} {r.Covered}")
            .ShouldBe(["3 all 6 3 2 4 3", "4 all 6 1 0 1 1"]);
        (await CoverageAsync("year=2024")).Rows.ShouldBeEmpty("no campaign that year");

        // 2025's pledge: a1, a2 and b1 signed; the leaver signed too but is not a member on 31 December; a1's 2026
        // signature is another year's.
        var pledges = await Eventually.ReturnsAsync(
            () => fixture.Client.GetFromJsonAsync<GetDisciplinePledges.Response>("/api/reporting/discipline/pledges?year=2025", Cancel),
            p => p!.Signed == 3, Timeout, "the pledges in reporting", Cancel);
        pledges!.ReferenceDay.ShouldBe(new DateOnly(2025, 12, 31));
        pledges.Units.Select(u => $"{u.UnitName} {u.Members} {u.Signed}").ShouldBe(["纪律报表第一支部 4 2", "纪律报表第二支部 2 1"]);
        (pledges.Members, pledges.Signed).ShouldBe((6, 3));

        // Counts only: no score, no person anywhere in the answers.
        var raw = await fixture.Client.GetStringAsync("/api/reporting/discipline/coverage?year=2025", Cancel);
        raw.ShouldNotContain("score", Case.Insensitive);
        raw.ShouldNotContain(a1.ToString());
        (await fixture.Service.QueryAsync(db => db.DisciplineQuizOutcomes.AnyAsync(a => a.PersonId == a3 && a.Reopened, Cancel))).ShouldBeTrue();

        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var measures = scope.ServiceProvider.GetServices<IScorecardMeasures>().OfType<DisciplineScorecardMeasures>().Single();
        var q3 = await measures.MeasureAsync(Periods.Quarter(2025, 3), Cancel);
        q3.Select(m => $"{m.Measure} {(m.UnitId == first ? "first" : "second")} {m.Part}/{m.Whole}").Order(StringComparer.Ordinal).ShouldBe(
            ["disciplineCoverage first 3/4", "disciplineCoverage second 0/2", "pledgeSigned first 2/4", "pledgeSigned second 1/2"]);
        var whole = await measures.MeasureAsync(Periods.Year(2025), Cancel);
        whole.Single(m => m.Measure == ScorecardMeasureCodes.DisciplineCoverage && m.UnitId == second).ShouldBe(
            new UnitMeasure(ScorecardMeasureCodes.DisciplineCoverage, second, 0 + 1, 2 + 2), "both quarters' campaigns, summed");
    }

    [Fact]
    public async Task Bad_parameters_are_refused_with_the_field_named_and_people_outside_the_office_are_refused()
    {
        foreach (var (query, field) in new[] { ("year=1999", "year"), ("year=2025&quarter=5", "quarter"), ("groupBy=person", "groupBy") })
        {
            var response = await fixture.Client.GetAsync($"/api/reporting/discipline/coverage?{query}", Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain($"\"{field}\"");
        }
        (await fixture.Client.GetAsync("/api/reporting/discipline/pledges?year=2101", Cancel)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var member = await fixture.Identity.ClientForPersonAsync(fixture.Service, "member");
        (await member.GetAsync("/api/reporting/discipline/coverage", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Each_discipline_projection_clears_only_its_own_table()
    {
        var campaign = Guid.CreateVersion7();
        await PublishAsync(Numbered(campaign, Launched(campaign, 2, 2023)));
        var signature = Guid.CreateVersion7();
        await PublishAsync(Numbered(signature, new PledgeSigned
        {
            SignatureId = signature, Year = 2023, PersonId = b1, PledgeTextId = Guid.NewGuid(), Role = "partyMember", SignedAt = Q3, OccurredAt = Q3,
        }));
        await Eventually.ReturnsAsync(() => fixture.Service.QueryAsync(db => db.DisciplinePledgeSignatures.AnyAsync(s => s.SignatureId == signature, Cancel)),
            found => found, Timeout, "the signature in reporting", Cancel);
        await Eventually.ReturnsAsync(() => fixture.Service.QueryAsync(db => db.DisciplineCampaigns.AnyAsync(c => c.CampaignId == campaign, Cancel)),
            found => found, Timeout, "the campaign in reporting", Cancel);

        await using var scope = fixture.Service.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PledgesProjection>().ClearAsync(Cancel);

        (await fixture.Service.QueryAsync(db => db.DisciplinePledgeSignatures.CountAsync(Cancel))).ShouldBe(0);
        (await fixture.Service.QueryAsync(db => db.DisciplineCampaigns.AnyAsync(c => c.CampaignId == campaign, Cancel))).ShouldBeTrue();
    }

    private async Task PublishWorldAsync()
    {
        var start = new DateOnly(2025, 1, 1);
        await PublishAsync(Numbered(first, Branch(first, "纪律报表第一支部")));
        await PublishAsync(Numbered(second, Branch(second, "纪律报表第二支部")));
        foreach (var (person, branch) in new[] { (a1, first), (a2, first), (a3, first), (b1, second), (b2, second) })
        {
            await PublishAsync(Numbered(person, Join(person, branch, start)));
        }
        await PublishAsync(Numbered(newcomer, Join(newcomer, first, new DateOnly(2025, 8, 20))));
        // The leave before the join it ends.
        await PublishAsync([.. Numbered(leaver, Join(leaver, first, start),
            new MemberLeftBranch { PersonId = leaver, BranchId = first, On = new DateOnly(2025, 9, 1), OccurredAt = Q3 }).Reverse()]);

        var (q3, q4) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await PublishAsync(Numbered(q3, Launched(q3, 3, 2025), new WarningCampaignClosed
        {
            CampaignId = q3, Year = 2025, Quarter = 3, Theme = "以案为鉴", State = "closed", OccurredAt = Q3.AddDays(70),
        }));
        await PublishAsync(Numbered(q4, Launched(q4, 4, 2025)));

        // First branch's session: held delivered before it was scheduled.
        await PublishAsync([.. Session(q3, first, Q3, [a1, a3, leaver], [a2]).Reverse()]);
        await PublishAsync(Session(q3, second, Q3, [b1], [b2]));
        var cancelled = Guid.CreateVersion7();
        await PublishAsync(Numbered(cancelled,
            new WarningSessionScheduled { SessionId = cancelled, CampaignId = q3, BranchId = second, State = "planned", OccurredAt = Q3 },
            new WarningSessionCancelled { SessionId = cancelled, CampaignId = q3, BranchId = second, State = "cancelled", Reason = "改期", OccurredAt = Q3 }));
        await PublishAsync(Session(q4, second, Q4, [b1], [b2]));

        foreach (var person in new[] { a1, a2, newcomer, leaver, b2 })
        {
            await PublishAsync(Quiz(q3, person, passed: true));
        }
        await PublishAsync(Quiz(q3, b1, passed: false));
        await PublishAsync(Quiz(q4, b1, passed: true));
        // a3 passed, then the office reopened the attempt: the reopening arrives first.
        var attempt = Guid.CreateVersion7();
        await PublishAsync([.. Numbered(attempt,
            new QuizCompleted { AttemptId = attempt, CampaignId = q3, PersonId = a3, Number = 1, Score = 95, Passed = true, SubmittedAt = Q3, OccurredAt = Q3 },
            new QuizReopened { AttemptId = attempt, CampaignId = q3, PersonId = a3, Number = 1, Reason = "系统故障", OccurredAt = Q3 }).Reverse()]);

        foreach (var person in new[] { a2, newcomer })
        {
            var makeUp = Guid.CreateVersion7();
            await PublishAsync(Numbered(makeUp, new WarningMakeUpCompleted { MakeUpId = makeUp, CampaignId = q3, PersonId = person, CompletedAt = Q3.AddDays(40), OccurredAt = Q3 }));
        }

        foreach (var (person, year) in new[] { (a1, 2025), (a2, 2025), (b1, 2025), (leaver, 2025), (a1, 2026) })
        {
            var signature = Guid.CreateVersion7();
            await PublishAsync(Numbered(signature, new PledgeSigned
            {
                SignatureId = signature, Year = year, PersonId = person, PledgeTextId = Guid.NewGuid(), Role = "partyMember", BranchId = first,
                SignedAt = Q3, OccurredAt = Q3,
            }));
        }
    }

    private static OrganisationUnitCreated Branch(Guid id, string name) =>
        new() { UnitId = id, Kind = "branch", Name = name, ValidFrom = new DateOnly(2020, 1, 1), OccurredAt = Q3 };

    private static MemberJoinedBranch Join(Guid person, Guid branch, DateOnly on) =>
        new() { PersonId = person, BranchId = branch, DisplayName = "党员", On = on, OccurredAt = Q3 };

    private static WarningCampaignLaunched Launched(Guid id, int quarter, int year) => new()
    {
        CampaignId = id, Year = year, Quarter = quarter, Theme = "以案为鉴", State = "launched", RequiredSessionsPerBranch = 1, QuizQuestionCount = 10,
        PassMark = 80, TimeLimitMinutes = 30, OccurredAt = Q3,
    };

    private static IntegrationEvent[] Session(Guid campaign, Guid branch, DateTimeOffset at, Guid[] present, Guid[] absent)
    {
        var id = Guid.CreateVersion7();
        return Numbered(id,
            new WarningSessionScheduled { SessionId = id, CampaignId = campaign, BranchId = branch, State = "planned", PlannedStart = at, PlannedEnd = at.AddHours(2), OccurredAt = at },
            new WarningSessionHeld
            {
                SessionId = id, CampaignId = campaign, BranchId = branch, State = "held", PlannedStart = at, PlannedEnd = at.AddHours(2), HeldAt = at,
                DurationMinutes = 90, AttendeeIds = present, AbsentIds = absent, OccurredAt = at,
            });
    }

    private static IntegrationEvent[] Quiz(Guid campaign, Guid person, bool passed)
    {
        var id = Guid.CreateVersion7();
        return Numbered(id, new QuizCompleted
        {
            AttemptId = id, CampaignId = campaign, PersonId = person, Number = 1, Score = passed ? 90 : 40, Passed = passed, SubmittedAt = Q3, OccurredAt = Q3,
        });
    }

    private static IntegrationEvent[] Numbered(Guid aggregate, params IntegrationEvent[] events) =>
        [.. events.Select((e, i) => e with { AggregateId = aggregate, AggregateVersion = i + 1 })];

    private async Task PublishAsync(IntegrationEvent[] events)
    {
        foreach (var e in events)
        {
            await fixture.Bus.Publish(e, e.GetType(), Cancel);
        }
    }

    private async Task<GetDisciplineCoverage.Response> CoverageAsync(string query) =>
        (await fixture.Client.GetFromJsonAsync<GetDisciplineCoverage.Response>($"/api/reporting/discipline/coverage?{query}", Cancel))!;

    private static IEnumerable<string> Describe(GetDisciplineCoverage.Response response) =>
        response.Rows.Select(r => $"{r.Quarter} {r.BranchName} {r.Members} {r.Attended} {r.MadeUp} {r.QuizPassed} {r.Covered}");
}
