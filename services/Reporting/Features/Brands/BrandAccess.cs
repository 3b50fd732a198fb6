using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>Who keeps a brand: the office for every branch, a branch's secretary and party-affairs officer for their own.</summary>
public static class BrandAccess
{
    public static readonly string[] Keepers =
        [PlatformRoles.OfficeStaff, PlatformRoles.Administrator, PlatformRoles.BranchSecretary, PlatformRoles.PartyAffairsOfficer];

    public static ProblemHttpResult BrandNotFound() => TypedResults.Problem(
        title: BrandTexts.BrandNotFound_Title, detail: BrandTexts.BrandNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>409: one brand a branch, asked before registering and when the unique index catches a race.</summary>
    public static RuleViolation BranchTaken() => new(
        BrandTexts.ResourceManager.Text(nameof(BrandTexts.BranchTaken_Title)), BrandTexts.ResourceManager.Text(nameof(BrandTexts.BranchTaken_Detail)));

    /// <summary>
    /// The brand (tracked, with its measures) when the caller keeps its branch and If-Match is current; otherwise the
    /// answer: 404 for a brand that is missing or another branch's, 412 for a stale If-Match.
    /// </summary>
    internal static async Task<(Brand? Brand, ProblemHttpResult? Refused)> KeptBrandAsync(
        this ReportingDbContext db, Guid id, HttpContext context, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.Include(b => b.Measures).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (brand is null || !context.Caller().MayKeepBranch(brand.BranchId))
        {
            return (null, BrandNotFound());
        }
        return context.StaleIfMatch(BrandResponse.ETagOf(brand)) is { } stale ? (null, stale) : (brand, null);
    }
}
