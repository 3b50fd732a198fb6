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
/// 三会一课台账: the spreadsheet a branch files for a year, one row per activity of the branch and its party groups
/// held that year, with its attendance counts and who was present. Written in Chinese whatever language asked for it:
/// it is the branch's record, filed as the organ files it.
/// </summary>
public static class BranchLedger
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Columns =
        ["日期", "类型", "主题", "地点", "时长（分钟）", "应到人数", "实到人数", "请假人数", "缺席人数", "出席人员", "记录时间", "逾期记录", "已更正"];

    public static RouteGroupBuilder MapBranchLedger(this RouteGroupBuilder study)
    {
        study.MapGet("/branches/{id:guid}/ledger.xlsx", LedgerAsync)
            .RequirePersonAccess([StudyAccess.ReadScope], StudyAccess.Organisers)
            .Produces<Stream>(StatusCodes.Status200OK, ContentType)
            .WithName("GetBranchLedger")
            .WithSummary("The branch's 三会一课 ledger for a year (default this year) as XLSX: its and its party groups' held activities, earliest first; for its keepers and the office")
            .DescribeParameter("year", "The China calendar year, e.g. 2026");
        return study;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> LedgerAsync(
        Guid id, int? year, HttpContext context, StudyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ledgerYear = year ?? clock.Today().Year;
        if (ledgerYear is < 2000 or > 2100)
        {
            return FieldProblems.Invalid("year", CalendarTexts.YearRange);
        }
        var branch = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.Kind == UnitKinds.Branch, cancellationToken);
        if (branch is null)
        {
            return TypedResults.Problem(title: StudyTexts.BranchNotFound_Title, detail: StudyTexts.BranchNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
        }
        var caller = context.Caller();
        if (!caller.MayKeepBranch(id))
        {
            return TypedResults.Problem(title: StudyTexts.OwnBranchOnly_Title,
                detail: string.Format(CultureInfo.CurrentCulture, StudyTexts.OwnBranchOnly_Detail, branch.Name), statusCode: StatusCodes.Status403Forbidden);
        }
        var period = new ChinaPeriod(new DateOnly(ledgerYear, 1, 1), new DateOnly(ledgerYear, 12, 31));
        // VisibleTo: the office files no heart-to-heart talks; the branch's keepers do.
        var held = await db.Activities.AsNoTracking().VisibleTo(caller)
            .Where(a => a.BranchId == id && a.State == ActivityState.Held && a.HeldAt >= period.Start && a.HeldAt < period.End)
            .OrderBy(a => a.HeldAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, held.Select(Row).ToList(), cancellationToken: cancellationToken);
        return TypedResults.File(stream.ToArray(), ContentType, $"{branch.Name}-{ledgerYear}-三会一课台账.xlsx");
    }

    private static Dictionary<string, object?> Row(StudyActivity activity)
    {
        var sheet = activity.Attendance;
        int Count(AttendanceStatus status) => sheet.Count(e => e.Status == status);
        object?[] values =
        [
            ChinaCalendar.DateOf(activity.HeldAt!.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CalendarFeeds.KindLabel(activity.Kind), activity.Topic, activity.Place, activity.DurationMinutes,
            sheet.Count, Count(AttendanceStatus.Present), Count(AttendanceStatus.AbsentWithReason), Count(AttendanceStatus.Absent),
            string.Join("、", sheet.Where(e => e.Status == AttendanceStatus.Present).Select(e => e.DisplayName)),
            activity.RecordedAt?.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
            activity.RecordedLate ? "是" : "否", activity.Amendments.Count > 0 ? "是" : "否",
        ];
        return Columns.Zip(values).ToDictionary(pair => pair.First, pair => pair.Second);
    }
}
