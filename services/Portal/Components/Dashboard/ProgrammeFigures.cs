using System.Globalization;
using BrandPlatform.Portal.Components.Charts;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Dashboard;

/// <summary>The part of reporting's ticket figures (GET /api/reporting/tickets/figures) the dashboard draws.</summary>
public sealed record TicketFigures(int Volume, double? AcceptedOnTimeRate, double? ResolvedOnTimeRate, int Confirmed, double? SatisfactionRate);

public sealed record TicketFigureGroup(string Key, string Label, TicketFigures Figures);

public sealed record TicketFiguresAnswer(DateOnly From, DateOnly To, TicketFigures Total, IReadOnlyList<TicketFigureGroup> Groups);

/// <summary>A branch's row of reporting's study coverage (GET /api/reporting/study/coverage?groupBy=branch).</summary>
public sealed record CoverageRow(Guid UnitId, string UnitName, int Members, int Covered, double? Rate);

public sealed record CoverageAnswer(DateOnly From, DateOnly To, IReadOnlyList<CoverageRow> Rows);

/// <summary>
/// The figure routes the dashboard reads, the live areas whose change makes it read them again, and the charts' data.
/// A month without tickets is a month of the chart all the same (volume 0, no rate), so the months never shift.
/// </summary>
public static class ProgrammeFigures
{
    public const string TicketsPath = "api/reporting/tickets/figures?groupBy=month";
    public const string CoveragePath = "api/reporting/study/coverage?groupBy=branch";

    /// <summary>Reporting's projections (live areas) the ticket figures are read from.</summary>
    public static readonly string[] TicketAreas = ["ticket-records"];

    /// <summary>Coverage counts held activities against the branches' rosters.</summary>
    public static readonly string[] CoverageAreas = ["study-activities", "unit-rosters", "directory-units"];

    public static ChartData Coverage(CoverageAnswer answer) => new(
        DashboardTexts.Column_Branch,
        [.. answer.Rows.Select(r => new ChartCategory(r.UnitName, r.UnitName))],
        [new ChartSeries(DashboardTexts.Series_Coverage, [.. answer.Rows.Select(r => r.Rate)])],
        ChartValueFormat.Percent);

    public static ChartData Volume(TicketFiguresAnswer answer) =>
        ByMonth(answer, ChartValueFormat.Count, (DashboardTexts.Series_Volume, f => f?.Volume ?? 0));

    public static ChartData OnTime(TicketFiguresAnswer answer) => ByMonth(answer, ChartValueFormat.Percent,
        (DashboardTexts.Series_AcceptedOnTime, f => f?.AcceptedOnTimeRate),
        (DashboardTexts.Series_ResolvedOnTime, f => f?.ResolvedOnTimeRate));

    public static ChartData Satisfaction(TicketFiguresAnswer answer) =>
        ByMonth(answer, ChartValueFormat.Percent, (DashboardTexts.Series_Satisfaction, f => f?.SatisfactionRate));

    private static ChartData ByMonth(TicketFiguresAnswer answer, ChartValueFormat format, params (string Name, Func<TicketFigures?, double?> Value)[] series)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(answer.From.Year, answer.From.Month, 1); month <= answer.To; month = month.AddMonths(1))
        {
            months.Add(month);
        }
        var groups = answer.Groups.ToDictionary(g => g.Key, g => g.Figures);
        return new ChartData(
            DashboardTexts.Column_Month,
            [.. months.Select(m => new ChartCategory(
                m.ToString("Y", CultureInfo.CurrentCulture),
                CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedMonthName(m.Month)))],
            [.. series.Select(s => new ChartSeries(s.Name, [.. months.Select(m => s.Value(groups.GetValueOrDefault(m.ToString("yyyy-MM", CultureInfo.InvariantCulture))))]))],
            format);
    }
}
