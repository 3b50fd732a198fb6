using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Reporting.Features.Scorecard;

/// <summary>
/// The branch scorecard (DOMAIN.md, reporting): one row per unit that has any weighed measure in the period, every
/// measure's part, whole and rate, and a weighted score over the measures that apply to the unit (those with something
/// due). Weights come from <c>Reporting:Scorecard:Weights:&lt;measure&gt;</c> (default 1; 0 leaves the measure out) and
/// are shown with the answer. Rows are in unit-name order: units are compared, never ranked, and no person appears.
/// </summary>
public static class GetScorecard
{
    private const string WeightsSection = "Reporting:Scorecard:Weights";

    public sealed record MeasureCell(string Measure, int Part, int Whole, double? Rate);

    /// <param name="Score">Σ weight × rate ÷ Σ weight over the row's measures with a rate; null when none has anything due.</param>
    public sealed record Row(Guid UnitId, string UnitName, IReadOnlyList<MeasureCell> Measures, double? Score);

    public sealed record Response(DateOnly From, DateOnly To, IReadOnlyDictionary<string, double> Weights, IReadOnlyList<Row> Rows);

    public static RouteHandlerBuilder MapScorecard(this RouteGroupBuilder group) => group
        .MapGet("/scorecard", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetScorecard")
        .WithSummary("The branch scorecard: each unit's attendance-based measures (part, whole, rate) and their weighted score, units in name order (default: the year so far)")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, int? year, int? quarter, IEnumerable<IScorecardMeasures> areas, IUnitNames unitNames, IConfiguration configuration,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (period, problem) = ReportPeriod.Of(from, to, year, quarter, timeProvider);
        if (problem is not null)
        {
            return problem;
        }
        var weighed = new List<UnitMeasure>();
        var weights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var measure in area.Measures)
            {
                weights[measure] = configuration.GetValue<double?>($"{WeightsSection}:{measure}") ?? 1;
            }
            weighed.AddRange((await area.MeasureAsync(period!, cancellationToken)).Where(m => weights.GetValueOrDefault(m.Measure) > 0));
        }
        var names = await unitNames.NamesAsync([.. weighed.Select(m => m.UnitId).Distinct()], cancellationToken);
        var rows = weighed.GroupBy(m => m.UnitId).Select(unit =>
        {
            var cells = unit.OrderBy(m => m.Measure, StringComparer.Ordinal).Select(m => new MeasureCell(m.Measure, m.Part, m.Whole, m.Rate)).ToList();
            var applying = unit.Where(m => m.Rate is not null).ToList();
            double? score = applying.Count == 0 ? null : Math.Round(applying.Sum(m => weights[m.Measure] * m.Rate!.Value) / applying.Sum(m => weights[m.Measure]), 4);
            return new Row(unit.Key, names.GetValueOrDefault(unit.Key, ""), cells, score);
        });
        return TypedResults.Ok(new Response(period!.From, period.To, weights,
            [.. rows.OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitId)]));
    }
}
