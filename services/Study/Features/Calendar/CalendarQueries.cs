using System.Globalization;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Calendar;

/// <summary>
/// What is planned when: a unit's calendar for a month and a person's own activities. Both read through
/// <see cref="StudyAccess.VisibleTo"/>, so a heart-to-heart talk stays with its pair and keepers; a person sees only
/// their own line of an attendance sheet, never anyone else's.
/// </summary>
public static class CalendarQueries
{
    public sealed record ActivityItem(
        Guid Id, string Kind, string Topic, Guid OrganiserUnitId, string OrganiserUnitName, DateTimeOffset PlannedStart,
        DateTimeOffset PlannedEnd, string Place, string State, string AudienceKind);

    /// <summary>The caller's own line of a held activity's sheet.</summary>
    public sealed record OwnAttendance(string Status, string? Reason, DateTimeOffset? CheckedInAt);

    public sealed record MyActivityItem(ActivityItem Activity, OwnAttendance? MyAttendance);

    public static RouteGroupBuilder MapCalendarQueries(this RouteGroupBuilder study)
    {
        study.MapGet("/calendar", UnitCalendarAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("GetUnitCalendar")
            .WithSummary("A unit's activities planned in a China month (month=yyyy-MM, default this month), earliest first; for its keepers, its members and the office")
            .DescribeParameter("unitId", "The unit (branch, party group, leadership team, central group, youth group, ...)")
            .DescribeParameter("month", "yyyy-MM in Asia/Shanghai, e.g. 2026-12");
        study.MapGet("/activities/mine", MineAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Readers)
            .WithName("ListMyActivities")
            .WithSummary("Activities the caller is expected at or attended, planned between from and to (China dates; default this month and the next two), with the caller's own attendance once held")
            .DescribeParameter("from", "First China date (default: the first day of this month)")
            .DescribeParameter("to", "Last China date (default: the last day of the month after next)");
        return study;
    }

    internal static async Task<Results<Ok<Page<ActivityItem>>, ValidationProblem, ProblemHttpResult>> UnitCalendarAsync(
        Guid? unitId, string? month, string? cursor, int? limit, HttpContext context, StudyDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        if (unitId is null)
        {
            problems["unitId"] = [CalendarTexts.UnitRequired];
        }
        var period = MonthOf(month, clock, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var caller = context.Caller();
        if (await UnitAccessAsync(db, caller, unitId!.Value, cancellationToken) is { } refused)
        {
            return refused;
        }
        var page = await db.Activities.AsNoTracking().OfUnit(unitId.Value).VisibleTo(caller)
            .Where(a => a.PlannedStart >= period.Start && a.PlannedStart < period.End)
            .PageAsync(paging, a => a.PlannedStart, a => a.Id, context, cancellationToken);
        var names = await db.UnitNamesAsync(page.Items, cancellationToken);
        return TypedResults.Ok(page.Select(a => Item(a, names)));
    }

    internal static async Task<Results<Ok<Page<MyActivityItem>>, ValidationProblem>> MineAsync(
        DateOnly? from, DateOnly? to, string? cursor, int? limit, HttpContext context, StudyDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateTimeOffset, Guid>(cursor, limit, problems);
        var today = clock.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var period = new ChinaPeriod(from ?? thisMonth, to ?? thisMonth.AddMonths(3).AddDays(-1));
        if (period.IsBackwards)
        {
            problems["to"] = [ChinaPeriod.BackwardsMessage];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var caller = context.Caller();
        var person = caller.UserId ?? Guid.Empty;
        var page = await db.Activities.AsNoTracking().ExpectedOrAttendedBy(caller)
            .Where(a => a.PlannedStart >= period.Start && a.PlannedStart < period.End)
            .PageAsync(paging, a => a.PlannedStart, a => a.Id, context, cancellationToken);
        var names = await db.UnitNamesAsync(page.Items, cancellationToken);
        return TypedResults.Ok(page.Select(a => new MyActivityItem(Item(a, names), OwnLine(a, person))));
    }

    /// <summary>Activities of a unit: organised by it, addressed to its members, or (for a branch) of its party groups.</summary>
    internal static IQueryable<StudyActivity> OfUnit(this IQueryable<StudyActivity> activities, Guid unitId) =>
        activities.Where(a => a.OrganiserUnitId == unitId || a.AudienceUnitId == unitId || a.BranchId == unitId);

    /// <summary>
    /// The activities a person is expected at (of their branch and units, addressed to them by name, or to the whole
    /// organ) or attended, among those they may see.
    /// </summary>
    internal static IQueryable<StudyActivity> ExpectedOrAttendedBy(this IQueryable<StudyActivity> activities, Caller caller)
    {
        var person = caller.UserId ?? Guid.Empty;
        var units = caller.UnitIds.Append(caller.BranchId ?? Guid.Empty).Where(id => id != Guid.Empty).ToArray();
        return activities.VisibleTo(caller).Where(a =>
            a.AudienceMemberIds.Contains(person)
            || a.PresentIds.Contains(person)
            || a.AudienceKind == AudienceKind.WholeOrgan
            || (a.AudienceUnitId != null && units.Contains(a.AudienceUnitId.Value)));
    }

    /// <summary>
    /// Null when the caller may read <paramref name="unitId"/>'s calendar: the office any unit's, keepers their branch's
    /// and its groups', everyone the units they belong to; 404 for a unit study does not know, 403 otherwise.
    /// </summary>
    internal static async Task<ProblemHttpResult?> UnitAccessAsync(StudyDbContext db, Caller caller, Guid unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null)
        {
            return TypedResults.Problem(title: CalendarTexts.UnitNotFound_Title, detail: CalendarTexts.UnitNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        return caller.MayOrganise(unit) || caller.BranchId == unit.Id || caller.UnitIds.Contains(unit.Id)
            ? null
            : TypedResults.Problem(title: CalendarTexts.NotYourUnit_Title,
                detail: string.Format(CultureInfo.CurrentCulture, CalendarTexts.NotYourUnit_Detail, unit.Name), statusCode: StatusCodes.Status403Forbidden);
    }

    internal static async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(
        this StudyDbContext db, IEnumerable<StudyActivity> activities, CancellationToken cancellationToken)
    {
        var ids = activities.Select(a => a.OrganiserUnitId).Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

    internal static ActivityItem Item(StudyActivity a, IReadOnlyDictionary<Guid, string> unitNames) => new(
        a.Id, a.Kind.ToCode(), a.Topic, a.OrganiserUnitId, unitNames.GetValueOrDefault(a.OrganiserUnitId) ?? "", a.PlannedStart, a.PlannedEnd,
        a.Place, a.State.ToCode(), a.AudienceKind.ToCode());

    private static OwnAttendance? OwnLine(StudyActivity activity, Guid person) =>
        activity.State == ActivityState.Held && activity.Attendance.FirstOrDefault(e => e.PersonId == person) is { } line
            ? new OwnAttendance(line.Status.ToCode(), line.Reason, line.CheckedInAt)
            : null;

    private static readonly DateOnly LastMonth = new(DateOnly.MaxValue.Year, 12, 1);

    /// <summary>The China month a caller named (yyyy-MM), this month without one; a field error otherwise.</summary>
    private static ChinaPeriod MonthOf(string? month, TimeProvider clock, Dictionary<string, string[]> problems)
    {
        var today = clock.Today();
        var first = new DateOnly(today.Year, today.Month, 1);
        if (month is not null)
        {
            if (!DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out first))
            {
                problems["month"] = [CalendarTexts.MonthFormat];
            }
        }
        // December of the calendar's last year has no next month to count back from.
        return new ChinaPeriod(first, first >= LastMonth ? DateOnly.MaxValue : first.AddMonths(1).AddDays(-1));
    }
}
