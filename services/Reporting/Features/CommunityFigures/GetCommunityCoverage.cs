using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

/// <summary>
/// 在职党员到社区报到 and 一季一主题 per branch for a quarter: the branch's members on the reference day, how many of them
/// registered with a community for the year (confirmed, pending), the services the branch recorded in the quarter, how
/// many under the quarter's theme against the number each branch holds, and the hours for the record. Counts per
/// branch only: never a member's hours, never a ranking of people.
/// </summary>
public static class GetCommunityCoverage
{
    /// <param name="BranchName">The branch's current name; null when reporting has not yet heard of the branch.</param>
    /// <param name="Members">The branch's members on the reference day.</param>
    /// <param name="Required">The theme's services per branch; 0 when the quarter has no theme.</param>
    /// <param name="Short">Fewer themed services than required.</param>
    /// <param name="Hours">The services' hours summed, for the record.</param>
    public sealed record BranchRow(
        Guid BranchId, string? BranchName, int Members, int RegisteredConfirmed, int RegisteredPending, int Services, int ThemedServices, int Required,
        bool Short, decimal Hours);

    public sealed record Theme(Guid ThemeId, string Title, int ServicesPerBranch);

    /// <param name="ReferenceDay">The quarter's last day, or today while it runs: whose members are counted.</param>
    /// <param name="Theme">The quarter's theme; null when the office set none.</param>
    public sealed record Response(int Year, int Quarter, DateOnly ReferenceDay, Theme? Theme, IReadOnlyList<BranchRow> Branches);

    public static RouteHandlerBuilder MapGetCommunityCoverage(this RouteGroupBuilder group) => group
        .MapGet("/community-coverage", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, CommunityAccess.Roles)
        .WithName("GetCommunityCoverage")
        .WithSummary("Community work per branch for a quarter (default this one): members, registered with a community this year (confirmed, pending), services recorded, services under the quarter's theme against the number required (short when fewer), hours; every branch for the office and leaders, one's own branch for its keepers");

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        int? year, int? quarter, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var today = timeProvider.Today();
        var (of, inQuarter) = QuarterOf(year, quarter, today);
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(of, inQuarter, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var caller = context.Caller();
        var period = Periods.Quarter(of, inQuarter);
        var day = DisciplineCoverage.ReferenceDay(period, today);
        var members = await CommunityQueries.MembersOnAsync(db, day, caller, cancellationToken);
        var registered = await CommunityQueries.RegisteredAsync(db, of, cancellationToken);
        var theme = await db.CommunityThemes.AsNoTracking().Where(t => t.Year == of && t.Quarter == inQuarter)
            .OrderByDescending(t => t.SetAt).FirstOrDefaultAsync(cancellationToken);
        var services = (await db.CommunityServices.AsNoTracking().Where(s => s.On >= period.From && s.On <= period.To)
            .Select(s => new { s.BranchId, s.ThemeId, s.Hours }).ToListAsync(cancellationToken))
            .Where(s => caller.MaySeeBranch(s.BranchId)).ToList();
        var counted = members.Select(m => m.UnitId).Concat(services.Select(s => s.BranchId)).ToHashSet();
        var names = await CommunityQueries.BranchNamesAsync(db, counted, caller, cancellationToken);
        var required = theme?.ServicesPerBranch ?? 0;
        var rows = counted.Union(names.Keys).Select(branch =>
        {
            var own = members.Where(m => m.UnitId == branch).Select(m => m.PersonId).ToList();
            var held = services.Where(s => s.BranchId == branch).ToList();
            var themed = theme is null ? 0 : held.Count(s => s.ThemeId == theme.ThemeId);
            return new BranchRow(branch, names.GetValueOrDefault(branch), own.Count,
                own.Count(p => registered.GetValueOrDefault(p) == RegistrationRecord.Confirmed), own.Count(p => registered.GetValueOrDefault(p) == RegistrationRecord.Pending),
                held.Count, themed, required, themed < required, held.Sum(s => s.Hours ?? 0));
        }).OrderBy(r => r.BranchName, StringComparer.Ordinal).ThenBy(r => r.BranchId);
        return TypedResults.Ok(new Response(of, inQuarter, day, theme is null ? null : new Theme(theme.ThemeId, theme.Title, theme.ServicesPerBranch), [.. rows]));
    }

    /// <summary>The quarter asked for: by default this one; a past or future year without a quarter means its last.</summary>
    private static (int Year, int Quarter) QuarterOf(int? year, int? quarter, DateOnly today) =>
        (year ?? today.Year, quarter ?? (year is null || year == today.Year ? Periods.QuarterOf(today) : 4));
}
