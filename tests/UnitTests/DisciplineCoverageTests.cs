using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>
/// 廉政教育全覆盖 as the rules compute it: the reference day, who counts on it (joined mid-quarter yes, left no, moved
/// once in the new branch), covered = (attended or made up) and quiz passed, with what is missing, and a year's
/// campaigns for someone who was not yet a member.
/// </summary>
public sealed class DisciplineCoverageTests
{
    private static readonly ChinaPeriod Q4 = Periods.Quarter(2026, 4);
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();
    private static readonly Guid Wang = Guid.NewGuid(), Li = Guid.NewGuid(), Zhao = Guid.NewGuid(), Qian = Guid.NewGuid(), Sun = Guid.NewGuid();

    private static UnitMember Stint(Guid person, Guid branch, string name, DateOnly joined, DateOnly? left = null)
    {
        var stint = UnitMember.FromJoin(person, branch, UnitKinds.Branch, name, joined);
        if (left is { } on)
        {
            stint.Leave(on);
        }
        return stint;
    }

    private static CampaignFacts Facts(Guid[] present, Guid[] madeUp, Guid[] passed, ChinaPeriod? period = null, int quarter = 4) =>
        new(Guid.NewGuid(), quarter, period ?? Q4, present.ToHashSet(), madeUp.ToHashSet(), passed.ToHashSet());

    [Fact]
    public void The_reference_day_is_today_while_the_quarter_runs_and_its_last_day_after()
    {
        DisciplineCoverage.ReferenceDay(Q4, new DateOnly(2026, 11, 15)).ShouldBe(new DateOnly(2026, 11, 15));
        DisciplineCoverage.ReferenceDay(Q4, new DateOnly(2027, 2, 1)).ShouldBe(new DateOnly(2026, 12, 31));
        DisciplineCoverage.ReferenceDay(Q4, new DateOnly(2026, 9, 20)).ShouldBe(new DateOnly(2026, 10, 1));
    }

    [Fact]
    public void A_member_who_joined_mid_quarter_counts_one_who_left_does_not_and_one_who_moved_counts_once_in_the_new_branch()
    {
        var day = new DateOnly(2026, 12, 31);
        var stints = new[]
        {
            Stint(Wang, First, "王芳", new DateOnly(2025, 1, 1)),
            Stint(Li, First, "李强", new DateOnly(2026, 11, 20)),
            Stint(Zhao, First, "赵六", new DateOnly(2025, 1, 1), left: new DateOnly(2026, 11, 1)),
            Stint(Qian, First, "钱七", new DateOnly(2025, 1, 1), left: new DateOnly(2026, 11, 10)),
            Stint(Qian, Second, "钱七", new DateOnly(2026, 11, 10)),
        };
        var members = DisciplineCoverage.Members(Facts([Wang, Qian], [], [Wang, Li, Qian]), stints, day);

        members.Select(m => (m.PersonId, m.BranchId)).ShouldBe([(Wang, First), (Qian, Second), (Li, First)], ignoreOrder: true);
        members.Select(m => m.DisplayName).ShouldBe(new[] { "李强", "王芳", "钱七" }.Order(StringComparer.Ordinal));
        var figures = DisciplineCoverage.Figures(members).ToDictionary(f => f.BranchId);
        figures[First].ShouldBe(new BranchFigures(First, 2, 1, 0, 2, 1));
        figures[Second].ShouldBe(new BranchFigures(Second, 1, 1, 0, 1, 1));
    }

    [Theory]
    [InlineData(true, false, true, true, "")]
    [InlineData(false, true, true, true, "")]
    [InlineData(false, false, true, false, "Attendance")]
    [InlineData(true, false, false, false, "Quiz")]
    [InlineData(false, false, false, false, "Attendance,Quiz")]
    public void Covered_means_attended_or_made_up_and_the_quiz_passed(bool attended, bool madeUp, bool passed, bool covered, string missing)
    {
        var standing = new CoverageStanding(attended, madeUp, passed);
        standing.Covered.ShouldBe(covered);
        string.Join(',', standing.Missing).ShouldBe(missing);
    }

    [Fact]
    public void A_standing_reads_the_facts_of_the_campaign()
    {
        var facts = Facts(present: [Wang], madeUp: [Li], passed: [Wang, Li, Sun]);
        facts.Of(Wang).ShouldBe(new CoverageStanding(true, false, true));
        facts.Of(Li).ShouldBe(new CoverageStanding(false, true, true));
        facts.Of(Sun).ShouldBe(new CoverageStanding(false, false, true));
        facts.Of(Zhao).Covered.ShouldBeFalse();
    }

    [Fact]
    public void In_a_year_a_campaign_before_one_joined_any_branch_does_not_count_for_them()
    {
        var q1 = Facts([], [], [], Periods.Quarter(2026, 1), quarter: 1);
        var q4 = Facts([Li], [], [Li]);
        var stints = new[] { Stint(Li, First, "李强", new DateOnly(2026, 6, 1)) };

        var year = DisciplineCoverage.OfYear(Li, [q4, q1], stints, new DateOnly(2026, 12, 20));

        year.Select(c => c.Quarter).ShouldBe([1, 4]);
        year[0].Standing.ShouldBeNull();
        year[1].Standing!.Covered.ShouldBeTrue();
    }
}
