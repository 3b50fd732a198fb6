using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Library;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.QuestionBank;

/// <summary>
/// The integrity-knowledge bank (廉政知识题库), /api/discipline/questions: the office's alone, for it holds the answers.
/// Members meet a question only on a campaign's paper, which keeps its own copy: revising or retiring a question here
/// changes no paper being answered, and a retired question is only left out of the next draw.
/// </summary>
public static class Questions
{
    private const string Question = "/questions/{id:guid}";

    public static RouteGroupBuilder MapQuestionBank(this RouteGroupBuilder discipline)
    {
        string[] read = [DisciplineAccess.ReadScope];
        string[] write = [DisciplineAccess.WriteScope];
        discipline.MapGet("/questions", ListAsync)
            .RequirePersonAccess(read, DisciplineAccess.Office)
            .WithName("ListQuizQuestions")
            .WithSummary("The question bank, oldest first; ?kind=, ?violationType=, ?retired=true|false; follow 'next' (office only: it holds the answers)");
        discipline.MapGet(Question, GetAsync)
            .RequirePersonAccess(read, DisciplineAccess.Office)
            .WithName("GetQuizQuestion")
            .WithSummary("One question with its answer key; the ETag is its version (office only)");
        discipline.MapPost("/questions", CreateAsync)
            .Validate<QuestionRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("CreateQuizQuestion")
            .WithSummary("The office adds a single-choice, multiple-choice or true/false question; an answer key that does not fit the kind: 422");
        discipline.MapPut(Question, ReviseAsync)
            .Validate<QuestionRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("ReviseQuizQuestion")
            .WithSummary("The office revises a question; If-Match with the ETag it read (412 when stale); papers already drawn keep their copy");
        discipline.MapPost(Question + "/retire", (Guid id, HttpContext context, DisciplineDbContext db, TimeProvider clock, CancellationToken ct) =>
                ChangeAsync(id, context, db, ct, q => q.Retire(clock.GetUtcNow())))
            .ChecksIfMatch()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("RetireQuizQuestion")
            .WithSummary("The office retires a question: no later paper draws it; papers that hold it keep it");
        discipline.MapPost(Question + "/restore", (Guid id, HttpContext context, DisciplineDbContext db, TimeProvider clock, CancellationToken ct) =>
                ChangeAsync(id, context, db, ct, q => q.Restore(clock.GetUtcNow())))
            .ChecksIfMatch()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("RestoreQuizQuestion")
            .WithSummary("The office puts a retired question back in use");
        return discipline;
    }

    internal static async Task<Results<Ok<Page<QuestionResponse>>, ValidationProblem>> ListAsync(
        string? kind, string? violationType, bool? retired, string? cursor, int? limit, HttpContext context, DisciplineDbContext db,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var questions = db.Questions.AsNoTracking();
        if (QueryValues.One<QuestionKind>(kind, nameof(kind), problems) is { } wanted)
        {
            questions = questions.Where(q => q.Kind == wanted);
        }
        if (QueryValues.One<ViolationType>(violationType, nameof(violationType), problems) is { } type)
        {
            questions = questions.Where(q => q.ViolationTypes.Contains(type));
        }
        if (retired is { } isRetired)
        {
            questions = questions.Where(q => q.Retired == isRetired);
        }
        var paging = KeysetPaging.Read<Guid, Guid>(cursor, limit, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        // Ids are version 7, so their order is the order the questions were written in.
        var page = await questions.PageAsync(paging, q => q.Id, q => q.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(QuestionResponse.From));
    }

    internal static async Task<Results<Ok<QuestionResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var question = await db.Questions.AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = QuestionResponse.ETagOf(question);
        return TypedResults.Ok(QuestionResponse.From(question));
    }

    internal static async Task<Created<QuestionResponse>> CreateAsync(
        QuestionRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var question = QuizQuestion.Create(request.Kind!.Value, request.Stem!, request.Options!, request.CorrectOptions!, request.Explanation,
            request.ViolationTypes ?? [], context.Caller().Signature, timeProvider.GetUtcNow());
        db.Questions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = QuestionResponse.ETagOf(question);
        return TypedResults.Created($"/api/discipline/questions/{question.Id}", QuestionResponse.From(question));
    }

    internal static Task<Results<Ok<QuestionResponse>, ProblemHttpResult>> ReviseAsync(
        Guid id, QuestionRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, context, db, cancellationToken, question => question.Revise(request.Kind!.Value, request.Stem!, request.Options!,
            request.CorrectOptions!, request.Explanation, request.ViolationTypes ?? [], timeProvider.GetUtcNow()));

    /// <summary>Loads the question, checks If-Match (412 when stale), lets the entity change and saves; the answer carries the new ETag.</summary>
    private static async Task<Results<Ok<QuestionResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken, Action<QuizQuestion> change)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(QuestionResponse.ETagOf(question)) is { } stale)
        {
            return stale;
        }
        change(question);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = QuestionResponse.ETagOf(question);
        return TypedResults.Ok(QuestionResponse.From(question));
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: QuestionBankTexts.QuestionNotFound_Title, detail: QuestionBankTexts.QuestionNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
