using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>
/// The tickets area's scorecard measure: per lead unit (task force), the tickets submitted in the period that were
/// resolved, and how many of them on time (按时办结率), by <see cref="Contracts.Tickets.TicketFigures.Of"/>'s rule.
/// </summary>
public sealed class TicketScorecardMeasures(ReportingDbContext db) : IScorecardMeasures
{
    public IReadOnlyList<string> Measures { get; } = [ScorecardMeasureCodes.TicketsOnTime];

    public async Task<IReadOnlyList<UnitMeasure>> MeasureAsync(ChinaPeriod period, CancellationToken cancellationToken)
    {
        var records = await db.TicketRecords.AsNoTracking().SubmittedDuring(period).Where(t => t.LeadUnitId != null).ToListAsync(cancellationToken);
        return [.. records.GroupBy(r => r.LeadUnitId!.Value).OrderBy(g => g.Key).Select(unit =>
        {
            var figures = Contracts.Tickets.TicketFigures.Of(period.From, period.To, [.. unit.Select(r => r.Facts())]);
            // The rate is the on-time count over the resolved count, rounded to 4 places: multiplied back it gives the
            // count exactly for any unit with fewer than 5,000 resolved tickets in a period.
            var onTime = (int)Math.Round((figures.ResolvedOnTimeRate ?? 0) * figures.Resolved);
            return new UnitMeasure(ScorecardMeasureCodes.TicketsOnTime, unit.Key, onTime, figures.Resolved);
        })];
    }
}

public static class TicketFiguresRegistration
{
    /// <summary>The tickets area's services in reporting: its scorecard measure.</summary>
    public static IHostApplicationBuilder AddTicketFigures(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IScorecardMeasures, TicketScorecardMeasures>();
        builder.Services.AddScoped<IBrandWorkSource, TicketsUnderBrand>();
        return builder;
    }
}
