using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Portal.Api;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Reports;

/// <summary>One report the exports page offers: its API address for a year's quarter.</summary>
public sealed record ExportChoice(string Key, Func<int, int, string> ApiPath)
{
    public string Title => ReportScreenTexts.ResourceManager.GetString("Export_" + Key, ReportScreenTexts.Culture) ?? Key;
}

/// <summary>
/// The office's exports (reporting's quarterly report and its spreadsheets of ticket figures), each for a quarter, as
/// files the browser downloads through the portal (see <see cref="FileDownloads"/>).
/// </summary>
public static class ExportDownloads
{
    public const string Path = "reports/exports/file";

    public static readonly IReadOnlyList<ExportChoice> Choices =
    [
        new("quarterlyPdf", (year, quarter) => $"api/reporting/reports/quarterly?year={year}&quarter={quarter}&format=pdf"),
        new("quarterlyXlsx", (year, quarter) => $"api/reporting/reports/quarterly?year={year}&quarter={quarter}&format=xlsx"),
        new("ticketsByUnit", (year, quarter) => TicketFigures(year, quarter, "unit")),
        new("ticketsByChamber", (year, quarter) => TicketFigures(year, quarter, "chamber")),
        new("ticketsByMonth", (year, quarter) => TicketFigures(year, quarter, "month")),
    ];

    public static void MapExportDownloads(this WebApplication app) =>
        app.MapFileDownload(Path, ReportRoles.Readers, query =>
            Choices.FirstOrDefault(c => c.Key == query["export"]) is { } choice
            && int.TryParse(query["year"], CultureInfo.InvariantCulture, out var year)
            && int.TryParse(query["quarter"], CultureInfo.InvariantCulture, out var quarter)
            // The page offers these; anything else is no date to ask about.
            && year is >= 1 and <= 9998 && quarter is >= 1 and <= 4
                ? choice.ApiPath(year, quarter)
                : null, $"reports/exports?download={FileDownloads.Failed}");

    /// <summary>The quarter's ticket figures as a spreadsheet (the API's period is from and to, China dates).</summary>
    private static string TicketFigures(int year, int quarter, string groupBy)
    {
        var period = Periods.Quarter(year, quarter);
        return FormattableString.Invariant($"api/reporting/tickets/figures?from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}&groupBy={groupBy}&format=xlsx");
    }
}
