using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Library;

/// <summary>
/// The case library (警示案例), /api/discipline/cases: the office records and corrects published cases; everyone taking
/// part reads and searches them (words of the title or summary, tags by violation type or family, publication dates),
/// and reads the tag list the portal shows.
/// </summary>
public static class Cases
{
    public const int SearchMaxLength = 200;
    public const int MaxSearchTerms = 10;

    /// <summary>The list's filters, each refused with a field error when it cannot be read.</summary>
    public sealed record CaseFilter(string? Q, string[]? ViolationType, string? Family, DateOnly? From, DateOnly? To)
    {
        internal IQueryable<WarningCase> Apply(IQueryable<WarningCase> cases, IDictionary<string, string[]> problems)
        {
            var types = QueryValues.Many<ViolationType>(ViolationType, "violationType", problems);
            if (types.Length > 0)
            {
                cases = cases.Where(c => c.ViolationTypes.Any(t => types.Contains(t)));
            }
            if (QueryValues.One<ViolationFamily>(Family, "family", problems) is { } family)
            {
                var ofFamily = Enum.GetValues<ViolationType>().Where(t => t.Family() == family).ToArray();
                cases = cases.Where(c => c.ViolationTypes.Any(t => ofFamily.Contains(t)));
            }
            if (From > To)
            {
                problems["from"] = [LibraryTexts.FromAfterTo];
            }
            if (From is { } from)
            {
                cases = cases.Where(c => c.PublishedOn >= from);
            }
            if (To is { } to)
            {
                cases = cases.Where(c => c.PublishedOn <= to);
            }
            foreach (var pattern in SearchPatterns(problems))
            {
                cases = cases.Where(c => EF.Functions.ILike(EF.Property<string>(c, DisciplineDbContext.CaseSearchText), pattern, LikePatterns.Escape));
            }
            return cases;
        }

        /// <summary>
        /// One ILIKE pattern per whitespace-separated term (each must occur), % and _ taken literally. The stored
        /// column's trigram index serves them: PostgreSQL has no word parser for Chinese, trigrams need none.
        /// </summary>
        private IEnumerable<string> SearchPatterns(IDictionary<string, string[]> problems)
        {
            if (string.IsNullOrWhiteSpace(Q))
            {
                return [];
            }
            if (Q.Length > SearchMaxLength)
            {
                problems["q"] = [string.Format(CultureInfo.CurrentCulture, LibraryTexts.SearchTooLong, SearchMaxLength)];
                return [];
            }
            var terms = Q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            if (terms.Count > MaxSearchTerms)
            {
                problems["q"] = [string.Format(CultureInfo.CurrentCulture, LibraryTexts.TooManyTerms, MaxSearchTerms)];
                return [];
            }
            return terms.Select(LikePatterns.Containing);
        }
    }

    public static RouteGroupBuilder MapLibrary(this RouteGroupBuilder discipline)
    {
        string[] read = [DisciplineAccess.ReadScope];
        string[] write = [DisciplineAccess.WriteScope];
        discipline.MapGet("/cases", ListAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("ListWarningCases")
            .WithSummary("The case library, newest published first; ?q= words that must all occur in the title or summary, ?violationType= (repeatable, any of), ?family=, ?from=/?to= publication dates; follow 'next'");
        discipline.MapGet("/cases/{id:guid}", GetAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetWarningCase")
            .WithSummary("One case of the library; the ETag is its version");
        discipline.MapPost("/cases", RecordAsync)
            .Validate<CaseRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("RecordWarningCase")
            .WithSummary("The office records a published case, tagged with 1 to 5 violation types (a publication date in the future: 422)");
        discipline.MapPut("/cases/{id:guid}", ReviseAsync)
            .Validate<CaseRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("ReviseWarningCase")
            .WithSummary("The office corrects a case; If-Match with the ETag it read (412 when stale); campaigns read it as it now stands");
        discipline.MapGet("/violation-types", ViolationTypeTags.List)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("ListViolationTypes")
            .WithSummary("Every violation type with its family and its Chinese and English labels: the library's tags");
        return discipline;
    }

    internal static async Task<Results<Ok<Page<CaseResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] CaseFilter filter, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var cases = filter.Apply(db.Cases.AsNoTracking(), problems);
        var paging = KeysetPaging.Read<DateOnly, Guid>(cursor, limit, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var page = await cases.PageAsync(paging, c => c.PublishedOn, c => c.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(CaseResponse.From));
    }

    internal static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var warningCase = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (warningCase is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = CaseResponse.ETagOf(warningCase);
        return TypedResults.Ok(CaseResponse.From(warningCase));
    }

    internal static async Task<Created<CaseResponse>> RecordAsync(
        CaseRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var warningCase = WarningCase.Record(request.Title!, request.Summary!, request.ViolationTypes!, request.Source!, request.PublishedOn!.Value,
            context.Caller().Signature, timeProvider.GetUtcNow());
        db.Cases.Add(warningCase);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = CaseResponse.ETagOf(warningCase);
        return TypedResults.Created($"/api/discipline/cases/{warningCase.Id}", CaseResponse.From(warningCase));
    }

    internal static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ReviseAsync(
        Guid id, CaseRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var warningCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (warningCase is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(CaseResponse.ETagOf(warningCase)) is { } stale)
        {
            return stale;
        }
        warningCase.Revise(request.Title!, request.Summary!, request.ViolationTypes!, request.Source!, request.PublishedOn!.Value, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = CaseResponse.ETagOf(warningCase);
        return TypedResults.Ok(CaseResponse.From(warningCase));
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LibraryTexts.CaseNotFound_Title, detail: LibraryTexts.CaseNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
