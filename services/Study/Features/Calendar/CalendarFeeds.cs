using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Calendar;

/// <summary>
/// Per-person secret iCalendar links a calendar client subscribes to (Outlook, a phone's calendar): a unit's schedule
/// or the person's own activities, read with the person's visibility as of issuing. The feed carries when, where and
/// what only: no attendance, no personal data.
/// </summary>
public static class CalendarFeeds
{
    /// <summary>Enough for a phone, a desktop client and a few more; a person revokes what they no longer use.</summary>
    public const int MaxFeedsPerPerson = 20;

    /// <summary>What a subscribed client sees: the recent past (what was held) and the year ahead.</summary>
    private static readonly TimeSpan Past = TimeSpan.FromDays(90), Ahead = TimeSpan.FromDays(366);

    /// <summary>More than any unit plans in 15 months; the cap only guards the feed's size.</summary>
    private const int MaxEvents = 2000;

    public sealed record FeedRequest(Guid? UnitId);

    public sealed record IssuedFeed(Guid Id, Guid? UnitId, string Url, DateTimeOffset IssuedAt);

    public sealed record FeedItem(Guid Id, Guid? UnitId, string? UnitName, DateTimeOffset IssuedAt, DateTimeOffset? LastUsedAt);

    public static RouteGroupBuilder MapCalendarFeeds(this RouteGroupBuilder study)
    {
        study.MapPost("/calendar-feeds", IssueAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("IssueCalendarFeed")
            .WithSummary("A secret iCalendar link for the caller: a unit's calendar (unitId) or, without one, the caller's own activities; the link is shown only now");
        study.MapGet("/calendar-feeds", ListAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("ListCalendarFeeds")
            .WithSummary("The caller's calendar feeds that are not revoked, newest first (without their secrets)");
        study.MapDelete("/calendar-feeds/{id:guid}", RevokeAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("RevokeCalendarFeed")
            .WithSummary("Revokes one of the caller's calendar feeds: its link answers 404 from now on");
        study.MapGet("/calendar-feeds/{secret}.ics", FeedAsync)
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .WithName("GetCalendarFeed")
            .WithSummary("The feed itself, for calendar clients: no token, the secret in the link is the credential (unknown or revoked: 404)");
        return study;
    }

    internal static async Task<Results<Created<IssuedFeed>, ProblemHttpResult>> IssueAsync(
        FeedRequest request, HttpContext context, StudyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if (request.UnitId is { } unitId && await CalendarQueries.UnitAccessAsync(db, caller, unitId, cancellationToken) is { } refused)
        {
            return refused;
        }
        var person = caller.UserId!.Value;
        if (await db.CalendarFeeds.CountAsync(f => f.PersonId == person && f.RevokedAt == null, cancellationToken) >= MaxFeedsPerPerson)
        {
            return TypedResults.Problem(title: CalendarTexts.FeedLimit_Title, statusCode: StatusCodes.Status422UnprocessableEntity,
                detail: string.Format(CultureInfo.CurrentCulture, CalendarTexts.FeedLimit_Detail, MaxFeedsPerPerson));
        }
        var (feed, secret) = CalendarFeed.Issue(caller, request.UnitId, clock.GetUtcNow());
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        var url = context.Request.PathBase + $"/api/study/calendar-feeds/{secret}.ics";
        return TypedResults.Created(url, new IssuedFeed(feed.Id, feed.UnitId, url, feed.IssuedAt));
    }

    internal static async Task<Results<Ok<Page<FeedItem>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, HttpContext context, StudyDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var person = context.Caller().UserId;
        var page = await db.CalendarFeeds.AsNoTracking().Where(f => f.PersonId == person && f.RevokedAt == null)
            .PageAsync(paging, f => f.IssuedAt, f => f.Id, context, cancellationToken, descending: true);
        var unitIds = page.Items.Where(f => f.UnitId != null).Select(f => f.UnitId!.Value).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return TypedResults.Ok(page.Select(f => new FeedItem(f.Id, f.UnitId, f.UnitId is { } unit ? names.GetValueOrDefault(unit) : null, f.IssuedAt, f.LastUsedAt)));
    }

    /// <summary>Another person's feed is answered as unknown: whose links exist is nobody else's business.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext context, StudyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var person = context.Caller().UserId;
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.Id == id && f.PersonId == person && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }
        feed.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedAsync(
        string secret, StudyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hash = CalendarFeed.HashOf(secret);
        var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.SecretHash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        var caller = feed.AsCaller();
        var activities = feed.UnitId is { } unit ? db.Activities.OfUnit(unit).VisibleTo(caller) : db.Activities.ExpectedOrAttendedBy(caller);
        var (from, to) = (now - Past, now + Ahead);
        var shown = await activities.AsNoTracking().Where(a => a.PlannedStart >= from && a.PlannedStart < to)
            .OrderBy(a => a.PlannedStart).ThenBy(a => a.Id).Take(MaxEvents).ToListAsync(cancellationToken);
        feed.MarkUsed(now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Text(ICalendarOf(shown, now), "text/calendar; charset=utf-8");
    }

    /// <summary>
    /// The iCalendar text: one VEVENT per activity, UID stable across fetches (the activity's id), SEQUENCE its version
    /// so a client replaces a rescheduled event, STATUS CANCELLED for a cancelled one. Times in UTC: every client
    /// shows them in its own zone, and no VTIMEZONE is needed.
    /// </summary>
    internal static string ICalendarOf(IEnumerable<StudyActivity> activities, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//BrandPlatform//Study//ZH" };
        calendar.AddProperty("X-WR-CALNAME", CalendarTexts.ResourceManager.GetString(nameof(CalendarTexts.FeedCalendarName), PlatformLanguages.Default)!);
        foreach (var activity in activities)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{activity.Id}@brandplatform",
                DtStamp = new CalDateTime(now.UtcDateTime),
                Start = new CalDateTime(activity.PlannedStart.UtcDateTime),
                End = new CalDateTime(activity.PlannedEnd.UtcDateTime),
                Summary = $"【{KindLabel(activity.Kind)}】{activity.Topic}",
                Location = activity.Place,
                Sequence = activity.Version,
                Status = activity.State == ActivityState.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The kind as the organ calls it: feeds and ledgers are read in Chinese whatever language asked for them.</summary>
    internal static string KindLabel(ActivityKind kind) =>
        StudyTexts.ResourceManager.GetString($"{nameof(ActivityKind)}_{kind}", PlatformLanguages.Default) ?? kind.ToCode();

    private static ProblemHttpResult NotFound() => TypedResults.Problem(title: CalendarTexts.FeedNotFound_Title,
        detail: CalendarTexts.FeedNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
