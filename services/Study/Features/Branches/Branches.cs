using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Branches;

/// <summary>
/// Branch rosters as study sees them (from the directory's events): the office sees every branch; a branch secretary
/// or party-affairs officer only their own.
/// </summary>
public static class Branches
{
    public const string ReadScope = "study.read";
    public static readonly string[] Readers = [.. PlatformRoles.BranchKeepers, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    public sealed record BranchResponse(Guid Id, string Name, int CurrentMembers);

    public sealed record MemberResponse(Guid PersonId, string DisplayName, DateOnly? JoinedOn);

    public static RouteGroupBuilder MapBranches(this RouteGroupBuilder study)
    {
        study.MapGet("/branches", ListAsync)
            .RequireAccess([ReadScope], Readers)
            .WithName("ListBranches").WithSummary("The branches the caller keeps (all of them for the office)");
        study.MapGet("/branches/{id:guid}/members", MembersAsync)
            .RequireAccess([ReadScope], Readers)
            .WithName("ListBranchMembers").WithSummary("A branch's current members; 403 for another branch's secretary");
        return study;
    }

    internal static async Task<Ok<List<BranchResponse>>> ListAsync(HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var branches = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKinds.Branch && u.ValidTo == null)
            .OrderBy(u => u.Name)
            .Select(u => new BranchResponse(u.Id, u.Name, db.BranchMembers.Count(m => m.BranchId == u.Id && m.JoinedOn != null && m.LeftOn == null)))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(branches.Where(b => caller.MayKeepBranch(b.Id)).ToList());
    }

    internal static async Task<Results<Ok<List<MemberResponse>>, ProblemHttpResult>> MembersAsync(
        Guid id, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id && u.Kind == UnitKinds.Branch, cancellationToken))
        {
            return TypedResults.Problem(title: "支部不存在", detail: $"No branch has id {id}.", statusCode: StatusCodes.Status404NotFound);
        }
        if (!context.Caller().MayKeepBranch(id))
        {
            return TypedResults.Problem(title: "只能查看本支部", detail: "A branch's records are kept by its own secretary and party-affairs officer.",
                statusCode: StatusCodes.Status403Forbidden);
        }
        var members = await db.BranchMembers.AsNoTracking()
            .Where(m => m.BranchId == id && m.JoinedOn != null && m.LeftOn == null)
            .OrderBy(m => m.DisplayName)
            .Select(m => new MemberResponse(m.PersonId, m.DisplayName, m.JoinedOn))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(members);
    }
}
