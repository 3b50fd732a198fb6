using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>
/// What the quarterly report says, the same for its PDF and its spreadsheet: (a) every area's scorecard measures per
/// unit, (b) the ticket figures of each month of the quarter by the shared rules (<see cref="Contracts.Tickets.TicketFigures.Of"/>),
/// (c) escalated tickets still open. Units and people are never ranked: rows go by measure, then unit name.
/// </summary>
public sealed record QuarterlyReport(
    int Year, int Quarter, ChinaPeriod Period, DateTimeOffset GeneratedAt,
    IReadOnlyList<QuarterlyReport.MeasureRow> Measures, IReadOnlyList<QuarterlyReport.MonthFigures> Months,
    IReadOnlyList<QuarterlyReport.OpenEscalation> Escalations)
{
    /// <param name="Measure">The measure's name in the reader's language.</param>
    /// <param name="Unit">The unit's current name.</param>
    public sealed record MeasureRow(string Measure, string Unit, int Part, int Whole, double? Rate);

    /// <summary>The figures of the tickets submitted in one month of the quarter.</summary>
    public sealed record MonthFigures(int Month, int Volume, double? AcceptedOnTimeRate, double? ResolvedOnTimeRate, double? SatisfactionRate);

    /// <param name="LeadUnit">The lead unit's current name; empty while none is assigned.</param>
    public sealed record OpenEscalation(string Number, string Category, string LeadUnit, int Urges, int Supervisions, int PublicNotices);
}

/// <summary>Gathers a <see cref="QuarterlyReport"/> from reporting's records and the areas' <see cref="IScorecardMeasures"/>.</summary>
public sealed class QuarterlyReports(ReportingDbContext db, IEnumerable<IScorecardMeasures> areas, IUnitNames unitNames, TimeProvider clock)
{
    /// <summary>A ticket in one of these states is no longer open; an escalated one in any other still waits.</summary>
    private static readonly string[] Finished = ["resolved", "confirmed", "rejected", "withdrawn"];

    public async Task<QuarterlyReport> ForAsync(int year, int quarter, CancellationToken cancellationToken)
    {
        var period = Periods.Quarter(year, quarter);
        var measures = new List<UnitMeasure>();
        var measureOrder = areas.SelectMany(a => a.Measures).ToList();
        foreach (var area in areas)
        {
            measures.AddRange(await area.MeasureAsync(period, cancellationToken));
        }
        var submitted = await db.TicketRecords.AsNoTracking()
            .Where(t => t.SubmittedAt >= period.Start && t.SubmittedAt < period.End)
            .ToListAsync(cancellationToken);
        var escalated = await db.TicketRecords.AsNoTracking()
            .Where(t => t.SubmittedAt < period.End && !Finished.Contains(t.State) && (t.Urges > 0 || t.Supervisions > 0 || t.PublicNotices > 0))
            .OrderBy(t => t.SubmittedAt).ThenBy(t => t.Number)
            .ToListAsync(cancellationToken);
        var names = await unitNames.NamesAsync(
            [.. measures.Select(m => m.UnitId).Concat(escalated.Where(t => t.LeadUnitId is not null).Select(t => t.LeadUnitId!.Value)).Distinct()],
            cancellationToken);
        string NameOf(Guid unit) => names.GetValueOrDefault(unit) ?? unit.ToString();

        var months = Periods.MonthsOf(quarter).Select(month =>
        {
            var from = new DateOnly(year, month, 1);
            var to = from.AddMonths(1).AddDays(-1);
            var figures = Contracts.Tickets.TicketFigures.Of(from, to, [.. submitted.Where(t => ChinaCalendar.DateOf(t.SubmittedAt).Month == month).Select(t => t.Facts())]);
            return new QuarterlyReport.MonthFigures(month, figures.Volume, figures.AcceptedOnTimeRate, figures.ResolvedOnTimeRate, figures.SatisfactionRate);
        });
        return new QuarterlyReport(year, quarter, period, clock.GetUtcNow(),
            [.. measures
                .Select(m => (Order: measureOrder.IndexOf(m.Measure),
                    Row: new QuarterlyReport.MeasureRow(SheetRows.Text("Measure_" + m.Measure) ?? m.Measure, NameOf(m.UnitId), m.Part, m.Whole, m.Rate)))
                .OrderBy(m => m.Order).ThenBy(m => m.Row.Measure, StringComparer.Ordinal).ThenBy(m => m.Row.Unit, StringComparer.Ordinal)
                .Select(m => m.Row)],
            [.. months],
            [.. escalated.Select(t => new QuarterlyReport.OpenEscalation(t.Number, SheetRows.Text("Category_" + t.Category) ?? t.Category,
                t.LeadUnitId is { } lead ? NameOf(lead) : "", t.Urges, t.Supervisions, t.PublicNotices))]);
    }
}
