using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

/// <summary>
/// How long publicity takes: for each item published in the year (China dates) that names when what it tells of
/// happened, the lag in days from that day to the day of publication; per month of publication the count, the median
/// and the longest. A withdrawn item no longer counts. Every branch's items for the office and leaders, one's own
/// branch's for its keepers.
/// </summary>
public static class GetPublicationLag
{
    public sealed record Month(int Number, int Items, double MedianDays, int MaxDays);

    /// <param name="LagDays">China days from what the item tells of to its publication.</param>
    public sealed record Item(
        Guid ItemId, Guid BranchId, string Kind, string Title, string? SourceKind, Guid? SourceId, DateTimeOffset SourceOccurredAt, DateTimeOffset PublishedAt,
        int LagDays);

    /// <param name="Items">How many items count.</param>
    /// <param name="MedianDays">Over the year's items; null when none.</param>
    /// <param name="Months">The months with items, in order.</param>
    /// <param name="Published">The items, in order of publication.</param>
    public sealed record Response(int Year, int Items, double? MedianDays, int? MaxDays, IReadOnlyList<Month> Months, IReadOnlyList<Item> Published);

    public static RouteHandlerBuilder MapGetPublicationLag(this RouteGroupBuilder group) => group
        .MapGet("/publication-lag", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, CommunityAccess.Roles)
        .WithName("GetPublicationLag")
        .WithSummary("Publicity's lag in a year (default this one): for published items that say when what they tell of happened, count, median and longest lag in days per month of publication, and each item with its lag");

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        int? year, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var of = year ?? timeProvider.Today().Year;
        var problems = new Dictionary<string, string[]>();
        ReportPeriod.CheckYearAndQuarter(of, null, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var caller = context.Caller();
        var period = Periods.Year(of);
        var items = (await db.PublicityItems.AsNoTracking()
            .Where(i => i.State == PublicityItemRecord.Published && i.SourceOccurredAt != null && i.PublishedAt >= period.Start && i.PublishedAt < period.End)
            .OrderBy(i => i.PublishedAt).ThenBy(i => i.ItemId).ToListAsync(cancellationToken))
            .Where(i => caller.MaySeeBranch(i.BranchId))
            .Select(i => new Item(i.ItemId, i.BranchId, i.Kind, i.Title, i.SourceKind, i.SourceId, i.SourceOccurredAt!.Value, i.PublishedAt!.Value,
                ChinaCalendar.DateOf(i.PublishedAt.Value).DayNumber - ChinaCalendar.DateOf(i.SourceOccurredAt.Value).DayNumber))
            .ToList();
        var months = items.GroupBy(i => ChinaCalendar.DateOf(i.PublishedAt).Month).OrderBy(g => g.Key)
            .Select(g => new Month(g.Key, g.Count(), Median(g), g.Max(i => i.LagDays)));
        return TypedResults.Ok(new Response(of, items.Count, items.Count == 0 ? null : Median(items), items.Count == 0 ? null : items.Max(i => i.LagDays),
            [.. months], items));
    }

    private static double Median(IEnumerable<Item> items)
    {
        var lags = items.Select(i => i.LagDays).Order().ToList();
        var middle = lags.Count / 2;
        return lags.Count % 2 == 1 ? lags[middle] : (lags[middle - 1] + lags[middle]) / 2.0;
    }
}
