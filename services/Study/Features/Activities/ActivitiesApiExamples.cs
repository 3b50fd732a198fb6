using System.Globalization;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Resources;
using Microsoft.AspNetCore.Mvc;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Features.Activities;

/// <summary>The examples of the activities API: a party lesson of 第一党支部, planned, held and amended.</summary>
internal sealed class ActivitiesApiExamples : IApiExamples
{
    private const string Branch = "0196f0aa-0b1c-7d2e-8f30-415263748501";
    private const string Lesson = "0196f5c1-2a3b-7c4d-8e5f-60718293a4b5";
    private const string Wang = "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01";
    private const string Li = "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02";

    private const string Plan = $$"""
        {
          "topic": "学习贯彻党的二十届四中全会精神专题党课",
          "materials": [ { "materialId": "0196f4d0-1111-7222-8333-444455556666", "title": "在党的二十届四中全会第二次全体会议上的讲话", "link": "https://www.gov.cn/yaowen/example.htm" } ],
          "plannedStart": "2026-12-10T06:30:00+00:00", "plannedEnd": "2026-12-10T08:00:00+00:00", "place": "机关三楼党员活动室",
          "audience": { "kind": "unit", "unitId": null, "memberIds": [], "unitedFrontCategory": null, "organisationId": null },
          "speakers": [ { "name": "陈教授", "affiliation": "市委党校" } ], "brandId": null, "brandMeasureId": null
        }
        """;

    private static readonly string Schedule = ApiExamples.With(Plan, $$"""{ "kind": "partyLesson", "organiserUnitId": "{{Branch}}", "seriesId": null }""");

    private static readonly string Planned = ApiExamples.With(Plan, $$"""
        {
          "id": "{{Lesson}}", "kind": "partyLesson", "organiserUnitId": "{{Branch}}", "branchId": "{{Branch}}", "seriesId": null,
          "audience": { "unitId": null }, "state": "planned", "record": null, "amendments": [], "cancelledAt": null, "cancelReason": null,
          "scheduledAt": "2026-12-01T02:00:00+00:00", "version": 1
        }
        """);

    private const string Hold = $$"""
        {
          "heldAt": "2026-12-10T06:30:00+00:00", "durationMinutes": 90, "minutes": "书记讲授专题党课，党员结合岗位交流体会。",
          "externalAttendees": 0,
          "attendance": [ { "personId": "{{Li}}", "status": "absentWithReason", "reason": "外出招商" } ]
        }
        """;

    private const string Sheet = $$"""
        [
          { "personId": "{{Wang}}", "displayName": "王芳", "status": "present", "reason": null, "source": "checkIn", "checkedInAt": "2026-12-10T06:21:00+00:00" },
          { "personId": "{{Li}}", "displayName": "李明", "status": "absentWithReason", "reason": "外出招商", "source": "keeper", "checkedInAt": null }
        ]
        """;

    private static readonly string Held = ApiExamples.With(Planned, $$"""
        {
          "state": "held", "version": 2,
          "record": { "heldAt": "2026-12-10T06:30:00+00:00", "durationMinutes": 90, "minutes": "书记讲授专题党课，党员结合岗位交流体会。",
            "externalAttendees": 0, "attendance": {{Sheet}}, "recordedAt": "2026-12-11T01:00:00+00:00", "recordDue": "2026-12-15", "recordedLate": false }
        }
        """);

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, ActivityTexts.ActivityNotFound_Title, ActivityTexts.ActivityNotFound_Detail);
        var keepersOnly = ApiExamples.Problem(StatusCodes.Status403Forbidden, ActivityTexts.KeepersOnly_Title,
            string.Format(CultureInfo.CurrentCulture, ActivityTexts.KeepersOnly_Detail, "第二党支部"));
        ProblemDetails NotAllowed(string step, ActivityState state) => ApiExamples.Refused(new RuleViolation(
            Text(nameof(StudyTexts.StepNotAllowed_Title)), Text(nameof(StudyTexts.StepNotAllowed_Detail), Text(step), state)));

        examples.Add("ScheduleActivity", request: Schedule, response: Planned, problems:
        [
            ApiExamples.Problem(StatusCodes.Status403Forbidden, ActivityTexts.MayNotOrganise_Title,
                string.Format(CultureInfo.CurrentCulture, ActivityTexts.MayNotOrganise_Detail, "第二党支部")),
            ApiExamples.Unprocessable("organiserUnitId", ActivityTexts.OrganiserNotFound, ActivityTexts.OrganiserNotFound_Detail),
        ]);
        examples.Add("GetActivity", response: Held, problems: [notFound]);
        examples.Add("RescheduleActivity", request: Plan, response: ApiExamples.With(Planned, """{ "version": 2 }"""),
            problems: [notFound, keepersOnly, NotAllowed(nameof(StudyTexts.StepReschedule), ActivityState.Held)]);
        examples.Add("HoldActivity", request: Hold, response: Held, problems:
        [
            notFound, keepersOnly, NotAllowed(nameof(StudyTexts.StepHold), ActivityState.Cancelled),
            ApiExamples.Unprocessable("attendance[0].personId", ActivityTexts.PersonNotInRosters, ActivityTexts.PersonNotInRosters_Detail),
        ]);
        examples.Add("AmendActivity", request: ApiExamples.With(Hold, """{ "reason": "补记李明同志请假事由" }"""),
            response: ApiExamples.With(Held, $$"""
                {
                  "version": 3,
                  "amendments": [ { "at": "2026-12-12T02:00:00+00:00", "reason": "补记李明同志请假事由",
                    "before": { "heldAt": "2026-12-10T06:30:00+00:00", "durationMinutes": 90, "minutes": "书记讲授专题党课。", "externalAttendees": 0, "attendance": [] } } ]
                }
                """),
            problems: [notFound, keepersOnly, NotAllowed(nameof(StudyTexts.StepAmend), ActivityState.Planned)]);
        examples.Add("CancelActivity", request: """{ "reason": "与市委全会时间冲突，改期另行通知" }""",
            response: ApiExamples.With(Planned, """{ "state": "cancelled", "version": 2, "cancelledAt": "2026-12-08T01:00:00+00:00", "cancelReason": "与市委全会时间冲突，改期另行通知" }"""),
            problems: [notFound, keepersOnly, NotAllowed(nameof(StudyTexts.StepCancel), ActivityState.Held)]);
        examples.Add("GetActivityCheckInCode",
            response: """{ "code": "418205", "opensAt": "2026-12-10T06:00:00+00:00", "closesAt": "2026-12-10T08:00:00+00:00" }""",
            problems: [notFound, keepersOnly]);
        examples.Add("CheckInToActivity", request: """{ "code": "418205" }""", response: """{ "checkedInAt": "2026-12-10T06:21:00+00:00" }""", problems:
        [
            notFound,
            ApiExamples.Problem(StatusCodes.Status403Forbidden, ActivityTexts.NotExpected_Title, ActivityTexts.NotExpected_Detail),
            ApiExamples.Refused(CheckInCodes.NotYetOpen(new DateTimeOffset(2026, 12, 10, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero))),
            ApiExamples.Unprocessable("code", ActivityTexts.WrongCode, ActivityTexts.WrongCode_Detail),
        ]);
    }
}
