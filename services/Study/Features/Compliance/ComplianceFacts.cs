using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Compliance;

/// <summary>Reads what <see cref="ComplianceRules"/> needs, for one branch or all of them, in a few queries.</summary>
internal static class ComplianceFacts
{
    public static async Task<IReadOnlyList<BranchFacts>> BranchesAsync(
        StudyDbContext db, IReadOnlyCollection<Guid> branches, int year, int quarter, CancellationToken cancellationToken)
    {
        var quarterStart = Periods.FirstDayOf(year, quarter);
        var groups = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKinds.PartyGroup && u.ParentId != null && branches.Contains(u.ParentId.Value) && (u.ValidTo == null || u.ValidTo > quarterStart))
            .Select(u => new { u.Id, Branch = u.ParentId!.Value }).ToListAsync(cancellationToken);
        var held = await db.Activities.AsNoTracking().HeldDuring(new ChinaPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
            .Where(a => a.BranchId != null && branches.Contains(a.BranchId.Value))
            .Select(HeldMeeting.Projection).ToListAsync(cancellationToken);
        var plans = await db.QuarterPlans.AsNoTracking().Where(p => branches.Contains(p.BranchId) && p.Year == year && p.Quarter == quarter)
            .ToListAsync(cancellationToken);
        var open = await db.Rectifications.AsNoTracking().Where(r => r.BranchId != null && branches.Contains(r.BranchId.Value) && r.ClosedAt == null)
            .ToListAsync(cancellationToken);
        var members = await db.UnitMembers.AsNoTracking().Current().Where(m => branches.Contains(m.UnitId))
            .Select(m => new { m.UnitId, m.PersonId }).ToListAsync(cancellationToken);
        return [.. branches.Select(branch => new BranchFacts(
            branch,
            [.. groups.Where(g => g.Branch == branch).Select(g => g.Id)],
            [.. held.Where(m => m.BranchId == branch)],
            plans.SingleOrDefault(p => p.BranchId == branch),
            [.. open.Where(r => r.BranchId == branch)],
            members.Where(m => m.UnitId == branch).Select(m => m.PersonId).ToHashSet()))];
    }

    /// <summary>The leadership team's (部务会) yearly democratic life meeting and its open items.</summary>
    public static async Task<IReadOnlyList<UnitCompliance>> LeadershipTeamsAsync(
        StudyDbContext db, int year, int quarter, DateOnly today, CancellationToken cancellationToken)
    {
        var teams = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.LeadershipTeam && u.ValidTo == null).Select(u => u.Id).ToListAsync(cancellationToken);
        var held = await db.Activities.AsNoTracking().HeldDuring(new ChinaPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))
            .Where(a => a.Kind == ActivityKind.DemocraticLifeMeeting && teams.Contains(a.OrganiserUnitId))
            .Select(HeldMeeting.Projection).ToListAsync(cancellationToken);
        var open = await db.Rectifications.AsNoTracking().Where(r => teams.Contains(r.UnitId) && r.ClosedAt == null).ToListAsync(cancellationToken);
        return [.. teams.Select(team => ComplianceRules.ForLeadershipTeam(team, held, [.. open.Where(r => r.UnitId == team)], year, quarter, today))];
    }
}
