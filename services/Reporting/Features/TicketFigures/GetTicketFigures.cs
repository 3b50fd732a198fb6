using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>
/// The figures municipal platforms publish for enterprise requests, over tickets submitted in a period (China dates), by
/// the rules in <see cref="Contracts.Tickets.TicketFigures"/> that the tickets service applies too.
/// </summary>
public static class GetTicketFigures
{
    public static RouteHandlerBuilder MapGetTicketFigures(this RouteGroupBuilder group) => group
        .MapGet("/tickets/figures", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetTicketFigures")
        .WithSummary("On-time, solved, satisfaction, reopen and escalation figures of tickets submitted in a period, optionally per category, lead unit or chamber")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Contracts.Tickets.TicketFigures>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, string? category, Guid? unitId, Guid? chamberId, ReportingDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var period = ChinaPeriod.Of(from, to, timeProvider);
        if (period.IsBackwards)
        {
            return FieldProblems.Invalid("to", ChinaPeriod.BackwardsMessage);
        }
        var query = db.TicketRecords.AsNoTracking().Where(t => t.SubmittedAt >= period.Start && t.SubmittedAt < period.End);
        if (category is not null)
        {
            query = query.Where(t => t.Category == category);
        }
        if (unitId is not null)
        {
            query = query.Where(t => t.LeadUnitId == unitId);
        }
        if (chamberId is not null)
        {
            query = query.Where(t => t.ChamberId == chamberId);
        }
        var records = await query.ToListAsync(cancellationToken);
        return TypedResults.Ok(Contracts.Tickets.TicketFigures.Of(period.From, period.To, [.. records.Select(r => r.Facts())]));
    }
}
