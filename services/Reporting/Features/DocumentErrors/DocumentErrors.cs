using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Reporting.Features.DocumentErrors;

public sealed record DocumentErrorResponse(
    Guid Id, string DocumentNumber, string DocumentTitle, string ErrorType, string ErrorTypeLabel, string? Description, string FoundBy,
    ErrorStage Stage, Guid DepartmentId, Guid DrafterId, string DrafterName, DateOnly FoundOn, DateTimeOffset RecordedAt)
{
    public static DocumentErrorResponse From(DocumentErrorReport e, DocumentErrorOptions types) => new(
        e.Id, e.DocumentNumber, e.DocumentTitle, e.ErrorType, types.LabelOf(e.ErrorType), e.Description, e.FoundBy, e.Stage, e.DepartmentId,
        e.DrafterId, e.DrafterName, e.FoundOn, e.RecordedAt);
}

/// <param name="Departments">The departments the drafter's errors were charged to in the window.</param>
public sealed record RepeatDrafter(Guid DrafterId, string DrafterName, IReadOnlyList<Guid> Departments, int Errors, DateOnly LastFoundOn);

/// <summary>Drafters with at least <see cref="DocumentErrors.RepeatThreshold"/> errors found from <c>From</c> to <c>To</c> (three months).</summary>
public sealed record RepeatDraftersResponse(DateOnly From, DateOnly To, IReadOnlyList<RepeatDrafter> Drafters);

public sealed record DocumentErrorFigure(int Month, Guid DepartmentId, string DepartmentName, int Errors);

/// <summary>The 错情 trend: errors found per month and department in a year.</summary>
public sealed record DocumentErrorFiguresResponse(int Year, int Total, IReadOnlyList<DocumentErrorFigure> Rows);

/// <summary>
/// The 错情通报 register: the office records errors found in outgoing documents (at the review before issue or after
/// issue); a department reads its own, the office and the leaders all of them; the office alone sees who keeps making
/// them. Each department's month is the notice (PDF or XLSX), and the year's counts per month and department are the trend.
/// </summary>
public static class DocumentErrors
{
    /// <summary>Errors within three months that make a drafter a repeat offender.</summary>
    public const int RepeatThreshold = 2;

    public static RouteGroupBuilder MapDocumentErrors(this RouteGroupBuilder supervision)
    {
        supervision.MapPost("/document-errors", RecordAsync)
            .Validate<RecordDocumentErrorRequest>()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, SupervisionAccess.Office)
            .WithName("RecordDocumentError")
            .WithSummary("Record an error found in an outgoing document (错情), with its type, stage, responsible department and drafter (the office)");
        supervision.MapGet("/document-errors", ListAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListDocumentErrors")
            .WithSummary("Errors recorded, newest found first: all for the office and leaders, one's own department's for others")
            .DescribeParameter("departmentId", "Only this department's errors");
        supervision.MapGet("/document-errors/types", Types)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListDocumentErrorTypes")
            .WithSummary("The error types of the register (Supervision:DocumentErrors:Types): codes and their labels");
        supervision.MapGet("/document-errors/repeat-drafters", RepeatDraftersAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Office)
            .WithName("ListRepeatDrafters")
            .WithSummary("Drafters with two or more errors found in the three months up to a day (default: today); the office only")
            .DescribeParameter("on", "The last day of the three months, yyyy-MM-dd (default: today)");
        supervision.MapGet("/document-errors/{id:guid}", GetAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("GetDocumentError")
            .WithSummary("Read one error report");
        supervision.MapDocumentErrorNotice();
        supervision.MapGet("/figures/document-errors", FiguresAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.ReadsAll)
            .WithName("GetDocumentErrorFigures")
            .WithSummary("Errors found per month and department in a year (the 错情 trend; default: this year)")
            .DescribeParameter("year", "The China calendar year (default: this year)");
        return supervision;
    }

    internal static async Task<Results<Created<DocumentErrorResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        RecordDocumentErrorRequest request, HttpContext context, ReportingDbContext db, IOptions<DocumentErrorOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var types = options.Value;
        var today = clock.Today();
        var problems = new Dictionary<string, string[]>();
        if (types.Effective.All(t => t.Code != request.ErrorType))
        {
            problems["errorType"] = [string.Format(CultureInfo.CurrentCulture, DocumentTexts.ErrorTypeUnknown, types.Codes)];
        }
        if (request.FoundOn > today)
        {
            problems["foundOn"] = [DocumentTexts.FoundInFuture];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var department = request.DepartmentId!.Value;
        if (!await db.Units.AnyAsync(u => u.Id == department && u.ValidTo == null && u.Kind == UnitKinds.Department, cancellationToken))
        {
            return FieldProblems.Unprocessable("departmentId", DocumentTexts.NotADepartment, DocumentTexts.ReferenceNotFound_Detail);
        }
        var drafter = request.DrafterId!.Value;
        var drafterName = await db.UnitMembers.Where(m => m.PersonId == drafter && m.JoinedOn != null)
            .OrderByDescending(m => m.JoinedOn).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (drafterName is null)
        {
            return FieldProblems.Unprocessable("drafterId", DocumentTexts.PersonNotFound, DocumentTexts.ReferenceNotFound_Detail);
        }
        var now = clock.GetUtcNow();
        var report = DocumentErrorReport.Record(request.DocumentNumber!, request.DocumentTitle!, request.ErrorType!, request.Description,
            request.FoundBy!, request.Stage!.Value, department, drafter, drafterName, request.FoundOn ?? today, context.Caller().Signature, now);
        db.DocumentErrors.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/supervision/document-errors/{report.Id}", DocumentErrorResponse.From(report, types));
    }

    internal static async Task<Results<Ok<Page<DocumentErrorResponse>>, ValidationProblem>> ListAsync(
        Guid? departmentId, string? cursor, int? limit, HttpContext context, ReportingDbContext db, IOptions<DocumentErrorOptions> options,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateOnly, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var errors = db.DocumentErrors.AsNoTracking().SeenBy(context.Caller());
        if (departmentId is { } department)
        {
            errors = errors.Where(e => e.DepartmentId == department);
        }
        var page = await errors.PageAsync(paging, e => e.FoundOn, e => e.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(e => DocumentErrorResponse.From(e, options.Value)));
    }

    internal static Ok<IReadOnlyList<DocumentErrorType>> Types(IOptions<DocumentErrorOptions> options) => TypedResults.Ok(options.Value.Effective);

    internal static async Task<Results<Ok<DocumentErrorResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, ReportingDbContext db, IOptions<DocumentErrorOptions> options, CancellationToken cancellationToken)
    {
        var error = await db.DocumentErrors.AsNoTracking().SeenBy(context.Caller()).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return error is null
            ? TypedResults.Problem(title: DocumentTexts.ErrorNotFound_Title, detail: DocumentTexts.ErrorNotFound_Detail, statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(DocumentErrorResponse.From(error, options.Value));
    }

    internal static async Task<Ok<RepeatDraftersResponse>> RepeatDraftersAsync(
        DateOnly? on, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var to = on ?? clock.Today();
        var from = to.AddMonths(-3).AddDays(1);
        var errors = await db.DocumentErrors.AsNoTracking().Where(e => e.FoundOn >= from && e.FoundOn <= to)
            .Select(e => new { e.DrafterId, e.DrafterName, e.DepartmentId, e.FoundOn, e.RecordedAt }).ToListAsync(cancellationToken);
        var drafters = errors.GroupBy(e => e.DrafterId).Where(g => g.Count() >= RepeatThreshold)
            .Select(g => new RepeatDrafter(g.Key, g.MaxBy(e => e.RecordedAt)!.DrafterName, [.. g.Select(e => e.DepartmentId).Distinct()], g.Count(),
                g.Max(e => e.FoundOn)))
            .OrderByDescending(d => d.Errors).ThenBy(d => d.DrafterName, StringComparer.Ordinal).ThenBy(d => d.DrafterId).ToList();
        return TypedResults.Ok(new RepeatDraftersResponse(from, to, drafters));
    }

    internal static async Task<Results<Ok<DocumentErrorFiguresResponse>, ValidationProblem>> FiguresAsync(
        int? year, ReportingDbContext db, IUnitNames unitNames, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(year, null, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var period = Periods.Year(year ?? clock.Today().Year);
        var found = await db.DocumentErrors.AsNoTracking().Where(e => e.FoundOn >= period.From && e.FoundOn <= period.To)
            .Select(e => new { e.FoundOn, e.DepartmentId }).ToListAsync(cancellationToken);
        var names = await unitNames.NamesAsync([.. found.Select(e => e.DepartmentId).Distinct()], cancellationToken);
        var rows = found.GroupBy(e => (e.FoundOn.Month, e.DepartmentId))
            .Select(g => new DocumentErrorFigure(g.Key.Month, g.Key.DepartmentId, names.GetValueOrDefault(g.Key.DepartmentId, ""), g.Count()))
            .OrderBy(r => r.Month).ThenBy(r => r.DepartmentName, StringComparer.Ordinal).ThenBy(r => r.DepartmentId).ToList();
        return TypedResults.Ok(new DocumentErrorFiguresResponse(period.From.Year, found.Count, rows));
    }

    /// <summary>Everything for the office and the leaders; for others, their departments' errors and their own drafts.</summary>
    internal static IQueryable<DocumentErrorReport> SeenBy(this IQueryable<DocumentErrorReport> errors, Caller caller)
    {
        if (caller.MayReadAll())
        {
            return errors;
        }
        var person = caller.UserId;
        var units = caller.UnitIds.ToList();
        return errors.Where(e => units.Contains(e.DepartmentId) || (person != null && e.DrafterId == person));
    }
}
