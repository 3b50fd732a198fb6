using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Figures;

/// <summary>
/// The published figures (及时受理率, 按时办结率, 解决率, 满意率 ...) over tickets submitted in a period (China dates),
/// in total and per lead unit, category, chamber or month, computed with the same rules reporting uses
/// (<see cref="TicketFigures"/>). Scoped like the tickets themselves (<see cref="TicketAccess.VisibleTo"/>): a
/// government system's figures count the tickets it filed; the office, leaders and administrators count all.
/// </summary>
public static class TicketFiguresEndpoint
{
    public enum Grouping
    {
        None,
        Unit,
        Category,
        Chamber,
        Month,
    }

    public sealed record Group(string Key, string Label, TicketFigures Figures);

    public sealed record Response(Grouping GroupBy, TicketFigures Total, IReadOnlyList<Group> Groups);

    private static readonly string[] Ladder = [LadderSteps.Remind, LadderSteps.Urge, LadderSteps.Supervise, LadderSteps.Publicise];

    public static RouteGroupBuilder MapTicketFigures(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/figures", HandleAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.HandleScope],
                [.. TicketAccess.Dispatchers, PlatformRoles.LiaisonLeader])
            .WithName("GetTicketFiguresByGroup")
            .WithSummary("Figures of tickets submitted in a period, in total and per unit, category, chamber or month (groupBy)");
        return tickets;
    }

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, string? groupBy, TicketCategory? category, Guid? unitId, Guid? chamberId,
        HttpContext context, TicketsDbContext db, WorkingCalendar calendar, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var period = ChinaPeriod.Of(from, to, timeProvider);
        if (period.IsBackwards)
        {
            return FieldProblems.Invalid("to", ChinaPeriod.BackwardsMessage);
        }
        var grouping = Grouping.None;
        if (groupBy is not null && (!Enum.TryParse(groupBy, ignoreCase: true, out grouping) || int.TryParse(groupBy, out _)))
        {
            return FieldProblems.Invalid("groupBy", TicketApiTexts.GroupByInvalid);
        }
        var query = db.Tickets.AsNoTracking().VisibleTo(context.Caller()).Where(t => t.SubmittedAt >= period.Start && t.SubmittedAt < period.End);
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
        var tickets = await query.Select(t => new
        {
            t.Id, t.Category, t.LeadUnitId, t.ChamberId, t.SubmittedAt, t.State, t.AcceptedAt, t.AcceptanceDue, t.FirstContactAt,
            t.FirstContactDue, t.RespondedAt, t.StageReplyDue, t.ResolvedAt, t.OriginalResolutionDue, t.Satisfaction, t.ReopenCount,
            t.PausedWorkingTime,
        }).ToListAsync(cancellationToken);
        var steps = (await db.Set<TimelineEntry>().AsNoTracking()
                .Where(e => Ladder.Contains(e.Action) && query.Select(t => t.Id).Contains(e.TicketId))
                .GroupBy(e => new { e.TicketId, e.Action })
                .Select(g => new { g.Key.TicketId, g.Key.Action, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.TicketId);

        var facts = tickets.Select(t =>
        {
            var ladder = steps[t.Id].ToDictionary(s => s.Action, s => s.Count);
            var fact = new TicketFacts
            {
                AcceptedAt = t.AcceptedAt, AcceptanceDue = t.AcceptanceDue, FirstContactAt = t.FirstContactAt, FirstContactDue = t.FirstContactDue,
                RespondedAt = t.RespondedAt, StageReplyDue = t.StageReplyDue, ResolvedAt = t.ResolvedAt,
                OriginalResolutionDue = t.OriginalResolutionDue, State = t.State.ToCode(), Satisfaction = t.Satisfaction?.ToCode(),
                ReopenCount = t.ReopenCount,
                HandlingWorkingHours = t.ResolvedAt is { } resolved && t.AcceptedAt is { } accepted
                    ? Ticket.HandlingWorkingHours(calendar, accepted, resolved, t.PausedWorkingTime)
                    : null,
                Reminders = ladder.GetValueOrDefault(LadderSteps.Remind), Urges = ladder.GetValueOrDefault(LadderSteps.Urge),
                Supervisions = ladder.GetValueOrDefault(LadderSteps.Supervise), PublicNotices = ladder.GetValueOrDefault(LadderSteps.Publicise),
            };
            return (Ticket: t, Facts: fact);
        }).ToList();

        Func<Guid?, string> unitName = _ => "";
        Func<Guid?, string> chamberName = _ => "";
        if (grouping == Grouping.Unit)
        {
            var ids = tickets.Where(t => t.LeadUnitId != null).Select(t => t.LeadUnitId!.Value).Distinct().ToList();
            var names = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
            unitName = id => id is { } known ? names.GetValueOrDefault(known, known.ToString()) : "未交办";
        }
        if (grouping == Grouping.Chamber)
        {
            var ids = tickets.Where(t => t.ChamberId != null).Select(t => t.ChamberId!.Value).Distinct().ToList();
            var names = await db.Chambers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            chamberName = id => id is { } known ? names.GetValueOrDefault(known, known.ToString()) : "未加入商会";
        }
        var groups = grouping switch
        {
            Grouping.None => [],
            Grouping.Unit => Groups(period, facts, f => f.Ticket.LeadUnitId?.ToString() ?? "none", f => unitName(f.Ticket.LeadUnitId)),
            Grouping.Category => Groups(period, facts, f => f.Ticket.Category.ToCode(), f => f.Ticket.Category.ToCode()),
            Grouping.Chamber => Groups(period, facts, f => f.Ticket.ChamberId?.ToString() ?? "none", f => chamberName(f.Ticket.ChamberId)),
            _ => Groups(period, facts, f => ChinaCalendar.DateOf(f.Ticket.SubmittedAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                f => ChinaCalendar.DateOf(f.Ticket.SubmittedAt).ToString("yyyy年M月", System.Globalization.CultureInfo.InvariantCulture)),
        };
        return TypedResults.Ok(new Response(grouping, TicketFigures.Of(period.From, period.To, [.. facts.Select(f => f.Facts)]), groups));
    }

    private static List<Group> Groups<T>(ChinaPeriod period, List<(T Ticket, TicketFacts Facts)> facts, Func<(T Ticket, TicketFacts Facts), string> key,
        Func<(T Ticket, TicketFacts Facts), string> label) =>
        [.. facts.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, label(g.First()), TicketFigures.Of(period.From, period.To, [.. g.Select(f => f.Facts)])))];
}
