using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

public static class GetTicketSummary
{
    public sealed record Response(int Total, IReadOnlyDictionary<string, int> ByCategory);

    public static RouteHandlerBuilder MapGetTicketSummary(this RouteGroupBuilder group) => group
        .MapGet("/tickets/summary", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetTicketSummary")
        .WithSummary("Ticket volume, in total and per category")
        .WithXlsxExport();

    internal static async Task<Ok<Response>> HandleAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        var byCategory = await db.TicketRecords
            .GroupBy(t => t.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Category, g => g.Count, cancellationToken);
        return TypedResults.Ok(new Response(byCategory.Values.Sum(), byCategory));
    }
}
