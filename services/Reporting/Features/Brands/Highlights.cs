using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>
/// Highlights (亮点, 好经验好做法): a branch's keepers submit them under the branch's brand, the office selects or
/// declines each; selected ones are for everyone in supervision, the rest for the office and the branch's keepers.
/// </summary>
public static class Highlights
{
    internal const string HighlightPath = "/highlights/{id:guid}";

    public static RouteGroupBuilder MapHighlights(this RouteGroupBuilder supervision)
    {
        supervision.MapPost(Brands.BrandPath + "/highlights", SubmitAsync)
            .Validate<HighlightRequest>()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("SubmitHighlight")
            .WithSummary("Submit a highlight (好经验好做法) under a brand: the branch's keepers (or the office)");
        supervision.MapGet("/highlights", ListAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListHighlights")
            .WithSummary("Highlights, newest first: selected ones (default) for everyone; submitted or declined ones to the office and their branch's keepers");
        supervision.MapPost(HighlightPath + "/select", (Guid id, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                DecideAsync(id, (h, actor, at) => h.Select(actor, at), context, db, timeProvider, cancellationToken))
            .ChecksIfMatch()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, SupervisionAccess.Office)
            .WithName("SelectHighlight")
            .WithSummary("The office selects a submitted highlight: everyone then reads it");
        supervision.MapPost(HighlightPath + "/decline", (Guid id, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                DecideAsync(id, (h, actor, at) => h.Decline(actor, at), context, db, timeProvider, cancellationToken))
            .ChecksIfMatch()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, SupervisionAccess.Office)
            .WithName("DeclineHighlight")
            .WithSummary("The office declines a submitted highlight");
        return supervision;
    }

    internal static async Task<Results<Created<HighlightResponse>, ProblemHttpResult>> SubmitAsync(
        Guid id, HighlightRequest request, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        var caller = context.Caller();
        if (brand is null || !caller.MayKeepBranch(brand.BranchId))
        {
            return BrandAccess.BrandNotFound();
        }
        var now = timeProvider.GetUtcNow();
        var highlight = new BrandHighlight(Guid.CreateVersion7(now), brand.Id, brand.BranchId, request.Title!, request.Summary!, caller.Signature, now);
        db.BrandHighlights.Add(highlight);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = HighlightResponse.ETagOf(highlight);
        return TypedResults.Created($"/api/supervision/highlights?brandId={brand.Id}", HighlightResponse.From(highlight));
    }

    internal static async Task<Results<Ok<Page<HighlightResponse>>, ValidationProblem>> ListAsync(
        string? state, Guid? brandId, string? cursor, int? limit, HttpContext context, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        HighlightState? wanted = HighlightState.Selected;
        if (state is not null)
        {
            wanted = Enum.TryParse<HighlightState>(state, ignoreCase: true, out var parsed) && !int.TryParse(state, out _) ? parsed : null;
            if (wanted is null)
            {
                problems["state"] = [BrandTexts.HighlightStateInvalid];
            }
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var caller = context.Caller();
        var highlights = db.BrandHighlights.AsNoTracking().Where(h => h.State == wanted);
        if (brandId is { } brand)
        {
            highlights = highlights.Where(h => h.BrandId == brand);
        }
        if (!caller.IsOffice() && wanted != HighlightState.Selected)
        {
            // Not yet selected, or declined: the branch's own business and the office's.
            var keeps = caller.IsInAnyRole(PlatformRoles.BranchKeepers) ? caller.BranchId : null;
            highlights = highlights.Where(h => h.BranchId == keeps);
        }
        var page = await highlights.PageAsync(paging, h => h.SubmittedAt, h => h.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(HighlightResponse.From));
    }

    private static async Task<Results<Ok<HighlightResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, Action<BrandHighlight, string, DateTimeOffset> decide, HttpContext context, ReportingDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var highlight = await db.BrandHighlights.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (highlight is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(HighlightResponse.ETagOf(highlight)) is { } stale)
        {
            return stale;
        }
        decide(highlight, context.Caller().Signature, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = HighlightResponse.ETagOf(highlight);
        return TypedResults.Ok(HighlightResponse.From(highlight));
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: BrandTexts.HighlightNotFound_Title, detail: BrandTexts.HighlightNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
