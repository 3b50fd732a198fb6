using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Platform.Programme;

/// <summary>What a member still lacks for a campaign: attendance (present at a session or a completed make-up), the quiz.</summary>
public enum CoverageGap
{
    Attendance,
    Quiz,
}

/// <summary>Where a member stands in one campaign. Passed or not only: a score is the member's own.</summary>
public sealed record CoverageStanding(bool Attended, bool MadeUp, bool QuizPassed)
{
    public bool Covered => (Attended || MadeUp) && QuizPassed;

    public IReadOnlyList<CoverageGap> Missing =>
        [.. new[] { (Attended || MadeUp, CoverageGap.Attendance), (QuizPassed, CoverageGap.Quiz) }.Where(c => !c.Item1).Select(c => c.Item2)];
}

/// <summary>
/// A campaign's facts for coverage: who was present at any of its held sessions (in any branch), whose make-up is
/// complete, whose submitted attempt passed (a reopened attempt no longer counts).
/// </summary>
public sealed record CampaignFacts(Guid CampaignId, int Quarter, ChinaPeriod Period, IReadOnlySet<Guid> Present, IReadOnlySet<Guid> MadeUp, IReadOnlySet<Guid> QuizPassed)
{
    public CoverageStanding Of(Guid personId) => new(Present.Contains(personId), MadeUp.Contains(personId), QuizPassed.Contains(personId));
}

public sealed record MemberCoverage(Guid PersonId, string DisplayName, Guid BranchId, CoverageStanding Standing);

/// <summary>A branch's counts for a campaign: branches are compared by counts, never people.</summary>
public sealed record BranchFigures(Guid BranchId, int Members, int Attended, int MadeUp, int QuizPassed, int Covered);

/// <summary>A campaign of the year for one member: null Standing when they were in no branch on its reference day (not counted).</summary>
public sealed record CampaignOfYear(Guid CampaignId, int Quarter, CoverageStanding? Standing);

/// <summary>
/// 廉政教育全覆盖 as code, one rule for the discipline service's screens and reporting's figures. A campaign's denominator is the members of the branches on its reference day (its last day,
/// or today while the quarter runs), each counted once in the branch of their latest stint: a member who joined
/// mid-quarter counts (and makes up a session held before they came), one who left does not. Covered = (attended or
/// made up) and quiz passed.
/// </summary>
public static class DisciplineCoverage
{
    /// <summary>The quarter's last day, or today while it runs (its first day before it starts).</summary>
    public static DateOnly ReferenceDay(ChinaPeriod period, DateOnly today) =>
        today < period.From ? period.From : today > period.To ? period.To : today;

    /// <summary>Every member on the reference day with their standing, sorted by name.</summary>
    /// <param name="branchStints">Branch stints that may include the day (more are harmless: they are filtered).</param>
    public static IReadOnlyList<MemberCoverage> Members(CampaignFacts facts, IEnumerable<UnitMember> branchStints, DateOnly referenceDay) =>
        [.. MembersOn(branchStints, referenceDay).Select(s => new MemberCoverage(s.PersonId, s.DisplayName, s.UnitId, facts.Of(s.PersonId)))];

    /// <summary>The counts of each branch that has members.</summary>
    public static IReadOnlyList<BranchFigures> Figures(IEnumerable<MemberCoverage> members) =>
        [.. members.GroupBy(m => m.BranchId).Select(b => new BranchFigures(b.Key, b.Count(), b.Count(m => m.Standing.Attended),
            b.Count(m => m.Standing.MadeUp), b.Count(m => m.Standing.QuizPassed), b.Count(m => m.Standing.Covered)))];

    /// <summary>
    /// One person's campaigns of a year, in quarter order: each with the standing, or not counted when the person was
    /// in no branch on that campaign's reference day.
    /// </summary>
    public static IReadOnlyList<CampaignOfYear> OfYear(Guid personId, IEnumerable<CampaignFacts> campaigns, IEnumerable<UnitMember> branchStints, DateOnly today)
    {
        var own = branchStints.Where(s => s.PersonId == personId).ToList();
        return [.. campaigns.OrderBy(c => c.Quarter).Select(c => new CampaignOfYear(c.CampaignId, c.Quarter,
            MembersOn(own, ReferenceDay(c.Period, today)).Count > 0 ? c.Of(personId) : null))];
    }

    /// <summary>Branch stints including <paramref name="day"/>, one per person (the latest joined), sorted by name.</summary>
    public static IReadOnlyList<UnitMember> MembersOn(IEnumerable<UnitMember> branchStints, DateOnly day) =>
        [.. branchStints
            .Where(s => s.UnitKind == UnitKinds.Branch && s.JoinedOn is { } joined && joined <= day && (s.LeftOn is null || s.LeftOn > day))
            .GroupBy(s => s.PersonId)
            .Select(g => g.OrderByDescending(s => s.JoinedOn).First())
            .OrderBy(s => s.DisplayName, StringComparer.Ordinal).ThenBy(s => s.PersonId)];
}
