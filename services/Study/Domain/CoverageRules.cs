using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;

namespace BrandPlatform.Study.Domain;

public sealed record CoveredPerson(Guid PersonId, string DisplayName);

/// <summary>A branch's members in a period, and those not yet covered (no counts per person: nobody is ranked).</summary>
public sealed record BranchCoverage(Guid BranchId, int Members, int Covered, IReadOnlyList<CoveredPerson> NotCovered);

/// <summary>
/// 学习教育全覆盖 and 谈心谈话 coverage for the study service's screens: the rule is <see cref="StudyCoverage"/>'s (shared
/// with reporting); this adds the names of those not yet covered, which only the branch's keepers see.
/// </summary>
public static class CoverageRules
{
    public static bool CountsForCoverage(this ActivityKind kind) => StudyCoverage.CountsForCoverage(kind.ToCode());

    /// <param name="branchStints">Branch stints overlapping <paramref name="period"/> (UnitRosters.During).</param>
    /// <param name="held">Held activities of the period, of every unit.</param>
    public static IReadOnlyList<BranchCoverage> Coverage(ChinaPeriod period, IEnumerable<UnitMember> branchStints, IEnumerable<HeldMeeting> held)
    {
        var covered = StudyCoverage.Covered(period, held.Select(m => new HeldPresence(m.Kind.ToCode(), m.HeldOn, m.PresentIds)));
        return [.. StudyCoverage.MembersByBranch(period, branchStints).Select(branch => new BranchCoverage(
            branch.Key,
            branch.Count(),
            branch.Count(s => covered.Contains(s.PersonId)),
            [.. branch.Where(s => !covered.Contains(s.PersonId)).OrderBy(s => s.DisplayName, StringComparer.Ordinal)
                .Select(s => new CoveredPerson(s.PersonId, s.DisplayName))]))];
    }

    /// <summary>Current members of a branch not in any held heart-to-heart talk of <paramref name="year"/>.</summary>
    public static IReadOnlyList<CoveredPerson> NotTalkedWith(IEnumerable<UnitMember> currentMembers, IEnumerable<HeldMeeting> held, int year)
    {
        var talked = held.Where(m => m.Kind == ActivityKind.HeartToHeartTalk && m.HeldOn.Year == year).SelectMany(m => m.AudienceMemberIds).ToHashSet();
        return [.. currentMembers.Where(m => !talked.Contains(m.PersonId)).DistinctBy(m => m.PersonId)
            .OrderBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => new CoveredPerson(m.PersonId, m.DisplayName))];
    }
}
