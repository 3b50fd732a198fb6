using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>The year's integrity pledge (廉政承诺书) per branch: its members on the year's reference day and how many signed.</summary>
public static class GetDisciplinePledges
{
    /// <param name="UnitName">The branch's current name; null when reporting has not yet heard of the branch.</param>
    public sealed record UnitRow(Guid UnitId, string? UnitName, int Members, int Signed);

    public sealed record Response(int Year, DateOnly ReferenceDay, int Members, int Signed, IReadOnlyList<UnitRow> Units);

    public static RouteHandlerBuilder MapGetDisciplinePledges(this RouteGroupBuilder group) => group
        .MapGet("/discipline/pledges", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetDisciplinePledges")
        .WithSummary("The year's integrity pledge per branch (default: this year): members on the reference day and how many signed")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        int? year, DisciplineFigureQueries figures, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var of = year ?? timeProvider.Today().Year;
        if (DisciplineFigureParameters.Invalid(of) is { } invalid)
        {
            return invalid;
        }
        var (day, branches) = await figures.PledgesAsync(of, cancellationToken);
        var counted = branches.ToDictionary(b => b.BranchId);
        var names = await figures.BranchNamesAsync(counted.Keys, cancellationToken);
        var units = counted.Keys.Union(names.Keys)
            .Select(id => counted.TryGetValue(id, out var b)
                ? new UnitRow(id, names.GetValueOrDefault(id), b.Members, b.Signed)
                : new UnitRow(id, names.GetValueOrDefault(id), 0, 0))
            .OrderBy(u => u.UnitName, StringComparer.Ordinal).ThenBy(u => u.UnitId).ToList();
        return TypedResults.Ok(new Response(of, day, units.Sum(u => u.Members), units.Sum(u => u.Signed), units));
    }
}
