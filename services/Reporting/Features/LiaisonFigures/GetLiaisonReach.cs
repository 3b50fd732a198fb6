using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.LiaisonFigures;

/// <summary>
/// The united-front department's reach per quarter: visits made, contacts visited per category (each contact once a
/// quarter, however often visited), and the problems enterprises raised on visits and at engagement events (the
/// tickets filed on channel visit or event) with how many of them are solved. Counts only, never a cadre's.
/// </summary>
public static class GetLiaisonReach
{
    /// <summary>Ticket channels of problems liaison raised on an enterprise's behalf.</summary>
    private static readonly string[] RaisedChannels = ["visit", "event"];

    public sealed record QuarterRow(
        int Year, int Quarter, int Visits, int ContactsVisited, int RepresentativeFigures, int PrivateEntrepreneurs, int NewSocialClassFigures,
        int ProblemsRaised, int ProblemsSolved);

    public sealed record Response(DateOnly From, DateOnly To, IReadOnlyList<QuarterRow> Quarters);

    public static RouteHandlerBuilder MapGetLiaisonReach(this RouteGroupBuilder group) => group
        .MapGet("/liaison/reach", HandleAsync)
        .RequirePersonAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetLiaisonReach")
        .WithSummary("Liaison's reach per quarter of the period (from&to, or year&quarter; default the year so far): visits, contacts visited per category, problems raised on visits and at events and how many are solved")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, int? year, int? quarter, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (period, invalid) = ReportPeriod.Of(from, to, year, quarter, timeProvider);
        if (invalid is not null)
        {
            return invalid;
        }
        var (first, last) = (period!.From, period.To);
        var visits = await db.LiaisonVisits.AsNoTracking().Where(v => v.VisitedOn >= first && v.VisitedOn <= last)
            .Select(v => new { v.VisitedOn, v.ContactIds, v.ContactCategories }).ToListAsync(cancellationToken);
        var problems = await db.TicketRecords.AsNoTracking()
            .Where(t => RaisedChannels.Contains(t.Channel) && t.SubmittedAt >= period.Start && t.SubmittedAt < period.End)
            .Select(t => new { t.SubmittedAt, Solved = t.ResolvedAt != null }).ToListAsync(cancellationToken);
        var rows = new List<QuarterRow>();
        for (var start = Periods.FirstDayOf(first.Year, Periods.QuarterOf(first)); start <= last; start = start.AddMonths(3))
        {
            var (y, q) = (start.Year, Periods.QuarterOf(start));
            var inQuarter = visits.Where(v => v.VisitedOn.Year == y && Periods.QuarterOf(v.VisitedOn) == q).ToList();
            var contacts = inQuarter.SelectMany(v => v.ContactIds.Zip(v.ContactCategories)).DistinctBy(c => c.First).ToList();
            var raised = problems.Where(p => ChinaCalendar.DateOf(p.SubmittedAt) is var day && day.Year == y && Periods.QuarterOf(day) == q).ToList();
            rows.Add(new QuarterRow(y, q, inQuarter.Count, contacts.Count,
                contacts.Count(c => c.Second == "representativeFigure"), contacts.Count(c => c.Second == "privateEntrepreneur"),
                contacts.Count(c => c.Second == "newSocialClassFigure"), raised.Count, raised.Count(p => p.Solved)));
        }
        return TypedResults.Ok(new Response(first, last, rows));
    }
}
