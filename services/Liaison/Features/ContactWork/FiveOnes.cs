using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.ContactWork;

/// <summary>
/// /api/liaison/five-ones: the 五个一 duties of each cadre for a year, read from the records the work leaves (a pair
/// formed, a 谈心交心 logged, a visit made, a problem raised and solved, a 思想动态 handed in), never from a form asking
/// for a count. The office reads every cadre on the rosters, a cadre their own row; each row says what is still missing.
/// </summary>
public static class FiveOnes
{
    public sealed record Duty(FiveOnesDuty Kind, bool Done, int Count);

    public sealed record Response(Guid PersonId, string Name, int Year, IReadOnlyList<Duty> Duties, IReadOnlyList<FiveOnesDuty> Missing);

    /// <summary>A cadre as the rosters name them (members set by name: EF filters and pages on them after grouping).</summary>
    internal sealed class Cadre
    {
        public Guid PersonId { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>Ticket states that mean the problem was solved: resolved, or resolved and confirmed by the enterprise.</summary>
    private static readonly string[] Solved = ["resolved", "confirmed"];

    public static RouteGroupBuilder MapFiveOnes(this RouteGroupBuilder liaison)
    {
        liaison.MapGet("/five-ones", ListAsync)
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.Cadres)
            .WithName("ListFiveOnes")
            .WithSummary("The 五个一 duties of a year (?year=, this year by default) per cadre with what is missing: the office every cadre on the rosters by name, a cadre their own; follow 'next'");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        int? year, string? cursor, int? limit, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        YearQuery.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var period = Periods.Year(year ?? ChinaCalendar.DateOf(timeProvider.GetUtcNow()).Year);
        var caller = context.Caller();
        var members = db.UnitMembers.AsNoTracking().Current();
        if (!caller.IsOffice())
        {
            var me = caller.UserId ?? Guid.Empty;
            members = members.Where(m => m.PersonId == me);
        }
        var cadres = members.GroupBy(m => m.PersonId).Select(g => new Cadre { PersonId = g.Key, Name = g.Min(m => m.DisplayName)! });
        var page = await cadres.PageAsync(paging, c => c.Name, c => c.PersonId, context, cancellationToken);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, period, cancellationToken)));
    }

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(LiaisonDbContext db, IReadOnlyList<Cadre> cadres, ChinaPeriod period, CancellationToken cancellationToken)
    {
        var ids = cadres.Select(c => c.PersonId).ToList();
        var (from, to) = (period.From, period.To);
        var friends = await CountsAsync(db.FriendshipPairs.AsNoTracking()
            .Where(p => ids.Contains(p.CadreId) && p.FormedOn <= to && (p.EndedOn == null || p.EndedOn >= from)).Select(p => p.CadreId), cancellationToken);
        var talks = await CountsAsync(db.FriendshipContacts.AsNoTracking()
            .Where(c => c.Way == FriendshipContactWay.HeartToHeartTalk && c.On >= from && c.On <= to)
            .Join(db.FriendshipPairs.AsNoTracking().Where(p => ids.Contains(p.CadreId)), c => c.PairId, p => p.Id, (_, p) => p.CadreId), cancellationToken);
        var visitors = await db.Visits.AsNoTracking().Where(v => v.VisitedOn >= from && v.VisitedOn <= to && v.VisitorIds.Any(id => ids.Contains(id)))
            .Select(v => v.VisitorIds).ToListAsync(cancellationToken);
        var visits = visitors.SelectMany(v => v).Where(ids.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var solved = await CountsAsync(db.Problems.AsNoTracking()
            .Where(p => ids.Contains(p.RaisedById) && p.RaisedAt >= period.Start && p.RaisedAt < period.End && Solved.Contains(p.TicketState!))
            .Select(p => p.RaisedById), cancellationToken);
        var notes = await CountsAsync(db.ThoughtTrendNotes.AsNoTracking()
            .Where(n => ids.Contains(n.AuthorId) && n.ObservedOn >= from && n.ObservedOn <= to).Select(n => n.AuthorId), cancellationToken);
        return [.. cadres.Select(c =>
        {
            Duty[] duties =
            [
                Of(FiveOnesDuty.MakeFriend, friends), Of(FiveOnesDuty.HeartToHeartTalk, talks), Of(FiveOnesDuty.Visit, visits),
                Of(FiveOnesDuty.SolveProblem, solved), Of(FiveOnesDuty.ThoughtReport, notes),
            ];
            return new Response(c.PersonId, c.Name, from.Year, duties, [.. duties.Where(d => !d.Done).Select(d => d.Kind)]);

            Duty Of(FiveOnesDuty kind, Dictionary<Guid, int> counts) =>
                counts.GetValueOrDefault(c.PersonId) is var count and > 0 ? new Duty(kind, true, count) : new Duty(kind, false, 0);
        })];
    }

    private static Task<Dictionary<Guid, int>> CountsAsync(IQueryable<Guid> people, CancellationToken cancellationToken) =>
        people.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
