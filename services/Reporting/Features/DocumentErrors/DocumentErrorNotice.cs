using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Printing;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace BrandPlatform.Reporting.Features.DocumentErrors;

/// <summary>One row of a notice: an error of the month, in the notice's words.</summary>
public sealed record NoticeError(DateOnly FoundOn, string DocumentNumber, string DocumentTitle, string ErrorType, string Stage, string Drafter, string FoundBy);

public sealed record NoticeTypeCount(string ErrorType, int Errors);

/// <summary>A department's 错情通报 for a month: its errors and their counts by type.</summary>
public sealed record DocumentErrorNoticeData(
    int Year, int Month, Guid DepartmentId, string Department, DateTimeOffset GeneratedAt, IReadOnlyList<NoticeError> Errors,
    IReadOnlyList<NoticeTypeCount> ByType);

/// <summary>
/// The monthly 错情通报 of a department, as the PDF the office circulates (title, period, department, generation time,
/// the month's errors and the counts by type) or as a spreadsheet of the same rows. The office and the leaders read
/// every department's; a department's people read their own; for anyone else it does not exist.
/// </summary>
public static class DocumentErrorNotice
{
    private const string Pdf = "pdf", Xlsx = "xlsx";

    public static RouteGroupBuilder MapDocumentErrorNotice(this RouteGroupBuilder supervision)
    {
        supervision.MapGet("/document-errors/notice", HandleAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .Produces<Stream>(StatusCodes.Status200OK, GetQuarterlyReport.PdfContentType, XlsxExport.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetDocumentErrorNotice")
            .WithSummary("A department's monthly 错情通报 as a PDF (default) or, with format=xlsx, its rows as a spreadsheet")
            .DescribeParameter("year", "The China calendar year (default: this year)")
            .DescribeParameter("month", "1 to 12 (default: this month)")
            .DescribeParameter("departmentId", "The department (required)")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                XlsxExport.DescribeFormat(operation, [Pdf, Xlsx], "pdf (default) or xlsx: the month's errors and the counts by type, one sheet each.");
                return Task.CompletedTask;
            });
        return supervision;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> HandleAsync(
        int? year, int? month, Guid? departmentId, HttpContext context, ReportingDbContext db, IOptions<DocumentErrorOptions> options,
        ChineseFont font, IOptions<JsonOptions> json, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(year, null, problems);
        if (month is < 1 or > 12)
        {
            problems["month"] = [DocumentTexts.MonthInvalid];
        }
        if (departmentId is null || departmentId == Guid.Empty)
        {
            problems["departmentId"] = [DocumentTexts.DepartmentRequired];
        }
        var format = XlsxExport.FormatOf(context.Request, Pdf);
        if (format is not (Pdf or Xlsx))
        {
            problems[XlsxExport.FormatParameter] = [DocumentTexts.NoticeFormatInvalid];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var caller = context.Caller();
        var department = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == departmentId && u.Kind == UnitKinds.Department, cancellationToken);
        if (!caller.MayReadAll() && !caller.UnitIds.Contains(departmentId!.Value))
        {
            return TypedResults.Problem(title: DocumentTexts.NoticeNotFound_Title, detail: DocumentTexts.NoticeNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
        }
        if (department is null)
        {
            return FieldProblems.Unprocessable("departmentId", DocumentTexts.NotADepartment, DocumentTexts.ReferenceNotFound_Detail);
        }
        using var typeface = format == Pdf ? font.Load() : null;
        if (format == Pdf && typeface is null)
        {
            return GetQuarterlyReport.FontMissing();
        }
        var today = clock.Today();
        var notice = await NoticeAsync(db, options.Value, department, year ?? today.Year, month ?? today.Month, clock.GetUtcNow(), cancellationToken);
        var title = string.Format(CultureInfo.InvariantCulture, "{0}_{1}_{2}-{3:00}", DocumentTexts.Notice_Title, department.Name, notice.Year, notice.Month);
        if (typeface is not null)
        {
            return TypedResults.File(Render(notice, typeface), GetQuarterlyReport.PdfContentType, title + ".pdf");
        }
        var first = new DateOnly(notice.Year, notice.Month, 1);
        var serializer = json.Value.SerializerOptions;
        return await XlsxExport.FileAsync(
        [
            (DocumentTexts.Notice_Errors, SheetRows.Of(notice.Errors, serializer).Rows),
            (DocumentTexts.Notice_ByType, SheetRows.Of(notice.ByType, serializer).Rows),
        ], DocumentTexts.Notice_Title + "_" + department.Name, [first, first.AddMonths(1).AddDays(-1)], cancellationToken);
    }

    private static async Task<DocumentErrorNoticeData> NoticeAsync(
        ReportingDbContext db, DocumentErrorOptions types, DirectoryUnit department, int year, int month, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var errors = await db.DocumentErrors.AsNoTracking()
            .Where(e => e.DepartmentId == department.Id && e.FoundOn >= first && e.FoundOn <= last)
            .OrderBy(e => e.FoundOn).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture;
        return new DocumentErrorNoticeData(year, month, department.Id, department.Name, now,
            [.. errors.Select(e => new NoticeError(e.FoundOn, e.DocumentNumber, e.DocumentTitle, types.LabelOf(e.ErrorType),
                DocumentTexts.ResourceManager.GetString($"{nameof(ErrorStage)}_{e.Stage}", culture) ?? e.Stage.ToCode(), e.DrafterName, e.FoundBy))],
            [.. types.Effective.Select(t => new NoticeTypeCount(t.Label, errors.Count(e => e.ErrorType == t.Code))).Where(c => c.Errors > 0)]);
    }

    private static byte[] Render(DocumentErrorNoticeData notice, SKTypeface typeface)
    {
        var culture = CultureInfo.CurrentCulture;
        var pages = new PdfPages(typeface);
        pages.Text(DocumentTexts.Notice_Title, 16f, bold: true, centred: true, after: 8f);
        pages.Text(string.Format(culture, DocumentTexts.Notice_Period, notice.Year, notice.Month), 10.5f, centred: true, after: 2f);
        pages.Text(string.Format(culture, DocumentTexts.Notice_Department, notice.Department), 10.5f, centred: true, after: 2f);
        pages.Text(string.Format(culture, DocumentTexts.Notice_Generated,
            notice.GeneratedAt.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)), 10.5f, centred: true, after: 16f);
        pages.Text(DocumentTexts.Notice_Errors, 12.5f, bold: true);
        if (notice.Errors.Count == 0)
        {
            pages.Text(DocumentTexts.Notice_None, 10f, after: 12f);
        }
        else
        {
            pages.Table(
                [DocumentTexts.Col_FoundOn, DocumentTexts.Col_Number, DocumentTexts.Col_Title, DocumentTexts.Col_Type, DocumentTexts.Col_Stage,
                    DocumentTexts.Col_Drafter, DocumentTexts.Col_FoundBy],
                [1.5f, 2.6f, 2.4f, 1.5f, 1.3f, 1.3f, 1.3f], [false, false, false, false, false, false, false],
                notice.Errors.Select(e => (IReadOnlyList<string>)[e.FoundOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.DocumentNumber,
                    e.DocumentTitle, e.ErrorType, e.Stage, e.Drafter, e.FoundBy]));
            pages.Text(DocumentTexts.Notice_ByType, 12.5f, bold: true);
            pages.Table([DocumentTexts.Col_Type, DocumentTexts.Col_Count], [3, 1], [false, true],
                [.. notice.ByType.Select(t => (IReadOnlyList<string>)[t.ErrorType, t.Errors.ToString(CultureInfo.InvariantCulture)]),
                    [DocumentTexts.Notice_Total, notice.Errors.Count.ToString(CultureInfo.InvariantCulture)]]);
        }
        using var stream = new MemoryStream();
        pages.WriteTo(stream, (page, count) => string.Format(culture, DocumentTexts.Notice_Page, page, count), DocumentTexts.Notice_Title,
            notice.GeneratedAt);
        return stream.ToArray();
    }
}
