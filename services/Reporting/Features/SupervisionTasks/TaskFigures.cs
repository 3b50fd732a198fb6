using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

/// <summary>
/// Task on-time rates per owner department (督办事项按期办结率): the tasks whose deadline falls in the period, how many
/// are closed, how many were closed on time (closure asked for by the deadline and accepted), and how many are red or
/// amber today.
/// </summary>
public static class TaskFigures
{
    /// <param name="OnTimeRate">ClosedOnTime / Tasks (a unit appears with at least one task).</param>
    public sealed record TaskFigureRow(Guid UnitId, string UnitName, int Tasks, int Closed, int ClosedOnTime, double OnTimeRate, int Red, int Amber);

    public sealed record TaskFiguresResponse(DateOnly From, DateOnly To, IReadOnlyList<TaskFigureRow> Rows);

    public static RouteGroupBuilder MapTaskFigures(this RouteGroupBuilder supervision)
    {
        supervision.MapGet("/figures/tasks", GetAsync)
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.ReadsAll)
            .WithName("GetSupervisionTaskFigures")
            .WithSummary("Per owner department: tasks due in the period (default: the year so far), closed, closed on time, on-time rate, red and amber today")
            .WithXlsxExport();
        return supervision;
    }

    internal static async Task<Results<Ok<TaskFiguresResponse>, ValidationProblem>> GetAsync(
        int? year, int? quarter, ReportingDbContext db, IUnitNames unitNames, WorkingCalendar calendar, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var (period, problem) = ReportPeriod.Of(null, null, year, quarter, timeProvider);
        if (problem is not null)
        {
            return problem;
        }
        var today = timeProvider.Today();
        var tasks = await db.SupervisionTasks.AsNoTracking().Where(t => t.Deadline >= period!.From && t.Deadline <= period.To).ToListAsync(cancellationToken);
        var names = await unitNames.NamesAsync([.. tasks.Select(t => t.OwnerUnitId).Distinct()], cancellationToken);
        return TypedResults.Ok(new TaskFiguresResponse(period!.From, period.To, [.. tasks.GroupBy(t => t.OwnerUnitId).Select(unit =>
        {
            var statuses = unit.Select(t => t.StatusOn(today, calendar)).ToList();
            var onTime = unit.Count(t => t.ClosedOnTime == true);
            return new TaskFigureRow(unit.Key, names.GetValueOrDefault(unit.Key, ""), unit.Count(), unit.Count(t => t.State == SupervisionTaskState.Closed),
                onTime, Math.Round((double)onTime / unit.Count(), 4), statuses.Count(s => s == SupervisionStatus.Red), statuses.Count(s => s == SupervisionStatus.Amber));
        }).OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitId)]));
    }
}
