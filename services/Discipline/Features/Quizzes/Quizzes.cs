using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Quizzes;

/// <summary>
/// The integrity quiz (廉政知识测试) of a campaign: a branch member starts it (the clock runs from then), answers the
/// paper and submits once within the time limit; the office may reopen an attempt that did not pass. An attempt is its
/// member's alone: to anyone else, whatever their role, it does not exist (keepers and the office read coverage's passed
/// flag instead). The entities own the rules; these endpoints load, check the sheet's fields, and save.
/// </summary>
public static class Quizzes
{
    private const string Attempt = "/quiz/attempts/{id:guid}";

    public static RouteGroupBuilder MapQuizzes(this RouteGroupBuilder discipline)
    {
        string[] write = [DisciplineAccess.WriteScope];
        string[] read = [DisciplineAccess.ReadScope];
        discipline.MapPost("/campaigns/{id:guid}/quiz/attempts", StartAsync)
            .RequirePersonAccess(write, DisciplineAccess.Participants)
            .WithName("StartQuizAttempt")
            .WithSummary("Start the campaign's quiz (members on a branch roster): the paper without its answers and the deadline; an attempt in progress is answered again");
        discipline.MapGet(Attempt, GetAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetQuizAttempt")
            .WithSummary("Read one's own attempt: the paper and deadline; once submitted, the score, one's selections, the correct options and explanations");
        discipline.MapPost(Attempt + "/submit", SubmitAsync)
            .Validate<SubmitRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Participants)
            .WithName("SubmitQuizAttempt")
            .WithSummary("Submit one's answer sheet within the time limit; it is scored once (unanswered questions count wrong)");
        discipline.MapGet("/campaigns/{id:guid}/quiz/mine", MineAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("ListMyQuizAttempts")
            .WithSummary("One's own attempts at the campaign's quiz: number, state, score, passed");
        discipline.MapPost("/campaigns/{id:guid}/quiz/members/{personId:guid}/reopen", ReopenAsync)
            .Validate<ReopenRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("ReopenQuizAttempt")
            .WithSummary("Let a member take the quiz again, with the reason: their latest attempt stops counting (the office, who finds the member in the coverage lists; not for a passed attempt)");
        return discipline;
    }

    internal static async Task<Results<Created<AttemptResponse>, Ok<AttemptResponse>, ProblemHttpResult>> StartAsync(
        Guid id, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var person = context.Caller().UserId!.Value;
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return Campaigns.Campaigns.NotFound();
        }
        var now = timeProvider.GetUtcNow();
        if (await db.UnitMembers.BranchOnAsync(person, ChinaCalendar.DateOf(now), cancellationToken) is null)
        {
            return TypedResults.Problem(title: QuizTexts.NotOnBranchRoster_Title, detail: QuizTexts.NotOnBranchRoster_Detail,
                statusCode: StatusCodes.Status403Forbidden);
        }
        var latest = await LatestAsync(db, id, person, cancellationToken);
        if (latest is not null && latest.IsResumable(now))
        {
            return TypedResults.Ok(AttemptResponse.From(latest, campaign, now));
        }
        var attempt = QuizAttempt.Start(campaign, person, QuizAttempt.NumberAfter(latest), now);
        db.Attempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Two starts at once: the unique (campaign, person, number) let one in; the other answers with the winner's.
            db.ChangeTracker.Clear();
            if (await LatestAsync(db, id, person, cancellationToken) is { } winner && winner.IsResumable(now))
            {
                return TypedResults.Ok(AttemptResponse.From(winner, campaign, now));
            }
            throw;
        }
        return TypedResults.Created($"/api/discipline/quiz/attempts/{attempt.Id}", AttemptResponse.From(attempt, campaign, now));
    }

    internal static async Task<Results<Ok<AttemptResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var attempt = await db.Attempts.AsNoTracking().OwnedBy(context.Caller()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attempt is null)
        {
            return AttemptNotFound();
        }
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == attempt.CampaignId, cancellationToken);
        return TypedResults.Ok(AttemptResponse.From(attempt, campaign, timeProvider.GetUtcNow()));
    }

    /// <summary>
    /// Scores the sheet once. Two submissions at once both read the attempt in progress; the attempt's version (a
    /// concurrency token) lets one commit, with its QuizCompleted and any make-up it completes, and the other gets 409.
    /// </summary>
    internal static async Task<Results<Ok<AttemptResponse>, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var attempt = await db.Attempts.OwnedBy(context.Caller()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attempt is null)
        {
            return AttemptNotFound();
        }
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == attempt.CampaignId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        attempt.RequireSubmittable(campaign, now);
        var answers = request.Answers!;
        if (AnswerSheet.Problems(campaign.Paper, answers) is { Count: > 0 } problems)
        {
            return FieldProblems.Unprocessable(problems, QuizTexts.SheetDoesNotFit_Detail);
        }
        attempt.Submit(campaign, [.. answers.Select(a => a.ToAnswer())], now);
        var makeUp = await db.MakeUps.SingleOrDefaultAsync(m => m.CampaignId == campaign.Id && m.PersonId == attempt.PersonId, cancellationToken);
        makeUp?.CompleteIfDone(campaign, attempt.Passed!.Value, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AttemptResponse.From(attempt, campaign, now));
    }

    internal static async Task<Results<Ok<Page<AttemptSummary>>, ProblemHttpResult, ValidationProblem>> MineAsync(
        Guid id, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<int, Guid>(cursor, limit, out var page, out var invalid))
        {
            return invalid;
        }
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return Campaigns.Campaigns.NotFound();
        }
        var now = timeProvider.GetUtcNow();
        var attempts = await db.Attempts.AsNoTracking().OwnedBy(context.Caller()).Where(a => a.CampaignId == id)
            .PageAsync(page, a => a.Number, a => a.Id, context, cancellationToken);
        return TypedResults.Ok(attempts.Select(a => AttemptSummary.From(a, now)));
    }

    internal static async Task<Results<Ok<ReopenedResponse>, ProblemHttpResult>> ReopenAsync(
        Guid id, Guid personId, ReopenRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var attempt = await LatestAsync(db, id, personId, cancellationToken);
        if (attempt is null)
        {
            return AttemptNotFound();
        }
        attempt.Reopen(request.Reason!, context.Caller().Signature, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ReopenedResponse.From(attempt));
    }

    /// <summary>The caller's own attempts: nobody reads another's, whatever their role.</summary>
    private static IQueryable<QuizAttempt> OwnedBy(this IQueryable<QuizAttempt> attempts, Caller caller) =>
        caller.UserId is { } person ? attempts.Where(a => a.PersonId == person) : attempts.Where(_ => false);

    private static Task<QuizAttempt?> LatestAsync(DisciplineDbContext db, Guid campaignId, Guid person, CancellationToken cancellationToken) =>
        db.Attempts.Where(a => a.CampaignId == campaignId && a.PersonId == person).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);

    internal static ProblemHttpResult AttemptNotFound() => TypedResults.Problem(
        title: QuizTexts.AttemptNotFound_Title, detail: QuizTexts.AttemptNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
