using System.Globalization;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>
/// The figures municipal platforms publish for enterprise requests (及时受理率, 按时办结率, 解决率, 满意率 ...), over tickets
/// submitted in a period (China dates), in total and per lead unit, category, chamber, month or quarter, by the rules in
/// <see cref="Contracts.Tickets.TicketFigures"/>. The one home of these figures: a government system counts only the
/// tickets it filed; people as <see cref="ReportingAccess"/> says count all.
/// </summary>
public static class GetTicketFigures
{
    public enum Grouping
    {
        None,
        Unit,
        Category,
        Chamber,
        Month,
        Quarter,
    }

    public sealed record Group(string Key, string Label, Contracts.Tickets.TicketFigures Figures);

    public sealed record Response(DateOnly From, DateOnly To, Grouping GroupBy, Contracts.Tickets.TicketFigures Total, IReadOnlyList<Group> Groups);

    /// <summary>The key of tickets no unit leads yet, or filed by no chamber's member.</summary>
    public const string NoneKey = "none";

    public static RouteHandlerBuilder MapGetTicketFigures(this RouteGroupBuilder group) => group
        .MapGet("/tickets/figures", HandleAsync)
        .RequireAccess(ReportingAccess.ReadScopes, ReportingAccess.Readers)
        .WithName("GetTicketFigures")
        .WithSummary("On-time, solved, satisfaction, reopen and escalation figures of tickets submitted in a period, in total and per unit, category, chamber, month or quarter (groupBy)")
        .WithXlsxExport();

    internal static async Task<Results<Ok<Response>, ValidationProblem>> HandleAsync(
        DateOnly? from, DateOnly? to, string? groupBy, string? category, Guid? unitId, Guid? chamberId, HttpContext context,
        ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var period = ChinaPeriod.Of(from, to, timeProvider);
        if (period.IsBackwards)
        {
            return FieldProblems.Invalid("to", ChinaPeriod.BackwardsMessage);
        }
        var grouping = Grouping.None;
        if (groupBy is not null && (!Enum.TryParse(groupBy, ignoreCase: true, out grouping) || int.TryParse(groupBy, out _)))
        {
            return FieldProblems.Invalid("groupBy", TicketFigureTexts.GroupByInvalid);
        }
        var query = db.TicketRecords.AsNoTracking().SubmittedDuring(period);
        var caller = context.Caller();
        if (caller.IsSystem)
        {
            query = query.Where(t => t.FilingSystem == caller.Subject);
        }
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
        var label = await LabelsAsync(grouping, records, db, cancellationToken);
        var groups = grouping == Grouping.None ? [] : records
            .GroupBy(r => KeyOf(grouping, r))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Group(g.Key, label(g.First()), Figures(period, g)))
            .ToList();
        return TypedResults.Ok(new Response(period.From, period.To, grouping, Figures(period, records), groups));
    }

    private static Contracts.Tickets.TicketFigures Figures(ChinaPeriod period, IEnumerable<TicketRecord> records) =>
        Contracts.Tickets.TicketFigures.Of(period.From, period.To, [.. records.Select(r => r.Facts())]);

    private static string KeyOf(Grouping grouping, TicketRecord record) => grouping switch
    {
        Grouping.Unit => record.LeadUnitId?.ToString() ?? NoneKey,
        Grouping.Category => record.Category,
        Grouping.Chamber => record.ChamberId?.ToString() ?? NoneKey,
        Grouping.Month => SubmittedOn(record).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Grouping.Quarter => string.Create(CultureInfo.InvariantCulture, $"{SubmittedOn(record).Year}-Q{Periods.QuarterOf(SubmittedOn(record))}"),
        _ => "",
    };

    private static DateOnly SubmittedOn(TicketRecord record) => ChinaCalendar.DateOf(record.SubmittedAt);

    /// <summary>How a group is named: units by their current name in the directory, chambers by their name when filed.</summary>
    private static async Task<Func<TicketRecord, string>> LabelsAsync(
        Grouping grouping, List<TicketRecord> records, ReportingDbContext db, CancellationToken cancellationToken)
    {
        switch (grouping)
        {
            case Grouping.Unit:
                var ids = records.Where(r => r.LeadUnitId is not null).Select(r => r.LeadUnitId!.Value).Distinct().ToList();
                var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
                return r => r.LeadUnitId is { } unit ? names.GetValueOrDefault(unit, unit.ToString()) : TicketFigureTexts.NoUnit;
            case Grouping.Category:
                return r => TicketFigureTexts.ResourceManager.GetString($"Category_{r.Category}", CultureInfo.CurrentUICulture) ?? r.Category;
            case Grouping.Chamber:
                return r => r.ChamberId is { } chamber ? r.ChamberName ?? chamber.ToString() : TicketFigureTexts.NoChamber;
            case Grouping.Month:
                return r => string.Format(CultureInfo.CurrentCulture, TicketFigureTexts.Month, SubmittedOn(r).Year, SubmittedOn(r).Month);
            case Grouping.Quarter:
                return r => string.Format(CultureInfo.CurrentCulture, TicketFigureTexts.Quarter, SubmittedOn(r).Year, Periods.QuarterOf(SubmittedOn(r)));
            default:
                return _ => "";
        }
    }
}

public static class TicketRecordQueries
{
    /// <summary>The tickets submitted in a period (China dates): every ticket figure counts by submission.</summary>
    public static IQueryable<TicketRecord> SubmittedDuring(this IQueryable<TicketRecord> records, ChinaPeriod period) =>
        records.Where(t => t.SubmittedAt >= period.Start && t.SubmittedAt < period.End);
}
