using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Features;
using BrandPlatform.Study.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Branches;

/// <summary>
/// Branch rosters as study sees them (from the directory's events): the office sees every branch; a branch secretary
/// or party-affairs officer only their own.
/// </summary>
public static class Branches
{
    public static readonly string[] Readers = [.. PlatformRoles.BranchKeepers, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    public sealed record BranchResponse(Guid Id, string Name, int CurrentMembers);

    public sealed record MemberResponse(Guid PersonId, string DisplayName, DateOnly? JoinedOn);

    public static RouteGroupBuilder MapBranches(this RouteGroupBuilder study)
    {
        study.MapGet("/branches", ListAsync)
            .RequireAccess([StudyAccess.ReadScope], Readers)
            .WithName("ListBranches").WithSummary("The branches the caller keeps (all of them for the office)");
        study.MapGet("/branches/{id:guid}/members", MembersAsync)
            .RequireAccess([StudyAccess.ReadScope], Readers)
            .WithName("ListBranchMembers").WithSummary("A branch's current members; 403 for another branch's secretary");
        return study;
    }

    internal static async Task<Results<Ok<Page<BranchResponse>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<string, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var caller = context.Caller();
        var branches = db.Units.AsNoTracking().Where(u => u.Kind == UnitKinds.Branch && u.ValidTo == null);
        if (!caller.IsInAnyRole([PlatformRoles.OfficeStaff, PlatformRoles.Administrator]))
        {
            // A keeper's own branch only (Caller.MayKeepBranch), in the query so that pages stay full.
            var own = caller.BranchId;
            branches = branches.Where(u => u.Id == own);
        }
        var page = await branches.PageAsync(paging, u => u.Name, u => u.Id, context, cancellationToken);
        var ids = page.Items.Select(u => u.Id).ToList();
        var members = await db.UnitMembers.Current().Where(m => ids.Contains(m.UnitId))
            .GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(page.Select(u => new BranchResponse(u.Id, u.Name, members.GetValueOrDefault(u.Id))));
    }

    internal static async Task<Results<Ok<Page<MemberResponse>>, ValidationProblem, ProblemHttpResult>> MembersAsync(
        Guid id, string? cursor, int? limit, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<string, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var branch = await db.Units.Where(u => u.Id == id && u.Kind == UnitKinds.Branch).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (branch is null)
        {
            return TypedResults.Problem(title: StudyTexts.BranchNotFound_Title, detail: StudyTexts.BranchNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
        }
        if (!context.Caller().MayKeepBranch(id))
        {
            return TypedResults.Problem(title: StudyTexts.OwnBranchOnly_Title,
                detail: string.Format(CultureInfo.CurrentCulture, StudyTexts.OwnBranchOnly_Detail, branch), statusCode: StatusCodes.Status403Forbidden);
        }
        var page = await db.UnitMembers.AsNoTracking().Current()
            .Where(m => m.UnitId == id)
            .PageAsync(paging, m => m.DisplayName, m => m.PersonId, context, cancellationToken);
        return TypedResults.Ok(page.Select(m => new MemberResponse(m.PersonId, m.DisplayName, m.JoinedOn)));
    }
}
