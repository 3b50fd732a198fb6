using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Campaigns;

/// <summary>
/// Quarterly warning-education campaigns (一季一警示), /api/discipline/campaigns: the office launches the quarter's one
/// campaign (its paper drawn from the bank) and closes it; every participant reads them.
/// </summary>
public static class Campaigns
{
    internal const string Campaign = "/campaigns/{id:guid}";

    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder discipline)
    {
        string[] write = [DisciplineAccess.WriteScope];
        string[] read = [DisciplineAccess.ReadScope];
        discipline.MapPost("/campaigns", LaunchAsync)
            .Validate<LaunchRequest>()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("LaunchCampaign")
            .WithSummary("Launch a quarter's warning-education campaign (one a quarter): theme, cases, sessions per branch, the quiz (its paper drawn from the bank)");
        discipline.MapGet("/campaigns", ListAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("ListCampaigns")
            .WithSummary("The campaigns, latest quarter first, optionally of one year");
        discipline.MapGet("/campaigns/current", CurrentAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetCurrentCampaign")
            .WithSummary("The campaign of today's quarter (Beijing time)");
        discipline.MapGet(Campaign, GetAsync)
            .RequirePersonAccess(read, DisciplineAccess.Participants)
            .WithName("GetCampaign")
            .WithSummary("Read a campaign: theme, cases, required sessions, the quiz's terms (never its paper)");
        discipline.MapPost(Campaign + "/close", CloseAsync)
            .ChecksIfMatch()
            .RequirePersonAccess(write, DisciplineAccess.Office)
            .WithName("CloseCampaign")
            .WithSummary("Close a campaign: nothing counts for it afterwards (sessions, quizzes, make-ups)");
        return discipline;
    }

    internal static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> LaunchAsync(
        LaunchRequest request, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (year, quarter) = (request.Year!.Value, request.Quarter!.Value);
        var cases = await db.CampaignCasesAsync(request.CaseIds!, cancellationToken);
        var unknown = request.CaseIds!.Select((id, i) => (id, i)).Where(c => !cases.ContainsKey(c.id))
            .ToDictionary(c => $"caseIds[{c.i}]", _ => new[] { CampaignTexts.CaseNotFound });
        if (unknown.Count > 0)
        {
            return FieldProblems.Unprocessable(unknown, CampaignTexts.CasesNotFound_Detail);
        }
        if (await db.Campaigns.AnyAsync(c => c.Year == year && c.Quarter == quarter, cancellationToken))
        {
            throw WarningCampaign.QuarterTaken(year, quarter);
        }
        var questions = await db.Questions.AsNoTracking().Where(q => !q.Retired).ToListAsync(cancellationToken);
        var campaign = WarningCampaign.Launch(year, quarter, request.Theme!, request.CaseIds!, request.RequiredSessionsPerBranch!.Value,
            request.Quiz!.ToSettings(), questions, context.Caller().Signature, timeProvider.GetUtcNow());
        db.Campaigns.Add(campaign);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            // Two launches of the same quarter at once: the index lets one in; the other hears what a later one would.
            throw WarningCampaign.QuarterTaken(year, quarter);
        }
        context.Response.Headers.ETag = CampaignResponse.ETagOf(campaign);
        return TypedResults.Created($"/api/discipline/campaigns/{campaign.Id}", CampaignResponse.From(campaign, cases));
    }

    internal static async Task<Results<Ok<Page<CampaignResponse>>, ValidationProblem>> ListAsync(
        int? year, string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<int, Guid>(cursor, limit, problems);
        if (year is < CampaignYears.Earliest or > CampaignYears.Latest)
        {
            problems["year"] = [CampaignTexts.DateOutOfRange];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var campaigns = db.Campaigns.AsNoTracking();
        if (year is { } only)
        {
            campaigns = campaigns.Where(c => c.Year == only);
        }
        var page = await campaigns.PageAsync(paging, c => c.Year * 10 + c.Quarter, c => c.Id, context, cancellationToken, descending: true);
        var cases = await db.CampaignCasesAsync(page.Items.SelectMany(c => c.CaseIds), cancellationToken);
        return TypedResults.Ok(page.Select(c => CampaignResponse.From(c, cases)));
    }

    internal static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> CurrentAsync(
        HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var today = ChinaCalendar.DateOf(timeProvider.GetUtcNow());
        var quarter = Periods.QuarterOf(today);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Year == today.Year && c.Quarter == quarter, cancellationToken);
        return campaign is null
            ? TypedResults.Problem(title: CampaignTexts.CampaignNotFound_Title, detail: CampaignTexts.NoCurrentCampaign_Detail, statusCode: StatusCodes.Status404NotFound)
            : await AnswerAsync(context, db, campaign, cancellationToken);
    }

    internal static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return campaign is null ? NotFound() : await AnswerAsync(context, db, campaign, cancellationToken);
    }

    internal static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(CampaignResponse.ETagOf(campaign)) is { } stale)
        {
            return stale;
        }
        campaign.Close(timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await AnswerAsync(context, db, campaign, cancellationToken);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> AnswerAsync(
        HttpContext context, DisciplineDbContext db, WarningCampaign campaign, CancellationToken cancellationToken)
    {
        context.Response.Headers.ETag = CampaignResponse.ETagOf(campaign);
        return TypedResults.Ok(CampaignResponse.From(campaign, await db.CampaignCasesAsync(campaign.CaseIds, cancellationToken)));
    }

    /// <summary>The library's cases among <paramref name="ids"/>, by id, as a campaign lists them.</summary>
    internal static async Task<Dictionary<Guid, CampaignCase>> CampaignCasesAsync(
        this DisciplineDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Cases.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new CampaignCase(c.Id, c.Title, c.ViolationTypes), cancellationToken);
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CampaignTexts.CampaignNotFound_Title, detail: CampaignTexts.CampaignNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
