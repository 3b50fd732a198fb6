using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

/// <summary>
/// A branch's members (on the year's reference day) with no confirmed or pending registration with a community for the
/// year: the branch's to-do list for 到社区报到. The branch exists only for those who may see it (404 otherwise).
/// </summary>
public static class GetUnregisteredMembers
{
    public sealed record Member(Guid PersonId, string DisplayName);

    /// <param name="ReferenceDay">The year's last day, or today while it runs: whose members are listed.</param>
    public sealed record Response(int Year, Guid BranchId, string BranchName, DateOnly ReferenceDay, IReadOnlyList<Member> Members);

    public static RouteHandlerBuilder MapGetUnregisteredMembers(this RouteGroupBuilder group) => group
        .MapGet("/community-coverage/unregistered", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, CommunityAccess.Roles)
        .WithName("GetUnregisteredMembers")
        .WithSummary("A branch's members with no confirmed or pending registration with a community in the year (default this one), by name; any branch for the office and leaders, one's own for its keepers");

    internal static async Task<Results<Ok<Response>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        int? year, Guid? branchId, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var today = timeProvider.Today();
        var of = year ?? today.Year;
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(of, null, problems);
        if (branchId is null || branchId == Guid.Empty)
        {
            problems["branchId"] = [CommunityFigureTexts.BranchRequired];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var branch = branchId!.Value;
        var name = await db.Units.AsNoTracking().Where(u => u.Id == branch && u.Kind == UnitKinds.Branch).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null || !context.Caller().MaySeeBranch(branch))
        {
            return BranchNotFound();
        }
        var day = DisciplineCoverage.ReferenceDay(Periods.Year(of), today);
        var stints = await db.UnitMembers.AsNoTracking().On(day).Where(m => m.UnitKind == UnitKinds.Branch).ToListAsync(cancellationToken);
        var registered = await CommunityQueries.RegisteredAsync(db, of, cancellationToken);
        var unregistered = DisciplineCoverage.MembersOn(stints, day).Where(m => m.UnitId == branch && !registered.ContainsKey(m.PersonId))
            .Select(m => new Member(m.PersonId, m.DisplayName));
        return TypedResults.Ok(new Response(of, branch, name, day, [.. unregistered]));
    }

    internal static ProblemHttpResult BranchNotFound() => TypedResults.Problem(
        title: CommunityFigureTexts.BranchNotFound_Title, detail: CommunityFigureTexts.BranchNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
