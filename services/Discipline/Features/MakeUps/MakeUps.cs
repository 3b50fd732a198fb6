using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Campaigns;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.MakeUps;

/// <summary>
/// Make-up (补学), /api/discipline/campaigns/{id}/make-up: a member who missed their branch's session reads the
/// campaign's cases and passes its quiz. Each member reads and changes their own make-up only. The quiz's submit
/// completes a make-up whose cases are read; reading the last case completes one whose quiz is passed.
/// </summary>
public static class MakeUps
{
    private const string MakeUp = Campaigns.Campaigns.Campaign + "/make-up";

    public static RouteGroupBuilder MapMakeUps(this RouteGroupBuilder discipline)
    {
        discipline.MapGet(MakeUp, GetAsync)
            .RequirePersonAccess([DisciplineAccess.ReadScope], DisciplineAccess.Participants)
            .WithName("GetMakeUp")
            .WithSummary("One's own make-up of a campaign: eligible or why not, the cases with those read, quiz passed, complete");
        discipline.MapPost(MakeUp + "/cases/{caseId:guid}/read", ReadCaseAsync)
            .RequirePersonAccess([DisciplineAccess.WriteScope], DisciplineAccess.Participants)
            .WithName("ReadMakeUpCase")
            .WithSummary("Record that one has read a case of the campaign (the first read starts the make-up; 409 when one may not make it up)");
        return discipline;
    }

    internal static async Task<Results<Ok<MakeUpResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (context.Caller().UserId is not { } person
            || await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return Campaigns.Campaigns.NotFound();
        }
        var makeUp = await db.MakeUps.AsNoTracking().SingleOrDefaultAsync(m => m.CampaignId == id && m.PersonId == person, cancellationToken);
        var refusal = makeUp is { IsComplete: true } ? null : await RefusalAsync(db, campaign, person, timeProvider.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(await AnswerAsync(db, campaign, person, makeUp, refusal, cancellationToken));
    }

    internal static async Task<Results<Ok<MakeUpResponse>, ProblemHttpResult>> ReadCaseAsync(
        Guid id, Guid caseId, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (context.Caller().UserId is not { } person
            || await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } campaign)
        {
            return Campaigns.Campaigns.NotFound();
        }
        if (!campaign.CaseIds.Contains(caseId))
        {
            return TypedResults.Problem(title: CampaignTexts.CaseNotFound, detail: CampaignTexts.MakeUpCaseNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
        }
        var now = timeProvider.GetUtcNow();
        var makeUp = await db.MakeUps.SingleOrDefaultAsync(m => m.CampaignId == id && m.PersonId == person, cancellationToken);
        if (makeUp is not { IsComplete: true } && await RefusalAsync(db, campaign, person, now, cancellationToken) is { } refusal)
        {
            throw refusal;
        }
        var quizPassed = await QuizPassedAsync(db, id, person, cancellationToken);
        if (makeUp is null)
        {
            makeUp = WarningMakeUp.Start(campaign, person, now);
            db.MakeUps.Add(makeUp);
        }
        makeUp.ReadCase(campaign, caseId, quizPassed, now);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            // The first two reads at once both started a make-up: the other one stands; this read goes onto it.
            makeUp = await db.MakeUps.SingleAsync(m => m.CampaignId == id && m.PersonId == person, cancellationToken);
            makeUp.ReadCase(campaign, caseId, quizPassed, now);
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(await AnswerAsync(db, campaign, person, makeUp, refusal: null, cancellationToken));
    }

    /// <summary>Why the person may not make up the campaign now, or null: present at a held session, or no session of their branch yet.</summary>
    private static async Task<RuleViolation?> RefusalAsync(
        DisciplineDbContext db, WarningCampaign campaign, Guid person, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = db.Sessions.Where(s => s.CampaignId == campaign.Id && s.State == SessionState.Held);
        var attended = await held.AnyAsync(s => s.PresentIds.Contains(person), cancellationToken);
        var branch = await db.UnitMembers.BranchOnAsync(person, ChinaCalendar.DateOf(now), cancellationToken);
        var branchHasHeld = branch is { } current && await held.AnyAsync(s => s.BranchId == current, cancellationToken);
        return WarningMakeUp.Refusal(campaign, attended, branch is not null, branchHasHeld);
    }

    /// <summary>A submitted attempt that passed: a reopened one no longer counts.</summary>
    private static Task<bool> QuizPassedAsync(DisciplineDbContext db, Guid campaignId, Guid person, CancellationToken cancellationToken) =>
        db.Attempts.AnyAsync(a => a.CampaignId == campaignId && a.PersonId == person && a.State == AttemptState.Submitted && a.Passed == true,
            cancellationToken);

    private static async Task<MakeUpResponse> AnswerAsync(
        DisciplineDbContext db, WarningCampaign campaign, Guid person, WarningMakeUp? makeUp, RuleViolation? refusal, CancellationToken cancellationToken)
    {
        var cases = await db.CampaignCasesAsync(campaign.CaseIds, cancellationToken);
        var read = makeUp?.ReadCaseIds ?? [];
        return new MakeUpResponse(campaign.Id, refusal is null, refusal?.Detail.ToString(),
            [.. campaign.CaseIds.Select(c => new MakeUpCase(c, cases.GetValueOrDefault(c)?.Title ?? "", read.Contains(c)))],
            await QuizPassedAsync(db, campaign.Id, person, cancellationToken), makeUp?.IsComplete ?? false, makeUp?.StartedAt, makeUp?.CompletedAt);
    }
}
