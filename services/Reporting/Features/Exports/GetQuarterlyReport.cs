using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Printing;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>The quarterly report a committee office files: a PDF (default), or its tables as a spreadsheet.</summary>
public static class GetQuarterlyReport
{
    public const string PdfContentType = "application/pdf";
    private const string Pdf = "pdf", Xlsx = "xlsx";

    public static RouteHandlerBuilder MapGetQuarterlyReport(this RouteGroupBuilder group) => group
        .MapGet("/reports/quarterly", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .Produces<Stream>(StatusCodes.Status200OK, PdfContentType, XlsxExport.ContentType)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .WithName("GetQuarterlyReport")
        .WithSummary("The quarterly work report (default: this quarter) as a PDF: measures by branch, ticket trends by month, open escalations; format=xlsx gives its tables")
        .DescribeParameter("year", "The China calendar year, e.g. 2027 (default: this year)")
        .DescribeParameter("quarter", "1 to 4 (default: this quarter)")
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            XlsxExport.DescribeFormat(operation, [Pdf, Xlsx],
                "pdf (default) or xlsx: the report's tables, one sheet each. Accept: " + XlsxExport.ContentType + " asks for the spreadsheet too.");
            return Task.CompletedTask;
        });

    /// <summary>The 503 when the server lacks the Chinese font the PDF is drawn with.</summary>
    public static ProblemHttpResult FontMissing() => TypedResults.Problem(
        title: ExportTexts.FontMissing_Title, detail: ExportTexts.FontMissing_Detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        int? year, int? quarter, HttpContext context, QuarterlyReports reports, ChineseFont font, IOptions<JsonOptions> json, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(year, quarter, problems);
        var format = XlsxExport.FormatOf(context.Request, Pdf);
        if (format is not (Pdf or Xlsx))
        {
            problems[XlsxExport.FormatParameter] = [ExportTexts.ReportFormatInvalid];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        using var typeface = format == Pdf ? font.Load() : null;
        if (format == Pdf && typeface is null)
        {
            return FontMissing();
        }
        var report = await reports.ForAsync(year ?? today.Year, quarter ?? Periods.QuarterOf(today), cancellationToken);
        var title = string.Format(CultureInfo.CurrentCulture, "{0}_{1}Q{2}", ExportTexts.File_GetQuarterlyReport, report.Year, report.Quarter);
        if (typeface is not null)
        {
            return TypedResults.File(QuarterlyReportPdf.Render(report, typeface), PdfContentType, title + ".pdf");
        }
        var options = json.Value.SerializerOptions;
        return await XlsxExport.FileAsync(
        [
            (ExportTexts.Sheet_Measures, SheetRows.Of(report.Measures, options).Rows),
            (ExportTexts.Sheet_Months, SheetRows.Of(report.Months, options).Rows),
            (ExportTexts.Sheet_Escalations, SheetRows.Of(report.Escalations, options).Rows),
        ], title, [report.Period.From, report.Period.To], cancellationToken);
    }
}
