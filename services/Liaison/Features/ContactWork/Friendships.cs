using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Liaison.Features.ContactWork;

/// <summary>
/// /api/liaison/friendships: 联谊交友 pairs. The office pairs a cadre with a contact and ends a pair; the cadre logs each
/// time they kept in touch. A pair's year counts its logged contacts and the visits on which the cadre met the friend,
/// against the yearly minimum; ?short=true lists the pairs still short of it. The office reads every pair, a cadre theirs.
/// </summary>
public static class Friendships
{
    public sealed record FormRequest(Guid? CadreId, Guid? ContactId, DateOnly? FormedOn);

    public sealed record EndRequest(DateOnly? EndedOn);

    public sealed record ContactRequest(DateOnly? On, FriendshipContactWay? Way, string? Note);

    public sealed record ContactResponse(Guid Id, DateOnly On, FriendshipContactWay Way, string? Note, DateTimeOffset LoggedAt);

    public sealed record Response(
        Guid Id, Guid CadreId, string CadreName, Guid ContactId, string ContactName, ContactCategory ContactCategory, DateOnly FormedOn, DateOnly? EndedOn,
        int Year, int ContactsLogged, int Visits, int Minimum, int ShortBy);

    public sealed record DetailResponse(Response Pair, IReadOnlyList<ContactResponse> ContactsThisYear);

    public sealed class FormValidator : AbstractValidator<FormRequest>
    {
        public FormValidator()
        {
            RuleFor(r => r.CadreId).NotEmpty();
            RuleFor(r => r.ContactId).NotEmpty();
            RuleFor(r => r.FormedOn).NotNull();
        }
    }

    public sealed class EndValidator : AbstractValidator<EndRequest>
    {
        public EndValidator() => RuleFor(r => r.EndedOn).NotNull();
    }

    public sealed class ContactValidator : AbstractValidator<ContactRequest>
    {
        public ContactValidator()
        {
            RuleFor(r => r.On).NotNull();
            RuleFor(r => r.Way).NotNull().IsInEnum();
            RuleFor(r => r.Note).MaximumLength(FriendshipContact.NoteMaxLength);
        }
    }

    public static RouteGroupBuilder MapFriendships(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/friendships", ListAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("ListFriendships")
            .WithSummary("联谊交友 pairs of a year (?year=, this year by default) with their contacts counted against the yearly minimum; ?short=true those still short of it; ?cadreId= one cadre's (the office); a cadre sees their own; follow 'next'");
        liaison.MapGet("/friendships/{id:guid}", GetAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("GetFriendship")
            .WithSummary("One pair with this year's logged contacts (its cadre and the office; 404 for others)");
        liaison.MapPost("/friendships", FormAsync)
            .Validate<FormRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("FormFriendship")
            .WithSummary("The office pairs a cadre on the rosters with a contact (one pair of the two at a time: 409); announced as FriendshipPairFormed");
        liaison.MapPost("/friendships/{id:guid}/end", EndAsync)
            .Validate<EndRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("EndFriendship")
            .WithSummary("The office ends a pair on a day since it was formed (the record stays); announced as FriendshipPairEnded");
        liaison.MapPost("/friendships/{id:guid}/contacts", LogContactAsync)
            .Validate<ContactRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Cadres)
            .WithName("LogFriendshipContact")
            .WithSummary("The pair's cadre (or the office) logs a time they kept in touch: a day since the pair was formed, not after today; heartToHeartTalk counts as the 五个一 谈心交心");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        int? year, bool? @short, Guid? cadreId, string? cursor, int? limit, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider,
        IOptions<FriendshipOptions> options, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        YearQuery.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var period = Periods.Year(year ?? ChinaCalendar.DateOf(timeProvider.GetUtcNow()).Year);
        var minimum = options.Value.MinimumContactsPerYear;
        var pairs = Visible(db.FriendshipPairs.AsNoTracking(), context.Caller())
            .Where(p => p.FormedOn <= period.To && (p.EndedOn == null || p.EndedOn >= period.From));
        if (cadreId is { } cadre)
        {
            pairs = pairs.Where(p => p.CadreId == cadre);
        }
        if (@short == true)
        {
            var shortIds = KeptIn(db, pairs, period).Where(k => k.Logged + k.Visits < minimum).Select(k => k.PairId);
            pairs = pairs.Where(p => shortIds.Contains(p.Id));
        }
        var page = await pairs.PageAsync(paging, p => p.FormedAt, p => p.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, period, minimum, cancellationToken)));
    }

    internal static async Task<Results<Ok<DetailResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, IOptions<FriendshipOptions> options, CancellationToken cancellationToken)
    {
        var pair = await Visible(db.FriendshipPairs.AsNoTracking(), context.Caller()).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return pair is null ? NotFound() : TypedResults.Ok(await DetailAsync(db, pair, timeProvider, options.Value, cancellationToken));
    }

    internal static async Task<Results<Created<DetailResponse>, ProblemHttpResult>> FormAsync(
        FormRequest request, LiaisonDbContext db, TimeProvider timeProvider, IOptions<FriendshipOptions> options, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ContactId, cancellationToken);
        if (contact is null)
        {
            return FieldProblems.Unprocessable("contactId", LiaisonTexts.ContactNotFound_Title, LiaisonTexts.ContactsUnknown_Detail);
        }
        if (await db.UnitMembers.CurrentNameAsync(request.CadreId!.Value, cancellationToken) is not { } cadreName)
        {
            return FieldProblems.Unprocessable("cadreId", LiaisonTexts.CadreNotFound_Title, LiaisonTexts.CadreNotFound_Detail);
        }
        var pair = FriendshipPair.Form(new Visitor(request.CadreId.Value, cadreName), contact, request.FormedOn!.Value, timeProvider.GetUtcNow());
        db.FriendshipPairs.Add(pair);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return TypedResults.Problem(title: LiaisonTexts.FriendshipExists_Title, detail: LiaisonTexts.FriendshipExists_Detail, statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/liaison/friendships/{pair.Id}", await DetailAsync(db, pair, timeProvider, options.Value, cancellationToken));
    }

    internal static async Task<Results<Ok<DetailResponse>, ProblemHttpResult>> EndAsync(
        Guid id, EndRequest request, LiaisonDbContext db, TimeProvider timeProvider, IOptions<FriendshipOptions> options, CancellationToken cancellationToken)
    {
        var pair = await db.FriendshipPairs.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pair is null)
        {
            return NotFound();
        }
        pair.End(request.EndedOn!.Value, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await DetailAsync(db, pair, timeProvider, options.Value, cancellationToken));
    }

    internal static async Task<Results<Created<ContactResponse>, ProblemHttpResult>> LogContactAsync(
        Guid id, ContactRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var pair = await Visible(db.FriendshipPairs.AsNoTracking(), caller).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pair is null)
        {
            return NotFound();
        }
        var logged = pair.Log(request.On!.Value, request.Way!.Value, request.Note, caller.UserId!.Value, timeProvider.GetUtcNow());
        db.FriendshipContacts.Add(logged);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/liaison/friendships/{id}", new ContactResponse(logged.Id, logged.On, logged.Way, logged.Note, logged.LoggedAt));
    }

    /// <summary>The office reads every pair; a cadre their own.</summary>
    private static IQueryable<FriendshipPair> Visible(IQueryable<FriendshipPair> pairs, Caller caller)
    {
        if (caller.IsOffice())
        {
            return pairs;
        }
        var me = caller.UserId ?? Guid.Empty;
        return pairs.Where(p => p.CadreId == me);
    }

    private static async Task<DetailResponse> DetailAsync(
        LiaisonDbContext db, FriendshipPair pair, TimeProvider timeProvider, FriendshipOptions options, CancellationToken cancellationToken)
    {
        var period = Periods.Year(ChinaCalendar.DateOf(timeProvider.GetUtcNow()).Year);
        var contacts = await db.FriendshipContacts.AsNoTracking().Where(c => c.PairId == pair.Id && c.On >= period.From && c.On <= period.To)
            .OrderBy(c => c.On).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return new DetailResponse((await ResponsesAsync(db, [pair], period, options.MinimumContactsPerYear, cancellationToken))[0],
            [.. contacts.Select(c => new ContactResponse(c.Id, c.On, c.Way, c.Note, c.LoggedAt))]);
    }

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(
        LiaisonDbContext db, IReadOnlyList<FriendshipPair> pairs, ChinaPeriod period, int minimum, CancellationToken cancellationToken)
    {
        var ids = pairs.Select(p => p.Id).ToList();
        var contactIds = pairs.Select(p => p.ContactId).Distinct().ToList();
        var friends = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var kept = await KeptIn(db, db.FriendshipPairs.AsNoTracking().Where(p => ids.Contains(p.Id)), period).ToDictionaryAsync(k => k.PairId, cancellationToken);
        return [.. pairs.Select(p =>
        {
            var (logged, visited) = (kept[p.Id].Logged, kept[p.Id].Visits);
            var friend = friends[p.ContactId];
            return new Response(p.Id, p.CadreId, p.CadreName, p.ContactId, friend.Name, friend.Category, p.FormedOn, p.EndedOn, period.From.Year,
                logged, visited, minimum, Math.Max(0, minimum - logged - visited));
        })];
    }

    /// <summary>How a pair kept in touch in a period (members set by name: EF filters on them).</summary>
    private sealed class Kept
    {
        public Guid PairId { get; init; }
        public int Logged { get; init; }
        public int Visits { get; init; }
    }

    /// <summary>
    /// The one rule of what counts towards the yearly minimum, for the answer and the ?short filter alike: the contacts
    /// logged in the period, and the visits in it on which the pair's cadre met the friend.
    /// </summary>
    private static IQueryable<Kept> KeptIn(LiaisonDbContext db, IQueryable<FriendshipPair> pairs, ChinaPeriod period)
    {
        var (from, to) = (period.From, period.To);
        return pairs.Select(p => new Kept
        {
            PairId = p.Id,
            Logged = db.FriendshipContacts.Count(c => c.PairId == p.Id && c.On >= from && c.On <= to),
            Visits = db.Visits.Count(v => v.VisitorIds.Contains(p.CadreId) && v.ContactIds.Contains(p.ContactId) && v.VisitedOn >= from && v.VisitedOn <= to),
        });
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.FriendshipNotFound_Title, detail: LiaisonTexts.FriendshipNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
