using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.ReturnVisits;

/// <summary>
/// The office's two review lists: the return-visit queue (resolved tickets the requester has not confirmed within three
/// working days, and confirmed ones drawn for a call) and the month's withdrawals for 撤单质检.
/// </summary>
public static class OfficeReviews
{
    public sealed record WithdrawalItem(TicketResponse Ticket, DateTimeOffset WithdrawnAt, WithdrawalReview? Review);

    public static RouteGroupBuilder MapOfficeReviews(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/return-visits", ReturnVisitQueueAsync)
            .RequireAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("ListReturnVisitQueue")
            .WithSummary("回访 queue: resolved tickets not confirmed within three working days and confirmed ones drawn for a call, oldest first");
        tickets.MapGet("/withdrawals", WithdrawalsAsync)
            .RequireAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("ListWithdrawals")
            .WithSummary("撤单质检: a month's withdrawals (China calendar, ?month=2026-11) with their review, oldest first; follow 'next'");
        return tickets;
    }

    internal static async Task<Results<Ok<Page<TicketResponse>>, ValidationProblem>> ReturnVisitQueueAsync(
        string? cursor, int? limit, HttpContext context, TicketsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var page = await db.Tickets.AsNoTracking()
            .Where(t => (t.State == TicketState.Resolved && t.ConfirmationDue < now) || t.ReturnVisitPending)
            .PageAsync(paging, t => t.ConfirmationDue!.Value, t => t.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(TicketResponse.From));
    }

    internal static async Task<Results<Ok<Page<WithdrawalItem>>, ValidationProblem>> WithdrawalsAsync(
        string? month, string? cursor, int? limit, HttpContext context, TicketsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1);
        var problems = new Dictionary<string, string[]>();
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out first))
        {
            problems["month"] = [TicketApiTexts.MonthFormat];
        }
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var start = ChinaCalendar.At(first, TimeOnly.MinValue);
        var end = ChinaCalendar.EndOf(new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month)));
        var page = await db.Tickets.AsNoTracking()
            .Where(t => t.WithdrawnAt >= start && t.WithdrawnAt < end)
            .PageAsync(paging, t => t.WithdrawnAt!.Value, t => t.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(t => new WithdrawalItem(TicketResponse.From(t), t.WithdrawnAt!.Value, t.WithdrawalReview)));
    }
}
