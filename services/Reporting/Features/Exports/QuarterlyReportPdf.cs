using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Printing;
using BrandPlatform.Reporting.Resources;
using ScottPlot;
using SkiaSharp;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>The quarterly report as the PDF a committee office files: title, period, generation time, three sections, page numbers.</summary>
public static class QuarterlyReportPdf
{
    private const string NoFigure = "—";
    private const float ChartHeight = 200f;

    public static byte[] Render(QuarterlyReport report, SKTypeface typeface)
    {
        var culture = CultureInfo.CurrentCulture;
        var title = string.Format(culture, ExportTexts.Report_Title, report.Year, report.Quarter);
        var pages = new PdfPages(typeface);
        pages.Text(title, 16f, bold: true, centred: true, after: 8f);
        pages.Text(string.Format(culture, ExportTexts.Report_Period, Day(report.Period.From), Day(report.Period.To)), 10.5f, centred: true, after: 2f);
        pages.Text(string.Format(culture, ExportTexts.Report_Generated,
            report.GeneratedAt.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), 10.5f, centred: true, after: 16f);

        Measures(pages, report);
        Trends(pages, report);
        Escalations(pages, report);

        using var stream = new MemoryStream();
        pages.WriteTo(stream, (page, count) => string.Format(culture, ExportTexts.Report_Page, page, count), title, report.GeneratedAt);
        return stream.ToArray();
    }

    private static void Measures(PdfPages pages, QuarterlyReport report)
    {
        pages.Text(ExportTexts.Report_Measures, 12.5f, bold: true);
        if (report.Measures.Count == 0)
        {
            pages.Text(ExportTexts.Report_NoMeasures, 10f, after: 12f);
            return;
        }
        foreach (var group in report.Measures.GroupBy(m => m.Measure))
        {
            pages.Text(group.Key, 11f, bold: true, after: 4f);
            pages.Table([ExportTexts.Unit, ExportTexts.Part, ExportTexts.Whole, ExportTexts.Rate], [4, 1.3f, 1.3f, 1.3f], [false, true, true, true],
                group.Select(m => (IReadOnlyList<string>)[m.Unit, Count(m.Part), Count(m.Whole), Rate(m.Rate)]));
            var rows = group.ToList();
            pages.Chart(ChartHeight, (canvas, width, height) =>
            {
                using var plot = NewPlot();
                plot.Add.Bars(rows.Select((m, i) => new Bar { Position = i, Value = Percent(m.Rate) ?? 0 }).ToArray());
                plot.Axes.Bottom.SetTicks([.. rows.Select((_, i) => (double)i)], [.. rows.Select(m => m.Unit)]);
                if (rows.Count > 5)
                {
                    plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
                    plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
                }
                plot.Axes.SetLimitsY(0, 105);
                plot.Render(canvas, width, height);
            });
        }
    }

    private static void Trends(PdfPages pages, QuarterlyReport report)
    {
        pages.Text(ExportTexts.Report_Trends, 12.5f, bold: true);
        pages.Text(ExportTexts.Report_TrendsNote, 9f, after: 4f);
        pages.Table([ExportTexts.Month, ExportTexts.Volume, ExportTexts.AcceptedOnTimeRate, ExportTexts.ResolvedOnTimeRate, ExportTexts.SatisfactionRate],
            [1.2f, 1, 1.3f, 1.3f, 1.3f], [false, true, true, true, true],
            report.Months.Select(m => (IReadOnlyList<string>)[MonthLabel(m.Month), Count(m.Volume), Rate(m.AcceptedOnTimeRate),
                Rate(m.ResolvedOnTimeRate), Rate(m.SatisfactionRate)]));
        pages.Chart(ChartHeight + 20, (canvas, width, height) =>
        {
            using var plot = NewPlot();
            (string Label, Func<QuarterlyReport.MonthFigures, double?> Rate)[] series =
            [
                (ExportTexts.ResolvedOnTimeRate, m => m.ResolvedOnTimeRate),
                (ExportTexts.AcceptedOnTimeRate, m => m.AcceptedOnTimeRate),
                (ExportTexts.SatisfactionRate, m => m.SatisfactionRate),
            ];
            foreach (var (label, rate) in series)
            {
                // A month without tickets to count has no point: the line joins the months that have one.
                var months = report.Months.Where(m => rate(m) is not null).ToList();
                var line = plot.Add.Scatter(months.Select(m => (double)m.Month).ToArray(), months.Select(m => Percent(rate(m))!.Value).ToArray());
                line.LegendText = label;
            }
            plot.Axes.Bottom.SetTicks([.. report.Months.Select(m => (double)m.Month)], [.. report.Months.Select(m => MonthLabel(m.Month))]);
            plot.Axes.SetLimits(report.Months[0].Month - 0.5, report.Months[^1].Month + 0.5, 0, 105);
            plot.ShowLegend(Edge.Bottom);
            plot.Render(canvas, width, height);
        });
    }

    private static void Escalations(PdfPages pages, QuarterlyReport report)
    {
        pages.Text(ExportTexts.Report_Escalations, 12.5f, bold: true);
        if (report.Escalations.Count == 0)
        {
            pages.Text(ExportTexts.Report_NoEscalations, 10f);
            return;
        }
        pages.Table([ExportTexts.Number, ExportTexts.Category, ExportTexts.LeadUnit, ExportTexts.Urges, ExportTexts.Supervisions, ExportTexts.PublicNotices],
            [2, 1, 3, 0.9f, 0.9f, 0.9f], [false, false, false, true, true, true],
            report.Escalations.Select(e => (IReadOnlyList<string>)[e.Number, e.Category, e.LeadUnit, Count(e.Urges), Count(e.Supervisions), Count(e.PublicNotices)]));
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(ChineseFont.Family);
        plot.YLabel(ExportTexts.Report_RateAxis);
        return plot;
    }

    private static double? Percent(double? rate) => rate is null ? null : Math.Round(rate.Value * 100, 1);

    private static string Rate(double? rate) => rate is null ? NoFigure : (rate.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string MonthLabel(int month) => string.Format(CultureInfo.CurrentCulture, ExportTexts.Report_MonthLabel, month);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
