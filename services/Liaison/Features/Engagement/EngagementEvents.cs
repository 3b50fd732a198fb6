using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Engagement;

/// <summary>
/// /api/liaison/events: the office announces engagement events (企业家日, 银企对接会, 商会大讲坛), corrects or cancels
/// them before they start, and records that they were held with who attended. Cadres read everything; an enterprise
/// contact reads the events, its own registration and the outcomes that concern its enterprise.
/// </summary>
public static class EngagementEvents
{
    public sealed record EventRequest(
        EngagementSeries? Series, string? Title, DateTimeOffset? StartsAt, string? Place, IReadOnlyList<string>? Leaders, string? Description);

    public sealed record CancellationRequest(string? Reason);

    public sealed record HeldRequest(IReadOnlyList<Guid>? Attended, IReadOnlyList<string>? Leaders, string? Summary);

    public sealed record Response(
        Guid Id, EngagementSeries Series, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<string> Leaders, string? Description,
        EngagementEventState State, bool TakesRegistrations, string? Summary, string? CancellationReason, int RegisteredEnterprises, int RegisteredBanks,
        int? Attended, EventRegistrations.Response? MyRegistration, IReadOnlyList<EngagementOutcomes.Response> Outcomes, int Version)
    {
        public static string ETagOf(EngagementEvent e) => $"\"{e.Version}\"";
    }

    public sealed class EventValidator : AbstractValidator<EventRequest>
    {
        public EventValidator()
        {
            RuleFor(r => r.Series).NotNull().IsInEnum();
            RuleFor(r => r.Title).NotEmpty().MaximumLength(EngagementEvent.TitleMaxLength);
            RuleFor(r => r.StartsAt).NotNull();
            RuleFor(r => r.Place).NotEmpty().MaximumLength(EngagementEvent.PlaceMaxLength);
            RuleFor(r => r.Description).MaximumLength(EngagementEvent.DescriptionMaxLength);
            RuleFor(r => r.Leaders).Leaders();
        }
    }

    public sealed class CancellationValidator : AbstractValidator<CancellationRequest>
    {
        public CancellationValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(EngagementEvent.SummaryMaxLength);
    }

    public sealed class HeldValidator : AbstractValidator<HeldRequest>
    {
        public HeldValidator()
        {
            RuleFor(r => r.Attended).NotNull();
            RuleFor(r => r.Summary).NotEmpty().MaximumLength(EngagementEvent.SummaryMaxLength);
            RuleFor(r => r.Leaders).Leaders();
        }
    }

    /// <summary>Leaders are named, at most <see cref="EngagementEvent.MaxLeaders"/> of them.</summary>
    private static IRuleBuilderOptions<T, IReadOnlyList<string>?> Leaders<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) => rule
        .Must(l => l is null || l.Count <= EngagementEvent.MaxLeaders)
        .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.LeadersAtMost, EngagementEvent.MaxLeaders))
        .Must(l => l is null || l.All(name => !string.IsNullOrWhiteSpace(name) && name.Length <= EngagementEvent.LeaderMaxLength))
        .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.LeaderName, EngagementEvent.LeaderMaxLength));

    public static RouteGroupBuilder MapEngagementEvents(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/events", ListAsync)
            .RequirePersonAccess(read, LiaisonAccess.EventReaders)
            .WithName("ListEngagementEvents")
            .WithSummary("Engagement events: ?upcoming=true those still taking registrations, soonest first; otherwise latest first; ?series= one series; follow 'next'");
        liaison.MapGet("/events/{id:guid}", GetAsync)
            .RequirePersonAccess(read, LiaisonAccess.EventReaders)
            .WithName("GetEngagementEvent")
            .WithSummary("One engagement event with its outcomes (an enterprise contact: its own registration and the outcomes of its enterprise); the ETag is its version");
        liaison.MapPost("/events", AnnounceAsync)
            .Validate<EventRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("AnnounceEngagementEvent")
            .WithSummary("The office announces an event to come; it takes registrations until it starts; announced as EngagementEventAnnounced");
        liaison.MapPut("/events/{id:guid}", ReviseAsync)
            .Validate<EventRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("ReviseEngagementEvent")
            .WithSummary("The office corrects an announced event (its series stays); If-Match with the ETag it read; announced as EngagementEventRevised");
        liaison.MapPost("/events/{id:guid}/cancel", CancelAsync)
            .Validate<CancellationRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("CancelEngagementEvent")
            .WithSummary("The office cancels an announced event, saying why; announced as EngagementEventCancelled");
        liaison.MapPost("/events/{id:guid}/held", HoldAsync)
            .Validate<HeldRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("HoldEngagementEvent")
            .WithSummary("From the event's day (China time) on, the office records that the event was held: the registrations that attended, the leaders who came and a summary; announced as EngagementEventHeld");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        QueryCode<EngagementSeries>? series, bool? upcoming, string? cursor, int? limit, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var events = db.EngagementEvents.AsNoTracking();
        if (series is { Value: var wanted })
        {
            events = events.Where(e => e.Series == wanted);
        }
        var now = timeProvider.GetUtcNow();
        var soonestFirst = upcoming == true;
        if (soonestFirst)
        {
            events = events.Where(e => e.State == EngagementEventState.Announced && e.StartsAt > now);
        }
        var page = await events.PageAsync(paging, e => e.StartsAt, e => e.Id, context, cancellationToken, descending: !soonestFirst);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, context.Caller(), now, cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var engagement = await db.EngagementEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return engagement is null ? NotFound() : await AnswerAsync(context, db, engagement, timeProvider, cancellationToken);
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> AnnounceAsync(
        EventRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var engagement = EngagementEvent.Announce(DetailsOf(request), context.Caller().UserId!.Value, now);
        db.EngagementEvents.Add(engagement);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = Response.ETagOf(engagement);
        return TypedResults.Created($"/api/liaison/events/{engagement.Id}", (await ResponsesAsync(db, [engagement], context.Caller(), now, cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReviseAsync(
        Guid id, EventRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var engagement = await db.EngagementEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(Response.ETagOf(engagement)) is { } stale)
        {
            return stale;
        }
        engagement.Revise(DetailsOf(request), timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await AnswerAsync(context, db, engagement, timeProvider, cancellationToken);
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> CancelAsync(
        Guid id, CancellationRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var engagement = await db.EngagementEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return NotFound();
        }
        engagement.Cancel(request.Reason!, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await AnswerAsync(context, db, engagement, timeProvider, cancellationToken);
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> HoldAsync(
        Guid id, HeldRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var engagement = await db.EngagementEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return NotFound();
        }
        var registrations = await db.EventRegistrations.Where(r => r.EventId == id && r.WithdrawnAt == null).ToListAsync(cancellationToken);
        var attended = request.Attended!.ToHashSet();
        if (!attended.IsSubsetOf(registrations.Select(r => r.Id)))
        {
            return FieldProblems.Unprocessable("attended", LiaisonTexts.RegistrationNotFound_Title, LiaisonTexts.AttendedUnknown_Detail);
        }
        engagement.Hold(registrations, attended, request.Leaders ?? [], request.Summary!, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await AnswerAsync(context, db, engagement, timeProvider, cancellationToken);
    }

    private static EngagementEvent.Details DetailsOf(EventRequest request) => new(
        request.Series!.Value, request.Title!, request.StartsAt!.Value.ToUniversalTime(), request.Place!, request.Leaders ?? [], request.Description);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> AnswerAsync(
        HttpContext context, LiaisonDbContext db, EngagementEvent engagement, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        context.Response.Headers.ETag = Response.ETagOf(engagement);
        return TypedResults.Ok((await ResponsesAsync(db, [engagement], context.Caller(), timeProvider.GetUtcNow(), cancellationToken))[0]);
    }

    /// <summary>The events as the caller may read them: counts for everyone, outcomes and registrations as far as they concern the caller.</summary>
    private static async Task<IReadOnlyList<Response>> ResponsesAsync(
        LiaisonDbContext db, IReadOnlyList<EngagementEvent> events, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.EventId) && r.WithdrawnAt == null)
            .GroupBy(r => new { r.EventId, r.Kind })
            .Select(g => new { g.Key.EventId, g.Key.Kind, Count = g.Count(), Attended = g.Count(r => r.Attended == true) })
            .ToListAsync(cancellationToken);
        var enterprise = caller.OwnEnterprise?.Code;
        var mine = enterprise is null ? [] : await db.EventRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.EventId) && r.CreditCode == enterprise).ToListAsync(cancellationToken);
        var outcomes = await EngagementOutcomes.VisibleAsync(db, ids, caller, cancellationToken);
        return [.. events.Select(e => new Response(
            e.Id, e.Series, e.Title, e.StartsAt, e.Place, e.Leaders, e.Description, e.State, e.TakesRegistrations(now), e.Summary, e.CancellationReason,
            counts.Where(c => c.EventId == e.Id && c.Kind == ParticipantKind.Enterprise).Sum(c => c.Count),
            counts.Where(c => c.EventId == e.Id && c.Kind == ParticipantKind.Bank).Sum(c => c.Count),
            e.State == EngagementEventState.Held ? counts.Where(c => c.EventId == e.Id).Sum(c => c.Attended) : null,
            mine.Where(r => r.EventId == e.Id).Select(EventRegistrations.Response.From).FirstOrDefault(),
            [.. outcomes.Where(o => o.EventId == e.Id).Select(o => o.Response)], e.Version))];
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.EventNotFound_Title, detail: LiaisonTexts.EventNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
