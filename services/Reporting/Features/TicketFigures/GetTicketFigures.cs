using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>
/// The figures municipal platforms publish for enterprise requests, over tickets submitted in a period (China dates):
/// 及时受理率 (accepted by the acceptance deadline), 按时办结率 (resolved by the original resolution deadline: an
/// extension does not make a late ticket on time; pauses for the requester's material do not count against the unit),
/// 满意率 (satisfied or basically satisfied among confirmations), reopen rate and average handling time in working hours.
/// Rates are null when there is nothing to divide by.
/// </summary>
public static class GetTicketFigures
{
    public sealed record Response(
        DateOnly From, DateOnly To, int Volume, int Accepted, double? AcceptedOnTimeRate, int Resolved, double? ResolvedOnTimeRate,
        int Confirmed, double? SatisfactionRate, double? ReopenRate, double? AverageHandlingWorkingHours);

    public static RouteHandlerBuilder MapGetTicketFigures(this RouteGroupBuilder group) => group
        .MapGet("/tickets/figures", HandleAsync)
        .RequireAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetTicketFigures")
        .WithSummary("On-time, satisfaction and reopen figures of tickets submitted in a period, optionally per category or lead unit");

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, string? category, Guid? unitId, ReportingDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var today = timeProvider.Today();
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        if (last < first)
        {
            return FieldProblems.Invalid("to", "结束日期不能早于开始日期");
        }
        var start = ChinaCalendar.At(first, TimeOnly.MinValue);
        var end = ChinaCalendar.At(last.AddDays(1), TimeOnly.MinValue);
        var query = db.TicketRecords.AsNoTracking().Where(t => t.SubmittedAt >= start && t.SubmittedAt < end);
        if (category is not null)
        {
            query = query.Where(t => t.Category == category);
        }
        if (unitId is not null)
        {
            query = query.Where(t => t.LeadUnitId == unitId);
        }
        var tickets = await query.Select(t => new
        {
            t.AcceptedAt, t.AcceptanceDue, t.ResolvedAt, t.OriginalResolutionDue, t.Satisfaction, t.ReopenCount, t.HandlingWorkingHours,
        }).ToListAsync(cancellationToken);

        var accepted = tickets.Where(t => t.AcceptedAt is not null).ToList();
        var resolved = tickets.Where(t => t.ResolvedAt is not null || t.ReopenCount > 0).ToList();
        var confirmed = tickets.Where(t => t.Satisfaction is not null).ToList();
        return TypedResults.Ok(new Response(
            first, last, tickets.Count,
            accepted.Count, Rate(accepted.Count(t => t.AcceptedAt <= t.AcceptanceDue), accepted.Count),
            resolved.Count, Rate(resolved.Count(t => t.ResolvedAt is not null && t.ResolvedAt <= t.OriginalResolutionDue), resolved.Count),
            confirmed.Count, Rate(confirmed.Count(t => t.Satisfaction is "satisfied" or "basicallySatisfied"), confirmed.Count),
            Rate(resolved.Count(t => t.ReopenCount > 0), resolved.Count),
            tickets.Any(t => t.HandlingWorkingHours is not null)
                ? Math.Round(tickets.Where(t => t.HandlingWorkingHours is not null).Average(t => t.HandlingWorkingHours!.Value), 2)
                : null));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
