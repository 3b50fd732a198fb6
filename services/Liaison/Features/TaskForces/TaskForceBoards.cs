using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.TaskForces;

/// <summary>
/// The monthly 五比五晒 board: what each task force did in a month, side by side, in five rows (work taken on, key
/// projects advanced, investment signed, relocation progress, blockers solved), each a list of what was done and
/// never a score: task forces stand in the order of their names. Once a month has ended its board is frozen (kept as it
/// was then, and no step may be dated into it any more), so the board the committee discussed is the board on record.
/// </summary>
public static class TaskForceBoards
{
    public sealed record BoardStep(
        Guid WorkId, TaskForceWorkKind Kind, string Name, WorkStage? FromStage, WorkStage Stage, DateOnly On, int? AgreementsSigned, int? Households,
        decimal? AmountInTenThousandYuan);

    public sealed record BoardBlocker(Guid ProblemId, Guid ProjectId, string ProjectName, string Title, string? TicketNumber, DateOnly SolvedOn);

    public sealed record TaskForceColumn(
        Guid TaskForceId, string TaskForceName, IReadOnlyList<BoardStep> TakenOn, IReadOnlyList<BoardStep> ProjectsAdvanced,
        IReadOnlyList<BoardStep> InvestmentSigned, IReadOnlyList<BoardStep> RelocationProgress, IReadOnlyList<BoardBlocker> BlockersSolved);

    /// <param name="Month">yyyy-MM.</param>
    /// <param name="FrozenAt">When the ended month's board was frozen; null for the month under way.</param>
    public sealed record Board(string Month, DateTimeOffset? FrozenAt, IReadOnlyList<TaskForceColumn> TaskForces);

    private const string MonthFormat = "yyyy-MM";

    public static RouteGroupBuilder MapTaskForceBoard(this RouteGroupBuilder liaison)
    {
        liaison.MapGet("/task-force-board", GetAsync)
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.TaskForceWorkers)
            .WithName("GetTaskForceBoard")
            .WithSummary("The 五比五晒 board of a month (?month=yyyy-MM, default this month): per task force, in name order, the work taken on, key projects advanced, investment signed, relocation progress and blockers solved; an ended month's board is frozen (frozenAt)");
        return liaison;
    }

    internal static async Task<Results<Ok<Board>, ValidationProblem>> GetAsync(
        string? month, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var thisMonth = MonthOf(ChinaCalendar.DateOf(now));
        var wanted = thisMonth;
        if (month is not null)
        {
            if (!DateOnly.TryParseExact(month, MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out wanted)
                || wanted.Year < Periods.FirstYear || wanted > thisMonth)
            {
                return FieldProblems.Invalid("month", LiaisonTexts.BoardMonth);
            }
        }
        if (wanted == thisMonth)
        {
            return TypedResults.Ok(await ComputeAsync(db, wanted, cancellationToken));
        }
        var frozen = await FreezeAsync(db, wanted, now, cancellationToken);
        return TypedResults.Ok(frozen.Board with { FrozenAt = frozen.FrozenAt });
    }

    /// <summary>The first day a step may be dated on: the month after the last frozen board.</summary>
    internal static async Task<DateOnly> OpenFromAsync(LiaisonDbContext db, CancellationToken cancellationToken) =>
        (await db.FrozenBoards.MaxAsync(b => (DateOnly?)b.Month, cancellationToken))?.AddMonths(1) ?? DateOnly.MinValue;

    /// <summary>Freezes the ended <paramref name="month"/>'s board unless it is frozen already (by this pass or another replica's).</summary>
    internal static async Task<FrozenBoard> FreezeAsync(LiaisonDbContext db, DateOnly month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.FrozenBoards.AsNoTracking().SingleOrDefaultAsync(b => b.Month == month, cancellationToken) is { } frozen)
        {
            return frozen;
        }
        var board = new FrozenBoard(month, now, await ComputeAsync(db, month, cancellationToken));
        db.FrozenBoards.Add(board);
        return await db.SaveUnlessTakenAsync(cancellationToken)
            ? board
            : await db.FrozenBoards.AsNoTracking().SingleAsync(b => b.Month == month, cancellationToken);
    }

    internal static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static async Task<Board> ComputeAsync(LiaisonDbContext db, DateOnly month, CancellationToken cancellationToken)
    {
        var last = month.AddMonths(1).AddDays(-1);
        var steps = await db.WorkSteps.AsNoTracking().Where(s => s.On >= month && s.On <= last)
            .Join(db.TaskForceWorks, s => s.WorkId, w => w.Id, (s, w) => new
            {
                w.TaskForceId,
                Step = new BoardStep(w.Id, w.Kind, w.Name, s.FromStage, s.Stage, s.On, s.AgreementsSigned, w.Households, w.AmountInTenThousandYuan),
                s.RecordedAt,
            })
            .ToListAsync(cancellationToken);
        var (from, to) = (ChinaCalendar.At(month, TimeOnly.MinValue), ChinaCalendar.EndOf(last));
        var solved = await db.Problems.AsNoTracking()
            .Where(p => p.Origin == ProblemOrigin.KeyProject && p.SolvedAt >= from && p.SolvedAt < to)
            .Join(db.TaskForceWorks, p => p.OriginId, w => w.Id, (p, w) => new { w.TaskForceId, w.Name, p.Id, p.OriginId, p.Title, p.TicketNumber, p.SolvedAt })
            .ToListAsync(cancellationToken);
        var busy = steps.Select(s => s.TaskForceId).Concat(solved.Select(s => s.TaskForceId)).Distinct().ToList();
        var taskForces = await db.Units.AsNoTracking()
            .Where(u => u.Kind == UnitKinds.TaskForce && (u.ValidTo == null || u.ValidTo >= month || busy.Contains(u.Id)))
            .OrderBy(u => u.Name).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        List<BoardStep> Of(Guid taskForce, Func<BoardStep, bool> row) =>
            [.. steps.Where(s => s.TaskForceId == taskForce && row(s.Step)).OrderBy(s => s.Step.On).ThenBy(s => s.RecordedAt).Select(s => s.Step)];
        return new Board(month.ToString(MonthFormat, CultureInfo.InvariantCulture), null, [.. taskForces.Select(u => new TaskForceColumn(
            u.Id, u.Name,
            Of(u.Id, s => s.FromStage is null),
            Of(u.Id, s => s.FromStage is not null && s.Kind == TaskForceWorkKind.KeyProject),
            Of(u.Id, s => s.FromStage is not null && s.Kind == TaskForceWorkKind.InvestmentLead && s.Stage is WorkStage.Signed or WorkStage.Landed),
            Of(u.Id, s => s.FromStage is not null && s.Kind == TaskForceWorkKind.RelocationCase),
            [.. solved.Where(p => p.TaskForceId == u.Id).OrderBy(p => p.SolvedAt).Select(p => new BoardBlocker(
                p.Id, p.OriginId, p.Name, p.Title, p.TicketNumber, ChinaCalendar.DateOf(p.SolvedAt!.Value)))]))]);
    }
}

/// <summary>An ended month's 五比五晒 board as it was frozen.</summary>
public sealed class FrozenBoard
{
    private FrozenBoard() { }

    public FrozenBoard(DateOnly month, DateTimeOffset frozenAt, TaskForceBoards.Board board)
    {
        Month = month;
        FrozenAt = frozenAt;
        Board = board;
    }

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; private set; }
    public DateTimeOffset FrozenAt { get; private set; }
    public TaskForceBoards.Board Board { get; private set; } = null!;
}

/// <summary>
/// Freezes each ended month's board soon after the month ends (China time), every month since the last frozen one, so
/// that the board is kept as it stood at the month's end even if nobody reads it then.
/// </summary>
public sealed class BoardFreezer(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BoardFreezer> logger) : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LiaisonDbContext>();
        var now = Clock.GetUtcNow();
        var lastEnded = TaskForceBoards.MonthOf(ChinaCalendar.DateOf(now)).AddMonths(-1);
        var latestFrozen = await db.FrozenBoards.MaxAsync(b => (DateOnly?)b.Month, cancellationToken);
        var firstStep = await db.WorkSteps.MinAsync(s => (DateOnly?)s.On, cancellationToken);
        var month = latestFrozen?.AddMonths(1) ?? (firstStep is { } first ? TaskForceBoards.MonthOf(first) : lastEnded);
        for (; month <= lastEnded; month = month.AddMonths(1))
        {
            await TaskForceBoards.FreezeAsync(db, month, now, cancellationToken);
        }
    }
}
