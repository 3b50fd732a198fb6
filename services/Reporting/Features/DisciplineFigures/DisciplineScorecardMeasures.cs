using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Features.Scorecard;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>
/// Discipline's measures per branch over a period: members covered by the warning campaigns of the quarters the period
/// touches, and members who signed the pledge of the years it touches (each summed over those campaigns or
/// years; a year whose pledge nobody has signed yet is not out and gives nothing).
/// </summary>
public sealed class DisciplineScorecardMeasures(DisciplineFigureQueries figures) : IScorecardMeasures
{
    public IReadOnlyList<string> Measures { get; } = [ScorecardMeasureCodes.DisciplineCoverage, ScorecardMeasureCodes.PledgeSigned];

    public async Task<IReadOnlyList<UnitMeasure>> MeasureAsync(ChinaPeriod period, CancellationToken cancellationToken)
    {
        var campaigns = (await figures.CampaignsAsync(period.From.Year, period.To.Year, cancellationToken))
            .Where(c => c.Period.From <= period.To && c.Period.To >= period.From);
        var coverage = (await figures.CoverageAsync(campaigns, cancellationToken))
            .SelectMany(c => c.Branches)
            .GroupBy(b => b.BranchId)
            .Select(b => new UnitMeasure(ScorecardMeasureCodes.DisciplineCoverage, b.Key, b.Sum(f => f.Covered), b.Sum(f => f.Members)));
        var pledges = new List<DisciplineFigureQueries.BranchPledges>();
        foreach (var year in await figures.PledgeYearsAsync(period.From.Year, period.To.Year, cancellationToken))
        {
            pledges.AddRange((await figures.PledgesAsync(year, cancellationToken)).Branches);
        }
        var signed = pledges.GroupBy(p => p.BranchId)
            .Select(b => new UnitMeasure(ScorecardMeasureCodes.PledgeSigned, b.Key, b.Sum(p => p.Signed), b.Sum(p => p.Members)));
        return [.. coverage, .. signed];
    }
}
