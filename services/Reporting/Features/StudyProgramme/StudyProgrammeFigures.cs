using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.StudyProgramme;

/// <summary>A branch's coverage in a slice of the period: members (rosters) and those present at one activity that counts.</summary>
public sealed record BranchCoverageFigure(PeriodSlice Slice, Guid BranchId, int Members, int Covered);

/// <summary>One meeting kind's cadence lines of a branch (and its party groups): how many were required, held, met, missing, pending.</summary>
public sealed record CadenceFigure(string Kind, int Required, int Held, int Met, int Missing, int Pending);

/// <summary>A branch's 三会一课/主题党日 standing in a slice, and its meeting records filed on time and late.</summary>
public sealed record BranchComplianceFigure(PeriodSlice Slice, Guid BranchId, IReadOnlyList<CadenceFigure> Kinds, int RecordsOnTime, int RecordsLate);

/// <summary>A unit's line for one designated material.</summary>
public sealed record FollowUpFigure(Guid UnitId, string UnitKind, DateOnly Due, FollowUpStatus Status, DateOnly? StudiedOn);

public sealed record MaterialFigure(DesignatedMaterial Material, IReadOnlyList<FollowUpFigure> Units);

/// <summary>
/// The study programme's figures from reporting's copies (activities, designated materials, rosters, units), by the
/// rules the study service applies too (<see cref="StudyCoverage"/>, <see cref="StudyCadence"/>, <see cref="FirstAgenda"/>).
/// An activity of a party group counts for the group's branch. Counts only: no person is named or ranked.
/// </summary>
public sealed class StudyProgrammeFigures(ReportingDbContext db, TimeProvider timeProvider, IOptions<StudyRulesOptions> rules)
{
    private sealed record Held(string Kind, Guid OrganiserUnitId, Guid? BranchId, DateTimeOffset HeldAt, bool RecordedLate, Guid[] PresentIds, Guid[] MaterialIds)
    {
        public DateOnly HeldOn => ChinaCalendar.DateOf(HeldAt);
    }

    public async Task<IReadOnlyList<BranchCoverageFigure>> CoverageAsync(IReadOnlyList<PeriodSlice> slices, CancellationToken cancellationToken)
    {
        var period = Whole(slices);
        var stints = await db.UnitMembers.AsNoTracking().During(period).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        var held = await HeldAsync(period, cancellationToken);
        return [.. slices.SelectMany(slice =>
        {
            var covered = StudyCoverage.Covered(slice.Period, held.Select(h => new HeldPresence(h.Kind, h.HeldOn, h.PresentIds)));
            return StudyCoverage.MembersByBranch(slice.Period, stints)
                .Select(branch => new BranchCoverageFigure(slice, branch.Key, branch.Count(), branch.Count(s => covered.Contains(s.PersonId))));
        })];
    }

    public async Task<IReadOnlyList<BranchComplianceFigure>> ComplianceAsync(IReadOnlyList<PeriodSlice> slices, CancellationToken cancellationToken)
    {
        var period = Whole(slices);
        // A cadence period counts in the slice it starts in, and a year starting in the period runs to its end.
        var held = await HeldAsync(new ChinaPeriod(period.From, new DateOnly(period.To.Year, 12, 31)), cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch || u.Kind == UnitKinds.PartyGroup).ToListAsync(cancellationToken);
        var today = timeProvider.Today();
        var cadence = StudyCadence.Of(rules.Value).Where(c => c.Required > 0).ToList();
        return [.. slices.SelectMany(slice => units.Where(u => u.Kind == UnitKinds.Branch && ActiveIn(u, slice.Period)).Select(branch =>
        {
            var groups = units.Where(u => u.Kind == UnitKinds.PartyGroup && u.ParentId == branch.Id && ActiveIn(u, slice.Period)).Select(u => u.Id).ToList();
            var kinds = cadence.Select(c =>
            {
                var lines = c.PeriodsStartingIn(slice.Period)
                    .SelectMany(p => (c.PerPartyGroup ? groups : [branch.Id]).Select(unit =>
                    {
                        var count = held.Count(h => h.Kind == c.Kind && h.OrganiserUnitId == unit && h.HeldOn >= p.From && h.HeldOn <= p.To);
                        return (count, status: c.StatusOf(count, p, today));
                    }))
                    .ToList();
                return new CadenceFigure(c.Kind, lines.Count * c.Required, lines.Sum(l => l.count), lines.Count(l => l.status == RequirementStatus.Met),
                    lines.Count(l => l.status == RequirementStatus.Missing), lines.Count(l => l.status == RequirementStatus.Pending));
            }).Where(k => k.Required > 0).ToList();
            var records = held.Where(h => h.BranchId == branch.Id && StudyCadence.RecordCounts(h.Kind) && h.HeldOn >= slice.Period.From && h.HeldOn <= slice.Period.To).ToList();
            return new BranchComplianceFigure(slice, branch.Id, kinds, records.Count(h => !h.RecordedLate), records.Count(h => h.RecordedLate));
        }))];
    }

    /// <summary>The materials designated in <paramref name="period"/>, each with the leadership team's and every branch's line.</summary>
    public async Task<IReadOnlyList<MaterialFigure>> FirstAgendaAsync(ChinaPeriod period, CancellationToken cancellationToken)
    {
        var materials = await db.DesignatedMaterials.AsNoTracking()
            .Where(m => m.DesignatedAt >= period.Start && m.DesignatedAt < period.End).OrderBy(m => m.DesignatedAt).ToListAsync(cancellationToken);
        if (materials.Count == 0)
        {
            return [];
        }
        var ids = materials.Select(m => m.MaterialId).ToList();
        var studies = await Resolve(db.StudyActivities.AsNoTracking().Where(a => a.State == "held" && a.MaterialIds.Any(id => ids.Contains(id))), cancellationToken);
        var followers = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.LeadershipTeam || u.Kind == UnitKinds.Branch).ToListAsync(cancellationToken);
        var today = timeProvider.Today();
        return [.. materials.Select(material =>
        {
            var designatedOn = ChinaCalendar.DateOf(material.DesignatedAt);
            var ofMaterial = studies.Where(s => s.HeldAt >= material.DesignatedAt && s.MaterialIds.Contains(material.MaterialId)).ToList();
            return new MaterialFigure(material, [.. followers.Where(u => FirstAgenda.Follows(u.Kind) && (u.ValidTo is null || u.ValidTo >= designatedOn)).Select(unit =>
            {
                var due = unit.Kind == UnitKinds.LeadershipTeam ? material.FirstAgendaItemDue : material.BranchFollowUpDue;
                var first = ofMaterial.Where(s => FirstAgenda.CountsFor(s.Kind, s.OrganiserUnitId, s.BranchId, unit.Id, unit.Kind)).MinBy(s => s.HeldAt);
                var studiedOn = first?.HeldOn;
                return new FollowUpFigure(unit.Id, unit.Kind, due, FirstAgenda.StatusOn(due, studiedOn, today), studiedOn);
            })]);
        })];
    }

    private static ChinaPeriod Whole(IReadOnlyList<PeriodSlice> slices) => new(slices[0].Period.From, slices[^1].Period.To);

    private static bool ActiveIn(DirectoryUnit unit, ChinaPeriod period) => unit.ValidTo is null || unit.ValidTo >= period.From;

    private Task<List<Held>> HeldAsync(ChinaPeriod period, CancellationToken cancellationToken) =>
        Resolve(db.StudyActivities.AsNoTracking().Where(a => a.State == "held" && a.HeldAt >= period.Start && a.HeldAt < period.End), cancellationToken);

    /// <summary>Held activities with the branch each counts for: the organiser itself, or a party group's branch.</summary>
    private async Task<List<Held>> Resolve(IQueryable<StudyFigures.StudyActivityRecord> activities, CancellationToken cancellationToken) =>
        await activities
            .GroupJoin(db.Units, a => a.OrganiserUnitId, u => u.Id, (a, units) => new { a, units })
            .SelectMany(x => x.units.DefaultIfEmpty(), (x, u) => new Held(x.a.Kind, x.a.OrganiserUnitId,
                u == null ? null : u.Kind == UnitKinds.Branch ? u.Id : u.Kind == UnitKinds.PartyGroup ? u.ParentId : null,
                x.a.HeldAt!.Value, x.a.RecordedLate, x.a.PresentIds, x.a.MaterialIds))
            .ToListAsync(cancellationToken);
}
