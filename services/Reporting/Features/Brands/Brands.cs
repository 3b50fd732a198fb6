using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>
/// The brand registry, /api/supervision/brands: the office or a branch's keepers register the branch's brand, edit it
/// and its measures; everyone in supervision reads brands and their pages (a brand is the branch's public face).
/// </summary>
public static class Brands
{
    internal const string BrandPath = "/brands/{id:guid}";

    public static RouteGroupBuilder MapBrands(this RouteGroupBuilder supervision)
    {
        supervision.MapPost("/brands", RegisterAsync)
            .Validate<RegisterBrandRequest>()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("RegisterBrand")
            .WithSummary("Register a branch's brand (one a branch): name, field, meaning and slogan; the office or the branch's keepers");
        supervision.MapGet("/brands", ListAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("ListBrands")
            .WithSummary("The registered brands, latest first");
        supervision.MapGet(BrandPath, GetPageAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("GetBrandPage")
            .WithSummary("A brand's page: the brand and its measures, plan items, highlights, and the work done under it (tasks, held study activities, tickets), newest first");
        supervision.MapPut(BrandPath, EditAsync)
            .Validate<EditBrandRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("EditBrand")
            .WithSummary("Edit a brand's name, field, meaning and slogan; the office or the branch's keepers");
        supervision.MapPost(BrandPath + "/measures", AddMeasureAsync)
            .Validate<MeasureRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("AddBrandMeasure")
            .WithSummary("Add a measure (举措) to a brand: owner unit (and person), deadline (China date), expected result");
        supervision.MapPut(BrandPath + "/measures/{measureId:guid}", EditMeasureAsync)
            .Validate<MeasureRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("EditBrandMeasure")
            .WithSummary("Edit one of a brand's measures (If-Match: the brand's version)");
        return supervision;
    }

    internal static async Task<Results<Created<BrandResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterBrandRequest request, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var branchId = request.BranchId!.Value;
        if (!context.Caller().MayKeepBranch(branchId))
        {
            return TypedResults.Problem(title: BrandTexts.BranchNotYours, statusCode: StatusCodes.Status403Forbidden, detail: BrandTexts.BranchNotYours);
        }
        if (!await db.Units.AnyAsync(u => u.Id == branchId && u.Kind == UnitKinds.Branch, cancellationToken))
        {
            return FieldProblems.Unprocessable("branchId", BrandTexts.BranchUnknown, BrandTexts.BranchesNotFound_Detail);
        }
        if (await db.Brands.AnyAsync(b => b.BranchId == branchId, cancellationToken))
        {
            throw BrandAccess.BranchTaken();
        }
        var now = timeProvider.GetUtcNow();
        var brand = Brand.Register(Guid.CreateVersion7(now), branchId, request.Name!, request.Field!, request.Meaning!, request.Slogan!, now);
        db.Brands.Add(brand);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            // Two registrations for one branch at once: the unique index lets one in.
            throw BrandAccess.BranchTaken();
        }
        context.Response.Headers.ETag = BrandResponse.ETagOf(brand);
        return TypedResults.Created($"/api/supervision/brands/{brand.Id}", BrandResponse.From(brand));
    }

    internal static async Task<Results<Ok<Page<BrandResponse>>, ValidationProblem>> ListAsync(
        Guid? branchId, string? cursor, int? limit, HttpContext context, ReportingDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var brands = db.Brands.AsNoTracking().Include(b => b.Measures).AsSplitQuery();
        if (branchId is { } only)
        {
            brands = brands.Where(b => b.BranchId == only);
        }
        var page = await brands.PageAsync(paging, b => b.RegisteredAt, b => b.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(BrandResponse.From));
    }

    internal static async Task<Results<Ok<BrandPageResponse>, ProblemHttpResult>> GetPageAsync(
        Guid id, HttpContext context, ReportingDbContext db, IEnumerable<IBrandWorkSource> workSources, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().Include(b => b.Measures).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (brand is null)
        {
            return BrandAccess.BrandNotFound();
        }
        var caller = context.Caller();
        var plan = await db.PartyWorkPlanItems.AsNoTracking().Where(i => i.BrandId == id)
            .OrderBy(i => i.Year).ThenBy(i => i.Month).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var highlights = db.BrandHighlights.AsNoTracking().Where(h => h.BrandId == id);
        if (!caller.MayKeepBranch(brand.BranchId))
        {
            highlights = highlights.Where(h => h.State == HighlightState.Selected);
        }
        var shown = await highlights.OrderByDescending(h => h.SubmittedAt).ThenBy(h => h.Id).ToListAsync(cancellationToken);
        List<BrandWorkItem> work = [];
        foreach (var source in workSources)
        {
            work.AddRange(await source.ForBrandAsync(id, cancellationToken));
        }
        context.Response.Headers.ETag = BrandResponse.ETagOf(brand);
        return TypedResults.Ok(new BrandPageResponse(BrandResponse.From(brand), [.. plan.Select(PlanItemResponse.From)],
            [.. shown.Select(HighlightResponse.From)], [.. work.OrderByDescending(w => w.At).ThenBy(w => w.Id)]));
    }

    internal static async Task<Results<Ok<BrandResponse>, ProblemHttpResult>> EditAsync(
        Guid id, EditBrandRequest request, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (brand, refused) = await db.KeptBrandAsync(id, context, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        brand!.Edit(request.Name!, request.Field!, request.Meaning!, request.Slogan!, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Answer(context, brand);
    }

    internal static async Task<Results<Created<MeasureResponse>, ProblemHttpResult>> AddMeasureAsync(
        Guid id, MeasureRequest request, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (brand, refused) = await db.KeptBrandAsync(id, context, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (await db.UnknownOwnerAsync(request, cancellationToken) is { } unknown)
        {
            return unknown;
        }
        var now = timeProvider.GetUtcNow();
        var measure = brand!.AddMeasure(Guid.CreateVersion7(now), request.Title!, request.OwnerUnitId!.Value, request.OwnerPersonId,
            request.Deadline!.Value, request.ExpectedResult!, now);
        // Added outright: its key is set by us, so EF would otherwise take a measure found in the collection for an existing row.
        db.BrandMeasures.Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = BrandResponse.ETagOf(brand);
        return TypedResults.Created($"/api/supervision/brands/{brand.Id}", MeasureResponse.From(measure));
    }

    internal static async Task<Results<Ok<MeasureResponse>, ProblemHttpResult>> EditMeasureAsync(
        Guid id, Guid measureId, MeasureRequest request, HttpContext context, ReportingDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var (brand, refused) = await db.KeptBrandAsync(id, context, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (await db.UnknownOwnerAsync(request, cancellationToken) is { } unknown)
        {
            return unknown;
        }
        var measure = brand!.EditMeasure(measureId, request.Title!, request.OwnerUnitId!.Value, request.OwnerPersonId, request.Deadline!.Value,
            request.ExpectedResult!, timeProvider.GetUtcNow());
        if (measure is null)
        {
            return TypedResults.Problem(title: BrandTexts.MeasureNotFound_Title, detail: BrandTexts.MeasureNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
        }
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = BrandResponse.ETagOf(brand);
        return TypedResults.Ok(MeasureResponse.From(measure));
    }

    private static Ok<BrandResponse> Answer(HttpContext context, Brand brand)
    {
        context.Response.Headers.ETag = BrandResponse.ETagOf(brand);
        return TypedResults.Ok(BrandResponse.From(brand));
    }

    /// <summary>422 naming the field when the owner unit is not in the directory or the person is not in it now.</summary>
    private static async Task<ProblemHttpResult?> UnknownOwnerAsync(this ReportingDbContext db, MeasureRequest request, CancellationToken cancellationToken)
    {
        var unit = request.OwnerUnitId!.Value;
        if (!await db.Units.AnyAsync(u => u.Id == unit, cancellationToken))
        {
            return FieldProblems.Unprocessable("ownerUnitId", BrandTexts.UnitUnknown, BrandTexts.OwnerNotFound_Detail);
        }
        if (request.OwnerPersonId is { } person
            && !await db.UnitMembers.AnyAsync(m => m.UnitId == unit && m.PersonId == person && m.JoinedOn != null && m.LeftOn == null, cancellationToken))
        {
            return FieldProblems.Unprocessable("ownerPersonId", BrandTexts.PersonNotInUnit, BrandTexts.OwnerNotFound_Detail);
        }
        return null;
    }
}
