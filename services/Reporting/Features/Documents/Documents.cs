using System.Globalization;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Documents;

/// <summary>
/// The register of received documents (文件不过夜): the office registers each with its priority class and deadline and
/// gives it to a department or a person; whoever handles it signs it read and answers or files it. A document is
/// seen by the office and the leaders, and by its assignee (the person, or the members of the department); for anyone
/// else it does not exist.
/// </summary>
public static class Documents
{
    private const string Document = "/documents/{id:guid}";

    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder supervision)
    {
        supervision.MapPost("/documents", RegisterAsync)
            .Validate<RegisterDocumentRequest>()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, SupervisionAccess.Office)
            .WithName("RegisterDocument")
            .WithSummary("Register a received document (收文) with its priority class; its deadline follows from the class and the working calendar (the office)");
        supervision.MapGet("/documents", ListAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListDocuments")
            .WithSummary("Received documents, newest first: all for the office and leaders, one's own and one's department's for others")
            .DescribeParameter("state", "received, assigned or handled (default: all)");
        supervision.MapGet("/documents/open-at-close", OpenAtCloseAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("GetDocumentsOpenAtClose")
            .WithSummary("The documents received by a working day's close and not answered or filed by then (文件不过夜; default: the latest working day)")
            .DescribeParameter("day", "A working day, yyyy-MM-dd (default: today, or the last working day before it on a day off)");
        supervision.MapGet(Document, GetAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("GetDocument")
            .WithSummary("Read a received document: deadline, assignee, who read it, outcome");
        supervision.MapStep<AssignDocumentRequest>("/assign", "AssignDocument",
            "Give the document to a department or a person (again: the new assignee replaces the old; the office)", SupervisionAccess.Office,
            async (document, r, s) =>
            {
                if (r.UnitId is { } unit && !await s.Db.Units.AnyAsync(u => u.Id == unit && u.ValidTo == null, s.CancellationToken))
                {
                    return FieldProblems.Unprocessable("unitId", DocumentTexts.UnitNotFound, DocumentTexts.ReferenceNotFound_Detail);
                }
                if (r.PersonId is { } person && !await s.Db.UnitMembers.On(ChinaCalendar.DateOf(s.Now)).AnyAsync(m => m.PersonId == person, s.CancellationToken))
                {
                    return FieldProblems.Unprocessable("personId", DocumentTexts.PersonNotFound, DocumentTexts.ReferenceNotFound_Detail);
                }
                document.Assign(r.UnitId, r.PersonId, s.Now);
                return null;
            });
        supervision.MapStep("/read", "ReadDocument",
            "Sign the document read (签阅): the caller and the time; a second signature keeps the first", SupervisionAccess.Participants,
            (document, s) =>
            {
                if (NotAssignee(document, s.Caller) is { } refused)
                {
                    return Task.FromResult<ProblemHttpResult?>(refused);
                }
                document.MarkRead(s.Caller.UserId!.Value, s.Caller.DisplayName, s.Now);
                return Task.FromResult<ProblemHttpResult?>(null);
            });
        supervision.MapStep<HandleDocumentRequest>("/handle", "HandleDocument",
            "Answer (办结) or file (归档) an assigned document, with a note (its assignee or the office)", SupervisionAccess.Participants,
            (document, r, s) =>
            {
                if (NotAssignee(document, s.Caller) is { } refused)
                {
                    return Task.FromResult<ProblemHttpResult?>(refused);
                }
                document.Handle(r.Outcome!.Value, r.Note, s.Caller.Signature, s.Now);
                return Task.FromResult<ProblemHttpResult?>(null);
            });
        return supervision;
    }

    internal static async Task<Results<Created<DocumentResponse>, ValidationProblem>> RegisterAsync(
        RegisterDocumentRequest request, HttpContext context, ReportingDbContext db, DocumentDeadlines deadlines, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receivedAt = request.ReceivedAt ?? now;
        if (receivedAt > now)
        {
            return FieldProblems.Invalid("receivedAt", DocumentTexts.ReceivedInFuture);
        }
        var priority = request.Priority!.Value;
        var document = ReceivedDocument.Register(request.Number!, request.Issuer!, request.Title!, request.Class!, priority, receivedAt,
            deadlines.DueFor(priority, receivedAt), context.Caller().Signature, now);
        db.ReceivedDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = DocumentResponse.ETagOf(document);
        return TypedResults.Created($"/api/supervision/documents/{document.Id}", DocumentResponse.From(document, now));
    }

    internal static async Task<Results<Ok<Page<DocumentResponse>>, ValidationProblem>> ListAsync(
        DocumentState? state, string? cursor, int? limit, HttpContext context, ReportingDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var documents = db.ReceivedDocuments.AsNoTracking().SeenBy(context.Caller());
        if (state is { } wanted)
        {
            documents = documents.Where(d => d.State == wanted);
        }
        var page = await documents.PageAsync(paging, d => d.ReceivedAt, d => d.Id, context, cancellationToken, descending: true);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(page.Select(d => DocumentResponse.From(d, now)));
    }

    internal static async Task<Results<Ok<OpenAtCloseResponse>, ValidationProblem>> OpenAtCloseAsync(
        DateOnly? day, HttpContext context, ReportingDbContext db, WorkingCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var asked = day ?? calendar.LatestWorkingDay(clock.Today());
        if (!calendar.IsWorkingDay(asked))
        {
            return FieldProblems.Invalid("day", string.Format(CultureInfo.CurrentCulture, DocumentTexts.NotAWorkingDay,
                asked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var close = calendar.CloseOf(asked);
        var open = await db.ReceivedDocuments.AsNoTracking().SeenBy(context.Caller()).OpenAt(close)
            .OrderBy(d => d.Deadline).ThenBy(d => d.ReceivedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new OpenAtCloseResponse(asked, close, open.Count, [.. open.Select(d => DocumentResponse.From(d, now))]));
    }

    internal static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var document = await db.ReceivedDocuments.AsNoTracking().SeenBy(context.Caller()).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = DocumentResponse.ETagOf(document);
        return TypedResults.Ok(DocumentResponse.From(document, clock.GetUtcNow()));
    }

    /// <summary>Received by <paramref name="moment"/> and not answered or filed by then.</summary>
    internal static IQueryable<ReceivedDocument> OpenAt(this IQueryable<ReceivedDocument> documents, DateTimeOffset moment) =>
        documents.Where(d => d.ReceivedAt <= moment && (d.HandledAt == null || d.HandledAt > moment));

    /// <summary>What the caller may see: everything for the office and the leaders, else what is assigned to them or a unit of theirs.</summary>
    internal static IQueryable<ReceivedDocument> SeenBy(this IQueryable<ReceivedDocument> documents, Caller caller)
    {
        if (caller.MayReadAll())
        {
            return documents;
        }
        var person = caller.UserId;
        var units = caller.UnitIds.ToList();
        return documents.Where(d => (person != null && d.AssigneePersonId == person)
            || (d.AssigneeUnitId != null && units.Contains(d.AssigneeUnitId.Value)));
    }

    /// <summary>403 for one who sees the document (a leader) but neither handles it nor is the office; null for the rest.</summary>
    private static ProblemHttpResult? NotAssignee(ReceivedDocument document, Caller caller) =>
        caller.IsOffice() || document.IsAssignedTo(caller.UserId, caller.UnitIds)
            ? null
            : TypedResults.Problem(title: DocumentTexts.NotAssignee_Title, detail: DocumentTexts.NotAssignee_Detail, statusCode: StatusCodes.Status403Forbidden);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: DocumentTexts.DocumentNotFound_Title, detail: DocumentTexts.DocumentNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    private sealed record StepContext(ReportingDbContext Db, Caller Caller, DateTimeOffset Now, CancellationToken CancellationToken);

    /// <summary>A step whose request body <typeparamref name="TRequest"/> is validated before the document is loaded.</summary>
    private static void MapStep<TRequest>(
        this RouteGroupBuilder supervision, string step, string name, string summary, string[] roles,
        Func<ReceivedDocument, TRequest, StepContext, Task<ProblemHttpResult?>> apply) where TRequest : class =>
        supervision.MapPost(Document + step, (Guid id, TRequest request, HttpContext context, ReportingDbContext db, TimeProvider clock,
                CancellationToken cancellationToken) => StepAsync(id, context, db, clock, (document, s) => apply(document, request, s), cancellationToken))
            .Validate<TRequest>()
            .Describe(name, summary, roles);

    /// <summary>A step that takes no body.</summary>
    private static void MapStep(
        this RouteGroupBuilder supervision, string step, string name, string summary, string[] roles,
        Func<ReceivedDocument, StepContext, Task<ProblemHttpResult?>> apply) =>
        supervision.MapPost(Document + step, (Guid id, HttpContext context, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
                StepAsync(id, context, db, clock, apply, cancellationToken))
            .Describe(name, summary, roles);

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string summary, string[] roles) => endpoint
        .ChecksIfMatch()
        .RequirePersonAccess(SupervisionAccess.WriteScopes, roles)
        .WithName(name)
        .WithSummary(summary);

    /// <summary>
    /// A step on one document: load it if the caller may see it (404 otherwise), compare If-Match (412), let the
    /// document make the change (409 naming its state), save (the outbox takes the events) and answer with the new ETag.
    /// </summary>
    private static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult>> StepAsync(
        Guid id, HttpContext context, ReportingDbContext db, TimeProvider clock, Func<ReceivedDocument, StepContext, Task<ProblemHttpResult?>> apply,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var document = await db.ReceivedDocuments.SeenBy(caller).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(DocumentResponse.ETagOf(document)) is { } stale)
        {
            return stale;
        }
        var now = clock.GetUtcNow();
        if (await apply(document, new StepContext(db, caller, now, cancellationToken)) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = DocumentResponse.ETagOf(document);
        return TypedResults.Ok(DocumentResponse.From(document, now));
    }
}
