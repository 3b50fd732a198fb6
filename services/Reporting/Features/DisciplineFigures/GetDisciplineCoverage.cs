using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>
/// 廉政教育全覆盖 per branch for a quarter's warning campaign, or for each campaign of a year: members, attended, made up,
/// quiz passed, covered. Counts only, never a person or a score.
/// </summary>
public static class GetDisciplineCoverage
{
    public const string ByBranch = "branch", ByQuarter = "quarter";
    public static readonly IReadOnlyList<string> Groupings = [ByBranch, ByQuarter];

    /// <param name="BranchId">The branch; null in a row of all branches together (groupBy=quarter).</param>
    /// <param name="BranchName">The branch's current name; null when reporting has not yet heard of the branch.</param>
    public sealed record Row(
        int Quarter, Guid CampaignId, DateOnly ReferenceDay, Guid? BranchId, string? BranchName, int Members, int Attended, int MadeUp, int QuizPassed,
        int Covered);

    /// <param name="Quarter">The quarter asked for; null for every campaign of the year.</param>
    public sealed record Response(int Year, int? Quarter, string GroupBy, IReadOnlyList<Row> Rows);

    public static RouteHandlerBuilder MapGetDisciplineCoverage(this RouteGroupBuilder group) => group
        .MapGet("/discipline/coverage", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetDisciplineCoverage")
        .WithSummary("Warning-education coverage of a year's campaigns (or one quarter's) per branch or per quarter: members, attended, made up, quiz passed, covered")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        int? year, int? quarter, string? groupBy, DisciplineFigureQueries figures, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var of = year ?? timeProvider.Today().Year;
        if (DisciplineFigureParameters.Invalid(of, quarter, groupBy, Groupings) is { } invalid)
        {
            return invalid;
        }
        var grouping = groupBy ?? ByBranch;
        var campaigns = (await figures.CampaignsAsync(of, of, cancellationToken)).Where(c => quarter is null || c.Quarter == quarter);
        var coverage = await figures.CoverageAsync(campaigns, cancellationToken);
        if (grouping == ByQuarter)
        {
            return TypedResults.Ok(new Response(of, quarter, grouping, [.. coverage.Select(c => RowOf(c, null, null, c.Branches))]));
        }
        var names = await figures.BranchNamesAsync([.. coverage.SelectMany(c => c.Branches).Select(b => b.BranchId).Distinct()], cancellationToken);
        var rows = coverage.SelectMany(c =>
        {
            var counted = c.Branches.ToDictionary(b => b.BranchId);
            return counted.Keys.Union(names.Keys)
                .Select(id => RowOf(c, id, names.GetValueOrDefault(id), counted.TryGetValue(id, out var b) ? [b] : []))
                .OrderBy(r => r.BranchName, StringComparer.Ordinal).ThenBy(r => r.BranchId);
        });
        return TypedResults.Ok(new Response(of, quarter, grouping, [.. rows]));
    }

    private static Row RowOf(DisciplineFigureQueries.CampaignCoverage coverage, Guid? branchId, string? branchName, IReadOnlyCollection<BranchFigures> branches) =>
        new(coverage.Campaign.Quarter, coverage.Campaign.CampaignId, coverage.ReferenceDay, branchId, branchName, branches.Sum(b => b.Members),
            branches.Sum(b => b.Attended), branches.Sum(b => b.MadeUp), branches.Sum(b => b.QuizPassed), branches.Sum(b => b.Covered));
}
