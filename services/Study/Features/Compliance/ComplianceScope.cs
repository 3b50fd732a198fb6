using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Compliance;

/// <summary>The checks every compliance endpoint starts with: the branch exists and is the caller's to see; the period reads.</summary>
internal static class ComplianceScope
{
    public const int FirstYear = Periods.FirstYear, LastYear = Periods.LastYear;

    /// <summary>The branch's name, or the 404/403 to answer; <paramref name="keepersOnly"/> leaves the office out (talks).</summary>
    public static async Task<(string? Name, ProblemHttpResult? Refusal)> BranchAsync(
        StudyDbContext db, Caller caller, Guid id, CancellationToken cancellationToken, bool keepersOnly = false)
    {
        var name = await db.Units.AsNoTracking().Where(u => u.Id == id && u.Kind == UnitKinds.Branch).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return (null, TypedResults.Problem(title: StudyTexts.BranchNotFound_Title, detail: StudyTexts.BranchNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound));
        }
        var allowed = keepersOnly ? caller.IsInAnyRole(PlatformRoles.BranchKeepers) && caller.BranchId == id : caller.MayKeepBranch(id);
        return allowed ? (name, null) : (name, OwnBranchOnly(name));
    }

    public static ProblemHttpResult OwnBranchOnly(string branch) => TypedResults.Problem(title: StudyTexts.OwnBranchOnly_Title,
        detail: string.Format(CultureInfo.CurrentCulture, StudyTexts.OwnBranchOnly_Detail, branch), statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A year and quarter from the query; without them, the current ones (China date).</summary>
    public static bool TryReadQuarter(int? year, int? quarter, TimeProvider timeProvider, out (int Year, int Quarter) period,
        [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        var today = timeProvider.Today();
        var problems = new Dictionary<string, string[]>();
        CheckYear(year, problems);
        if (quarter is < 1 or > 4)
        {
            problems["quarter"] = [StudyTexts.QuarterRange];
        }
        period = (year ?? today.Year, quarter ?? Periods.QuarterOf(today));
        invalid = problems.Count > 0 ? FieldProblems.Invalid(problems) : null;
        return invalid is null;
    }

    public static void CheckYear(int? year, IDictionary<string, string[]> problems, string field = "year") => YearQuery.Check(year, problems, field);

    /// <summary>A period of dates from the query (the year so far without them); 400 when it runs backwards.</summary>
    public static bool TryReadPeriod(DateOnly? from, DateOnly? to, TimeProvider timeProvider, out ChinaPeriod period,
        [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        period = ChinaPeriod.Of(from, to, timeProvider);
        invalid = period.IsBackwards ? FieldProblems.Invalid("to", ChinaPeriod.BackwardsMessage) : null;
        return invalid is null;
    }

    /// <summary>Held activities whose China date falls in [from, to] (by instant: the index on PlannedStart does not apply).</summary>
    public static IQueryable<StudyActivity> HeldDuring(this IQueryable<StudyActivity> activities, ChinaPeriod period)
    {
        var (start, end) = (period.Start, period.End);
        return activities.Where(a => a.State == ActivityState.Held && a.HeldAt >= start && a.HeldAt < end);
    }
}
