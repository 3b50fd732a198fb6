using BrandPlatform.Portal.Components.Charts;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Reports;

// What the chamber figures read of GET /api/reporting/tickets/figures?groupBy=chamber.

public sealed record TicketFigureValues(int Volume, double? ResolvedOnTimeRate, double? SatisfactionRate);

public sealed record TicketFigureGroup(string Key, string Label, TicketFigureValues Figures);

public sealed record TicketFiguresByGroup(DateOnly From, DateOnly To, TicketFigureValues Total, IReadOnlyList<TicketFigureGroup> Groups);

/// <summary>The chamber figures as the charts' data: volume as counts, on-time and satisfaction as rates.</summary>
public static class ChamberCharts
{
    public static ChartData Volume(TicketFiguresByGroup figures) => new(ReportScreenTexts.Chambers_Chamber, Categories(figures),
        [new ChartSeries(ReportScreenTexts.Chambers_Volume, [.. figures.Groups.Select(g => (double?)g.Figures.Volume)])], ChartValueFormat.Count);

    public static ChartData Rates(TicketFiguresByGroup figures) => new(ReportScreenTexts.Chambers_Chamber, Categories(figures),
        [
            new ChartSeries(ReportScreenTexts.Chambers_OnTime, [.. figures.Groups.Select(g => g.Figures.ResolvedOnTimeRate)]),
            new ChartSeries(ReportScreenTexts.Chambers_Satisfaction, [.. figures.Groups.Select(g => g.Figures.SatisfactionRate)]),
        ], ChartValueFormat.Percent);

    // Tickets filed by no chamber's member come as the key "none", labelled by the API.
    private static List<ChartCategory> Categories(TicketFiguresByGroup figures) => [.. figures.Groups.Select(g => new ChartCategory(g.Label, g.Label))];
}
