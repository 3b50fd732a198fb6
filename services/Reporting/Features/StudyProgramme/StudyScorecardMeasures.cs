using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Reporting.Features.Scorecard;

namespace BrandPlatform.Reporting.Features.StudyProgramme;

/// <summary>
/// Study's measures per branch: coverage, cadence lines met of those decided (met, or missing once their period ended),
/// records filed on time, and designated materials studied by the branch's deadline of those decided.
/// </summary>
public sealed class StudyScorecardMeasures(StudyProgrammeFigures figures) : IScorecardMeasures
{
    public IReadOnlyList<string> Measures { get; } =
    [
        ScorecardMeasureCodes.StudyCoverage, ScorecardMeasureCodes.CadenceCompliance, ScorecardMeasureCodes.RecordTimeliness,
        ScorecardMeasureCodes.MaterialFollowUp,
    ];

    public async Task<IReadOnlyList<UnitMeasure>> MeasureAsync(ChinaPeriod period, CancellationToken cancellationToken)
    {
        PeriodSlice[] whole = [new(null, period)];
        var coverage = await figures.CoverageAsync(whole, cancellationToken);
        var compliance = await figures.ComplianceAsync(whole, cancellationToken);
        var materials = await figures.FirstAgendaAsync(period, cancellationToken);
        var followUps = materials.SelectMany(m => m.Units)
            .Where(u => u.UnitKind == UnitKinds.Branch && u.Status != FollowUpStatus.Pending)
            .GroupBy(u => u.UnitId);
        return
        [
            .. coverage.Select(c => new UnitMeasure(ScorecardMeasureCodes.StudyCoverage, c.BranchId, c.Covered, c.Members)),
            .. compliance.Select(c => new UnitMeasure(ScorecardMeasureCodes.CadenceCompliance, c.BranchId,
                c.Kinds.Sum(k => k.Met), c.Kinds.Sum(k => k.Met + k.Missing))),
            .. compliance.Select(c => new UnitMeasure(ScorecardMeasureCodes.RecordTimeliness, c.BranchId, c.RecordsOnTime, c.RecordsOnTime + c.RecordsLate)),
            .. followUps.Select(b => new UnitMeasure(ScorecardMeasureCodes.MaterialFollowUp, b.Key, b.Count(u => u.Status == FollowUpStatus.Studied), b.Count())),
        ];
    }
}
