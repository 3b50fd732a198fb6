using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>
/// 廉政教育全覆盖 counted from reporting's copies by the discipline service's own rule (<see cref="DisciplineCoverage"/>):
/// a campaign's members are the branches' rosters on its reference day (its last day, or today while it runs), each
/// member once in their branch; covered = (present at a held session or made up) and quiz passed. A year's pledge
/// counts take the year's reference day the same way. The endpoints and the scorecard read these, nothing else.
/// </summary>
public sealed class DisciplineFigureQueries(ReportingDbContext db, TimeProvider timeProvider)
{
    public sealed record CampaignCoverage(CampaignRecord Campaign, DateOnly ReferenceDay, IReadOnlyList<BranchFigures> Branches);

    public sealed record BranchPledges(Guid BranchId, int Members, int Signed);

    /// <summary>The campaigns of the years from <paramref name="firstYear"/> to <paramref name="lastYear"/>, in quarter order.</summary>
    public async Task<IReadOnlyList<CampaignRecord>> CampaignsAsync(int firstYear, int lastYear, CancellationToken cancellationToken) =>
        await db.DisciplineCampaigns.AsNoTracking().Where(c => c.Year >= firstYear && c.Year <= lastYear)
            .OrderBy(c => c.Year).ThenBy(c => c.Quarter).ThenBy(c => c.CampaignId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CampaignCoverage>> CoverageAsync(IEnumerable<CampaignRecord> campaigns, CancellationToken cancellationToken)
    {
        var coverage = new List<CampaignCoverage>();
        foreach (var campaign in campaigns)
        {
            var day = DisciplineCoverage.ReferenceDay(campaign.Period, timeProvider.Today());
            var members = DisciplineCoverage.Members(await FactsAsync(campaign, cancellationToken), await BranchStintsAsync(day, cancellationToken), day);
            coverage.Add(new CampaignCoverage(campaign, day, DisciplineCoverage.Figures(members)));
        }
        return coverage;
    }

    /// <summary>Each branch's members on the year's reference day and how many of them signed the year's pledge.</summary>
    public async Task<(DateOnly ReferenceDay, IReadOnlyList<BranchPledges> Branches)> PledgesAsync(int year, CancellationToken cancellationToken)
    {
        var day = DisciplineCoverage.ReferenceDay(Periods.Year(year), timeProvider.Today());
        var members = DisciplineCoverage.MembersOn(await BranchStintsAsync(day, cancellationToken), day);
        var signed = (await db.DisciplinePledgeSignatures.AsNoTracking().Where(s => s.Year == year).Select(s => s.PersonId)
            .ToListAsync(cancellationToken)).ToHashSet();
        return (day, [.. members.GroupBy(m => m.UnitId).Select(b => new BranchPledges(b.Key, b.Count(), b.Count(m => signed.Contains(m.PersonId))))]);
    }

    /// <summary>
    /// One member's warning campaigns of a year in quarter order, each with their standing (null when they were in no
    /// branch on its reference day, so it does not count for them), and whether they signed the year's pledge.
    /// </summary>
    public async Task<(IReadOnlyList<(CampaignRecord Campaign, CoverageStanding? Standing)> Campaigns, bool PledgeSigned)> MemberYearAsync(
        Guid personId, int year, CancellationToken cancellationToken)
    {
        var campaigns = await CampaignsAsync(year, year, cancellationToken);
        var facts = new List<CampaignFacts>();
        foreach (var campaign in campaigns)
        {
            facts.Add(await FactsAsync(campaign, cancellationToken));
        }
        var stints = await db.UnitMembers.AsNoTracking().Where(m => m.PersonId == personId && m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        var standings = DisciplineCoverage.OfYear(personId, facts, stints, timeProvider.Today()).ToDictionary(c => c.CampaignId, c => c.Standing);
        var signed = await db.DisciplinePledgeSignatures.AsNoTracking().AnyAsync(s => s.Year == year && s.PersonId == personId, cancellationToken);
        return ([.. campaigns.Select(c => (c, standings[c.CampaignId]))], signed);
    }

    /// <summary>The years between the two that have a pledge running (someone signed): a year before its pledge is out is not a 0.</summary>
    public async Task<IReadOnlyList<int>> PledgeYearsAsync(int firstYear, int lastYear, CancellationToken cancellationToken) =>
        await db.DisciplinePledgeSignatures.AsNoTracking().Where(s => s.Year >= firstYear && s.Year <= lastYear).Select(s => s.Year).Distinct()
            .OrderBy(y => y).ToListAsync(cancellationToken);

    /// <summary>The current names of the branches counted and of every active branch (an active branch without members shows zeros).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> BranchNamesAsync(IReadOnlyCollection<Guid> counted, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch && (u.ValidTo == null || counted.Contains(u.Id)))
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

    private async Task<CampaignFacts> FactsAsync(CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var present = await db.DisciplineSessions.AsNoTracking().Where(s => s.CampaignId == campaign.CampaignId && s.State == SessionRecord.Held)
            .Select(s => s.PresentIds).ToListAsync(cancellationToken);
        var madeUp = await db.DisciplineMakeUps.AsNoTracking().Where(m => m.CampaignId == campaign.CampaignId).Select(m => m.PersonId)
            .ToListAsync(cancellationToken);
        var passed = await db.DisciplineQuizOutcomes.AsNoTracking().Where(a => a.CampaignId == campaign.CampaignId && a.Passed && !a.Reopened)
            .Select(a => a.PersonId).ToListAsync(cancellationToken);
        return new CampaignFacts(campaign.CampaignId, campaign.Quarter, campaign.Period, present.SelectMany(p => p).ToHashSet(), madeUp.ToHashSet(),
            passed.ToHashSet());
    }

    private Task<List<UnitMember>> BranchStintsAsync(DateOnly day, CancellationToken cancellationToken) =>
        db.UnitMembers.AsNoTracking().On(day).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
}
