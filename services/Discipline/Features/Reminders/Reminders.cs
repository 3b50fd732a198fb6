using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features.Reminders;

/// <summary>
/// Integrity reminders (八小时之外), /api/discipline/reminders: each member reads their own notices and marks them read;
/// the office sees each reminder with how many it reached and how many have read it (never who has not: no one is
/// ranked or chased over a notice).
/// </summary>
public static class Reminders
{
    /// <summary>A member's notice: the reminder and whether they have read it.</summary>
    public sealed record NoticeResponse(
        Guid ReminderId, string Holiday, DateOnly HolidayFrom, DateOnly HolidayTo, string Message, DateTimeOffset IssuedAt, bool Read, DateTimeOffset? ReadAt);

    public sealed record ReminderResponse(
        Guid Id, string Holiday, DateOnly HolidayFrom, DateOnly HolidayTo, string Message, DateTimeOffset IssuedAt, int RecipientCount, int ReadCount);

    /// <summary>A row of "mine" as the query pages it (member initialisation, so the keyset's filter translates to SQL).</summary>
    private sealed class NoticeRow
    {
        public Guid ReminderId { get; init; }
        public string Holiday { get; init; } = "";
        public DateOnly HolidayFrom { get; init; }
        public DateOnly HolidayTo { get; init; }
        public string Message { get; init; } = "";
        public DateTimeOffset IssuedAt { get; init; }
        public DateTimeOffset? ReadAt { get; init; }

        public NoticeResponse ToResponse() => new(ReminderId, Holiday, HolidayFrom, HolidayTo, Message, IssuedAt, ReadAt is not null, ReadAt);
    }

    public static RouteGroupBuilder MapReminders(this RouteGroupBuilder discipline)
    {
        discipline.MapGet("/reminders/mine", MineAsync)
            .RequirePersonAccess([DisciplineAccess.ReadScope], DisciplineAccess.Participants)
            .WithName("ListMyReminders")
            .WithSummary("The caller's integrity reminders, newest first, each with whether it has been read; follow 'next'");
        discipline.MapPost("/reminders/{id:guid}/read", MarkReadAsync)
            .RequirePersonAccess([DisciplineAccess.WriteScope], DisciplineAccess.Participants)
            .WithName("MarkReminderRead")
            .WithSummary("The caller marks their own notice of the reminder read (again: the first reading stands); 404 when they have none");
        discipline.MapGet("/reminders", ListAsync)
            .RequirePersonAccess([DisciplineAccess.ReadScope], DisciplineAccess.Office)
            .WithName("ListReminders")
            .WithSummary("Every reminder issued, newest first, with the number of members it reached and the number who have read it (office)");
        return discipline;
    }

    internal static async Task<Results<Ok<Page<NoticeResponse>>, ValidationProblem>> MineAsync(
        string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var person = context.Caller().UserId;
        var notices = from notice in db.ReminderNotices.AsNoTracking()
                      where notice.PersonId == person
                      join reminder in db.Reminders.AsNoTracking() on notice.ReminderId equals reminder.Id
                      select new NoticeRow
                      {
                          ReminderId = reminder.Id, Holiday = reminder.Holiday, HolidayFrom = reminder.HolidayFrom, HolidayTo = reminder.HolidayTo,
                          Message = reminder.Message, IssuedAt = reminder.IssuedAt, ReadAt = notice.ReadAt,
                      };
        var page = await notices.PageAsync(paging, n => n.IssuedAt, n => n.ReminderId, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(n => n.ToResponse()));
    }

    internal static async Task<Results<Ok<NoticeResponse>, ProblemHttpResult>> MarkReadAsync(
        Guid id, HttpContext context, DisciplineDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var person = context.Caller().UserId;
        var notice = await db.ReminderNotices.SingleOrDefaultAsync(n => n.ReminderId == id && n.PersonId == person, cancellationToken);
        if (notice is null)
        {
            return TypedResults.Problem(title: RemindersTexts.ReminderNotFound_Title, detail: RemindersTexts.ReminderNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        var reminder = await db.Reminders.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        notice.MarkRead(timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new NoticeResponse(reminder.Id, reminder.Holiday, reminder.HolidayFrom, reminder.HolidayTo, reminder.Message,
            reminder.IssuedAt, true, notice.ReadAt));
    }

    internal static async Task<Results<Ok<Page<ReminderResponse>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, HttpContext context, DisciplineDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var page = await db.Reminders.AsNoTracking().PageAsync(paging, r => r.IssuedAt, r => r.Id, context, cancellationToken, descending: true);
        var ids = page.Items.Select(r => r.Id).ToList();
        var read = await db.ReminderNotices.Where(n => ids.Contains(n.ReminderId) && n.ReadAt != null).GroupBy(n => n.ReminderId)
            .Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        return TypedResults.Ok(page.Select(r => new ReminderResponse(
            r.Id, r.Holiday, r.HolidayFrom, r.HolidayTo, r.Message, r.IssuedAt, r.RecipientCount, read.GetValueOrDefault(r.Id))));
    }
}
