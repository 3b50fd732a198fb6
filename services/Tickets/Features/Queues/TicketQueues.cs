using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Http;
using System.Globalization;
using System.Text;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Queues;

/// <summary>
/// The handler's queue and the office's search: filters, sorted by the deadline that matters now (acceptance before the
/// ticket is accepted, resolution after), with the working time remaining, keyset paging, and CSV / XLSX exports of the same list.
/// </summary>
public static class TicketQueues
{
    public const int MaxPageSize = 200;
    public const int MaxExportRows = 10_000;

    private const string QueueDefaults = "Lists what the caller's organisation scope allows: an enterprise contact its own " +
        "enterprise's tickets, a government system those it filed, the office and liaison leaders all. Without unitId a " +
        "task-force handler gets its own units' queue (tickets one of its units leads or co-handles); with another unit's id it " +
        "sees only what that unit shares with its own.";

    private const string UnitIdDescription = "Tickets this unit leads or co-handles. Default for a task-force handler: the units " +
        "the handler belongs to (its own queue, without the tickets not yet assigned); for everyone else, no unit filter. " +
        "For a task-force handler another unit's id lists only the tickets that unit shares with the handler's own.";

    /// <summary>The filters, as query parameters. Enum values as in JSON (inProgress, financing, urgent).</summary>
    public sealed record Filter(
        string? State, string? Category, string? Priority, Guid? UnitId, string? Requester, bool? Overdue, bool? Paused,
        DateOnly? From, DateOnly? To, string? Q, Guid? ChamberId = null)
    {
        public Dictionary<string, string[]> Problems()
        {
            var problems = new Dictionary<string, string[]>();
            Check<TicketState>(State, "state", problems);
            Check<TicketCategory>(Category, "category", problems);
            Check<TicketPriority>(Priority, "priority", problems);
            if (From is not null && To is not null && To < From)
            {
                problems["to"] = [ChinaPeriod.BackwardsMessage];
            }
            return problems;
        }

        /// <summary>The tickets <paramref name="caller"/> may see that pass the filters, a handler's own units by default.</summary>
        public IQueryable<Ticket> Apply(IQueryable<Ticket> tickets, Caller caller, DateTimeOffset now)
        {
            tickets = tickets.VisibleTo(caller);
            if (UnitId is null && caller.IsUnitScoped())
            {
                tickets = tickets.HandledByAny(caller.UnitIds);
            }
            if (Parse<TicketState>(State) is { } state)
            {
                tickets = tickets.Where(t => t.State == state);
            }
            if (Parse<TicketCategory>(Category) is { } category)
            {
                tickets = tickets.Where(t => t.Category == category);
            }
            if (Parse<TicketPriority>(Priority) is { } priority)
            {
                tickets = tickets.Where(t => t.Priority == priority);
            }
            if (UnitId is { } unit)
            {
                tickets = tickets.HandledByAny([unit]);
            }
            if (!string.IsNullOrWhiteSpace(Requester))
            {
                var requester = Requester.Trim();
                tickets = tickets.Where(t => t.UnifiedSocialCreditCode == requester.ToUpperInvariant() || t.RequesterName.Contains(requester));
            }
            if (ChamberId is { } chamber)
            {
                tickets = tickets.Where(t => t.ChamberId == chamber);
            }
            if (Overdue is { } overdue)
            {
                tickets = overdue ? tickets.Where(t => OpenStates.Contains(t.State) && (t.ResolutionDue ?? t.AcceptanceDue) < now)
                    : tickets.Where(t => !OpenStates.Contains(t.State) || (t.ResolutionDue ?? t.AcceptanceDue) >= now);
            }
            if (Paused is { } paused)
            {
                tickets = tickets.Where(t => (t.State == TicketState.Paused) == paused);
            }
            if (From is { } from)
            {
                var start = ChinaCalendar.At(from, TimeOnly.MinValue);
                tickets = tickets.Where(t => t.SubmittedAt >= start);
            }
            if (To is { } to)
            {
                var end = ChinaCalendar.EndOf(to);
                tickets = tickets.Where(t => t.SubmittedAt < end);
            }
            if (!string.IsNullOrWhiteSpace(Q))
            {
                var text = Q.Trim();
                tickets = tickets.Where(t => t.Title.Contains(text) || t.Description.Contains(text));
            }
            return tickets;
        }

        private static TEnum? Parse<TEnum>(string? value) where TEnum : struct, Enum =>
            value is not null && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _) ? parsed : null;

        private static void Check<TEnum>(string? value, string field, Dictionary<string, string[]> problems) where TEnum : struct, Enum
        {
            if (value is not null && Parse<TEnum>(value) is null)
            {
                problems[field] = [string.Format(CultureInfo.CurrentCulture, TicketApiTexts.UnsupportedValue, value)];
            }
        }
    }

    public sealed record QueueItem(TicketResponse Ticket, DateTimeOffset Due, double WorkingHoursRemaining, bool Overdue);

    private static readonly TicketState[] OpenStates =
        [TicketState.Submitted, TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Reopened];

    public static RouteGroupBuilder MapTicketQueues(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/", ListAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope, TicketAccess.HandleScope], TicketAccess.Readers)
            .WithName("ListTickets")
            .WithSummary("The queue: tickets the caller may see, filtered, nearest deadline first, with working time remaining; follow 'next'")
            .WithDescription(QueueDefaults)
            .DescribeParameter(nameof(Filter.UnitId), UnitIdDescription);
        tickets.MapGet("/export.{format}", ExportAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], TicketAccess.Dispatchers.Concat([PlatformRoles.LiaisonLeader, PlatformRoles.TaskForceHandler]).ToArray())
            .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithDescription(QueueDefaults)
            .DescribeParameter(nameof(Filter.UnitId), UnitIdDescription)
            .WithName("ExportTickets")
            .WithSummary("The same filtered list as export.csv (UTF-8 with BOM, opens in Excel) or export.xlsx, at most 10 000 rows (more: 422, narrow the filters)");
        return tickets;
    }

    /// <param name="cursor">From the 'next' link of the previous page.</param>
    internal static async Task<Results<Ok<Page<QueueItem>>, ValidationProblem>> ListAsync(
        [AsParameters] Filter filter, string? cursor, int? limit, HttpContext context, TicketsDbContext db, WorkingCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = filter.Problems();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems, maxLimit: MaxPageSize);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var now = clock.GetUtcNow();
        var page = await filter.Apply(db.Tickets.AsNoTracking(), context.Caller(), now)
            .PageAsync(paging, t => t.ResolutionDue ?? t.AcceptanceDue, t => t.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(t => Item(t, calendar, now)));
    }

    /// <param name="format">csv (default) or xlsx.</param>
    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        [AsParameters] Filter filter, string format, HttpContext context, TicketsDbContext db, WorkingCalendar calendar,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = filter.Problems();
        if (format is not ("csv" or "xlsx"))
        {
            problems["format"] = [TicketApiTexts.ExportFormat];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var now = clock.GetUtcNow();
        var tickets = await filter.Apply(db.Tickets.AsNoTracking(), context.Caller(), now)
            .OrderBy(t => t.SubmittedAt).ThenBy(t => t.Id).Take(MaxExportRows + 1).ToListAsync(cancellationToken);
        if (tickets.Count > MaxExportRows)
        {
            // A spreadsheet that silently lacks rows would be read as complete.
            return TooManyRows();
        }
        var rows = tickets.Select(t => Row(t, calendar, now)).ToList();
        var name = $"tickets-{now.ToChinaTime():yyyyMMdd-HHmm}.{format}";
        if (format == "xlsx")
        {
            using var stream = new MemoryStream();
            await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, rows, cancellationToken: cancellationToken);
            return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        var csv = new StringBuilder("\uFEFF").AppendJoin(',', Columns).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', Columns.Select(column => Field(Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    internal static ProblemHttpResult TooManyRows() => TypedResults.Problem(title: TicketApiTexts.ExportTooLarge_Title,
        statusCode: StatusCodes.Status422UnprocessableEntity, detail: string.Format(CultureInfo.CurrentCulture, TicketApiTexts.ExportTooLarge_Detail, MaxExportRows));

    private static readonly string[] Columns =
        ["工单编号", "标题", "类别", "优先级", "状态", "诉求人", "统一社会信用代码", "提交时间", "受理期限", "办结期限", "原办结期限", "剩余工作小时", "是否逾期", "满意度"];

    /// <summary>One exported row, the same for CSV and XLSX.</summary>
    private static Dictionary<string, object?> Row(Ticket ticket, WorkingCalendar calendar, DateTimeOffset now)
    {
        var item = Item(ticket, calendar, now);
        object?[] values =
        [
            ticket.Number.Value, SpreadsheetText.Defused(ticket.Title), ticket.Category.ToCode(), ticket.Priority.ToCode(), ticket.State.ToCode(),
            SpreadsheetText.Defused(ticket.RequesterName), ticket.UnifiedSocialCreditCode ?? "", Time(ticket.SubmittedAt), Time(ticket.AcceptanceDue),
            Time(ticket.ResolutionDue), Time(ticket.OriginalResolutionDue), item.WorkingHoursRemaining, item.Overdue ? "是" : "否",
            ticket.Satisfaction?.ToCode() ?? "",
        ];
        return Columns.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private static QueueItem Item(Ticket ticket, WorkingCalendar calendar, DateTimeOffset now)
    {
        var due = ticket.ResolutionDue ?? ticket.AcceptanceDue;
        var open = OpenStates.Contains(ticket.State);
        var remaining = due >= now ? calendar.WorkingTimeBetween(now, due) : -calendar.WorkingTimeBetween(due, now);
        return new QueueItem(TicketResponse.From(ticket), due, open ? Math.Round(remaining.TotalHours, 2) : 0, open && due < now);
    }

    private static string Time(DateTimeOffset? instant) => instant is null ? "" : instant.Value.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting.</summary>
    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
