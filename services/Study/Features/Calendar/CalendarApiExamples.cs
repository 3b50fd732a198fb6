using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Study.Resources;

namespace BrandPlatform.Study.Features.Calendar;

/// <summary>The examples of the calendar, feed and ledger operations (WithName).</summary>
internal sealed class CalendarApiExamples : IApiExamples
{
    private const string FirstBranch = "0196f0aa-0b1c-7d2e-8f30-415263748501";

    private const string Lesson = $$"""
        { "id": "0197a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21", "kind": "partyLesson", "topic": "学习贯彻党的二十届四中全会精神",
          "organiserUnitId": "{{FirstBranch}}", "organiserUnitName": "第一党支部",
          "plannedStart": "2026-12-10T07:00:00+00:00", "plannedEnd": "2026-12-10T08:30:00+00:00",
          "place": "机关三楼会议室", "state": "planned", "audienceKind": "unit" }
        """;

    private const string Lecture = """
        { "id": "0197a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a22", "kind": "training", "topic": "履职能力提升专题培训（第三讲）",
          "organiserUnitId": "0196f0aa-0b1c-7d2e-8f30-415263748500", "organiserUnitName": "机关党委",
          "plannedStart": "2026-11-20T06:30:00+00:00", "plannedEnd": "2026-11-20T08:30:00+00:00",
          "place": "机关报告厅", "state": "held", "audienceKind": "wholeOrgan" }
        """;

    public void Describe(ApiExamples examples)
    {
        var notYourUnit = ApiExamples.Problem(StatusCodes.Status403Forbidden, CalendarTexts.NotYourUnit_Title,
            string.Format(CultureInfo.CurrentCulture, CalendarTexts.NotYourUnit_Detail, "第二党支部"));
        var unknownUnit = ApiExamples.Problem(StatusCodes.Status404NotFound, CalendarTexts.UnitNotFound_Title, CalendarTexts.UnitNotFound_Detail);
        var unknownFeed = ApiExamples.Problem(StatusCodes.Status404NotFound, CalendarTexts.FeedNotFound_Title, CalendarTexts.FeedNotFound_Detail);

        examples.Add("GetUnitCalendar", response: ApiExamples.Page([Lesson]), problems:
        [
            ApiExamples.Invalid("month", CalendarTexts.MonthFormat), notYourUnit, unknownUnit,
        ]);
        examples.Add("ListMyActivities", response: ApiExamples.Page(
        [
            $$"""{ "activity": {{Lecture}}, "myAttendance": { "status": "present", "reason": null, "checkedInAt": "2026-11-20T06:24:13+00:00" } }""",
            $$"""{ "activity": {{Lesson}}, "myAttendance": null }""",
        ]), problems: [ApiExamples.Invalid("to", Platform.Domain.ChinaPeriod.BackwardsMessage)]);

        examples.Add("IssueCalendarFeed", request: $$"""{ "unitId": "{{FirstBranch}}" }""", response: """
            { "id": "0197a1b2-d5e6-7f80-9a1b-2c3d4e5f6a71", "unitId": "0196f0aa-0b1c-7d2e-8f30-415263748501",
              "url": "/api/study/calendar-feeds/q3Xh0dTn8WbK2mVf4ZsR7pLc9YeA1uJg6oNiE5tHwBk.ics", "issuedAt": "2026-12-01T09:15:00+00:00" }
            """, problems:
        [
            notYourUnit, unknownUnit,
            ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, CalendarTexts.FeedLimit_Title,
                string.Format(CultureInfo.CurrentCulture, CalendarTexts.FeedLimit_Detail, CalendarFeeds.MaxFeedsPerPerson)),
        ]);
        examples.Add("ListCalendarFeeds", response: ApiExamples.Page(
        [
            """{ "id": "0197a1b2-d5e6-7f80-9a1b-2c3d4e5f6a71", "unitId": "0196f0aa-0b1c-7d2e-8f30-415263748501", "unitName": "第一党支部", "issuedAt": "2026-12-01T09:15:00+00:00", "lastUsedAt": "2026-12-01T10:00:02+00:00" }""",
            """{ "id": "0197a1b2-d5e6-7f80-9a1b-2c3d4e5f6a70", "unitId": null, "unitName": null, "issuedAt": "2026-11-28T01:00:00+00:00", "lastUsedAt": null }""",
        ]));
        examples.Add("RevokeCalendarFeed", problems: [unknownFeed]);
        examples.Add("GetCalendarFeed", response: """
            BEGIN:VCALENDAR
            PRODID:-//BrandPlatform//Study//ZH
            VERSION:2.0
            X-WR-CALNAME:学习活动日历
            BEGIN:VEVENT
            DTEND:20261210T083000Z
            DTSTAMP:20261201T091500Z
            DTSTART:20261210T070000Z
            LOCATION:机关三楼会议室
            SEQUENCE:1
            STATUS:CONFIRMED
            SUMMARY:【党课】学习贯彻党的二十届四中全会精神
            UID:0197a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a21@brandplatform
            END:VEVENT
            END:VCALENDAR
            """, problems: [unknownFeed]);

        examples.Add("GetBranchLedger", problems:
        [
            ApiExamples.Invalid("year", CalendarTexts.YearRange),
            ApiExamples.Problem(StatusCodes.Status403Forbidden, StudyTexts.OwnBranchOnly_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.OwnBranchOnly_Detail, "第二党支部")),
            ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.BranchNotFound_Title, StudyTexts.BranchNotFound_Detail),
        ]);
    }
}
