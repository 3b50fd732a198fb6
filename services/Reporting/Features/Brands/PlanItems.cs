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

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>
/// The year's party-work plan (年度党建工作计划), /api/supervision/plan-items: a branch's keepers plan their branch's
/// year, the office plans the organ's; each item puts a brand or one of its measures on a month's agenda.
/// </summary>
public static class PlanItems
{
    public static RouteGroupBuilder MapPlanItems(this RouteGroupBuilder supervision)
    {
        supervision.MapPost("/plan-items", AddAsync)
            .Validate<PlanItemRequest>()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("AddPlanItem")
            .WithSummary("Put a brand or measure on a month's agenda in a branch's plan (its keepers) or the organ's (the office)");
        supervision.MapGet("/plan-items", ListAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListPlanItems")
            .WithSummary("The year's plan items (default: this year), by month; of one branch with branchId, of the organ with organ=true");
        return supervision;
    }

    internal static async Task<Results<Created<PlanItemResponse>, ProblemHttpResult>> AddAsync(
        PlanItemRequest request, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if (request.BranchId is { } branch ? !caller.MayKeepBranch(branch) : !caller.IsOffice())
        {
            return TypedResults.Problem(title: BrandTexts.PlanNotYours, detail: BrandTexts.PlanNotYours, statusCode: StatusCodes.Status403Forbidden);
        }
        var unknown = new Dictionary<string, string[]>();
        if (request.BranchId is { } planned && !await db.Units.AnyAsync(u => u.Id == planned && u.Kind == UnitKinds.Branch, cancellationToken))
        {
            unknown["branchId"] = [BrandTexts.BranchUnknown];
        }
        if (!await db.Brands.AnyAsync(b => b.Id == request.BrandId, cancellationToken))
        {
            unknown["brandId"] = [BrandTexts.BrandUnknown];
        }
        else if (request.MeasureId is { } measure && !await db.BrandMeasures.AnyAsync(m => m.Id == measure && m.BrandId == request.BrandId, cancellationToken))
        {
            unknown["measureId"] = [BrandTexts.MeasureUnknown];
        }
        if (unknown.Count > 0)
        {
            return FieldProblems.Unprocessable(unknown, BrandTexts.PlanRefsNotFound_Detail);
        }
        var now = timeProvider.GetUtcNow();
        var item = new PartyWorkPlanItem(Guid.CreateVersion7(now), request.Year!.Value, request.Month!.Value, request.BranchId, request.Title!,
            request.BrandId!.Value, request.MeasureId, now);
        db.PartyWorkPlanItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/supervision/plan-items?year={item.Year}", PlanItemResponse.From(item));
    }

    internal static async Task<Results<Ok<Page<PlanItemResponse>>, ValidationProblem>> ListAsync(
        int? year, Guid? branchId, bool? organ, string? cursor, int? limit, HttpContext context, ReportingDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<int, Guid>(cursor, limit, problems);
        if (year is < PlanYears.Earliest or > PlanYears.Latest)
        {
            problems["year"] = [BrandTexts.YearOutOfRange];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var planYear = year ?? timeProvider.Today().Year;
        var items = db.PartyWorkPlanItems.AsNoTracking().Where(i => i.Year == planYear);
        if (branchId is { } only)
        {
            items = items.Where(i => i.BranchId == only);
        }
        else if (organ == true)
        {
            items = items.Where(i => i.BranchId == null);
        }
        var page = await items.PageAsync(paging, i => i.Month, i => i.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(PlanItemResponse.From));
    }
}
