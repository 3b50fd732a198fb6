using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Study.Domain;

public sealed record CoveredPerson(Guid PersonId, string DisplayName);

/// <summary>A branch's members in a period, and those not yet covered (no counts per person: nobody is ranked).</summary>
public sealed record BranchCoverage(Guid BranchId, int Members, int Covered, IReadOnlyList<CoveredPerson> NotCovered);

/// <summary>
/// 学习教育全覆盖 and 谈心谈话 coverage as code. A member is covered in a period when present at one held activity of a
/// kind that counts, wherever it was held; the denominator is everyone with a branch stint in the period, each counted
/// once, in the branch of their latest stint there (attendance before a move still counts).
/// </summary>
public static class CoverageRules
{
    /// <summary>Every kind is study but the committee's own meeting and the private talk.</summary>
    public static bool CountsForCoverage(this ActivityKind kind) => kind is not (ActivityKind.HeartToHeartTalk or ActivityKind.BranchCommittee);

    /// <param name="branchStints">Branch stints overlapping <paramref name="period"/> (UnitRosters.During).</param>
    /// <param name="held">Held activities of the period, of every unit.</param>
    public static IReadOnlyList<BranchCoverage> Coverage(ChinaPeriod period, IEnumerable<UnitMember> branchStints, IEnumerable<HeldMeeting> held)
    {
        var covered = held.Where(m => m.Kind.CountsForCoverage() && m.HeldOn >= period.From && m.HeldOn <= period.To)
            .SelectMany(m => m.PresentIds).ToHashSet();
        var members = branchStints
            .Where(s => s.UnitKind == UnitKinds.Branch && s.JoinedOn is { } joined && joined <= period.To && (s.LeftOn is null || s.LeftOn > period.From))
            .GroupBy(s => s.PersonId)
            .Select(g => g.OrderByDescending(s => s.JoinedOn).ThenBy(s => s.LeftOn is null ? 0 : 1).First());
        return [.. members.GroupBy(s => s.UnitId).Select(branch => new BranchCoverage(
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
