using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Campaigns;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Features.Sessions;

/// <summary>The examples of the sessions API: 第一党支部's session of the fourth quarter's campaign, planned and held.</summary>
internal sealed class SessionsApiExamples : IApiExamples
{
    private const string Branch = "0196f0aa-0b1c-7d2e-8f30-415263748501";
    private const string SessionId = "0196f7b2-4d5e-7f60-8172-839405a6b7c8";
    private const string Wang = "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01";
    private const string Li = "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02";

    private const string Schedule = $$"""
        {
          "branchId": "{{Branch}}", "topic": "以案为鉴、以案促改警示教育会", "caseIds": [ "{{CampaignsApiExamples.BanquetCase}}" ],
          "plannedStart": "2026-11-12T06:30:00+00:00", "plannedEnd": "2026-11-12T08:00:00+00:00", "place": "机关三楼党员活动室"
        }
        """;

    private static readonly string Planned = ApiExamples.With(Schedule, $$"""
        {
          "id": "{{SessionId}}", "campaignId": "{{CampaignsApiExamples.CampaignId}}", "state": "planned", "record": null,
          "cancelledAt": null, "cancelReason": null, "scheduledAt": "2026-11-01T02:00:00+00:00", "version": 1
        }
        """);

    private const string Hold = $$"""
        {
          "heldAt": "2026-11-12T06:30:00+00:00", "durationMinutes": 90, "notes": "通报两起违反中央八项规定精神典型案例，党员逐一对照检查。",
          "attendance": [ { "personId": "{{Li}}", "status": "absentWithReason", "reason": "外出招商" } ]
        }
        """;

    private static readonly string Held = ApiExamples.With(Planned, $$"""
        {
          "state": "held", "version": 2,
          "record": { "heldAt": "2026-11-12T06:30:00+00:00", "durationMinutes": 90, "notes": "通报两起违反中央八项规定精神典型案例，党员逐一对照检查。",
            "attendance": [
              { "personId": "{{Wang}}", "displayName": "王芳", "status": "present", "reason": null, "source": "checkIn", "checkedInAt": "2026-11-12T06:21:00+00:00" },
              { "personId": "{{Li}}", "displayName": "李明", "status": "absentWithReason", "reason": "外出招商", "source": "keeper", "checkedInAt": null }
            ],
            "recordedAt": "2026-11-12T09:00:00+00:00" }
        }
        """);

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.SessionNotFound_Title, CampaignTexts.SessionNotFound_Detail);
        var keepersOnly = ApiExamples.Problem(StatusCodes.Status403Forbidden, CampaignTexts.KeepersOnly_Title,
            string.Format(CultureInfo.CurrentCulture, CampaignTexts.KeepersOnly_Detail, "第一党支部"));
        var closed = ApiExamples.Refused(WarningCampaign.ClosedFor(nameof(DisciplineTexts.StepHoldSession)));
        ProblemDetails NotAllowed(string step, SessionState state) => ApiExamples.Refused(new RuleViolation(
            Text(nameof(DisciplineTexts.StepNotAllowed_Title)), Text(nameof(DisciplineTexts.StepNotAllowed_Detail), Text(step), state)));

        examples.Add("ScheduleSession", request: Schedule, response: Planned, problems:
        [
            ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.CampaignNotFound_Detail),
            ApiExamples.Problem(StatusCodes.Status403Forbidden, CampaignTexts.MayNotSchedule_Title,
                string.Format(CultureInfo.CurrentCulture, CampaignTexts.MayNotSchedule_Detail, "第二党支部")),
            ApiExamples.Unprocessable("branchId", CampaignTexts.BranchNotFound, CampaignTexts.BranchNotFound_Detail),
            ApiExamples.Refused(WarningCampaign.ClosedFor(nameof(DisciplineTexts.StepScheduleSession))),
        ]);
        examples.Add("ListSessions", response: ApiExamples.Page([Held]), problems:
        [
            ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.CampaignNotFound_Detail),
            ApiExamples.InvalidCursor(),
        ]);
        examples.Add("GetSession", response: Held, problems: [notFound]);
        examples.Add("GetSessionCheckInCode",
            response: """{ "code": "418205", "opensAt": "2026-11-12T06:00:00+00:00", "closesAt": "2026-11-12T08:00:00+00:00" }""",
            problems: [notFound, keepersOnly]);
        examples.Add("CheckInToSession", request: """{ "code": "418205" }""", response: """{ "checkedInAt": "2026-11-12T06:21:00+00:00" }""", problems:
        [
            notFound,
            ApiExamples.Problem(StatusCodes.Status403Forbidden, CampaignTexts.NotExpected_Title, CampaignTexts.NotExpected_Detail),
            ApiExamples.Refused(CheckInCodes.NotYetOpen(new DateTimeOffset(2026, 11, 12, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 12, 8, 0, 0, TimeSpan.Zero))),
            ApiExamples.Unprocessable("code", CampaignTexts.WrongCode, CampaignTexts.WrongCode_Detail),
        ]);
        examples.Add("HoldSession", request: Hold, response: Held, problems:
        [
            notFound, keepersOnly, closed, NotAllowed(nameof(DisciplineTexts.StepHoldSession), SessionState.Cancelled),
            ApiExamples.Unprocessable("attendance[0].personId", CampaignTexts.PersonNotInRosters, CampaignTexts.PersonNotInRosters_Detail),
        ]);
        examples.Add("CancelSession", request: """{ "reason": "与市委全会时间冲突，改期另行通知" }""",
            response: ApiExamples.With(Planned, """{ "state": "cancelled", "version": 2, "cancelledAt": "2026-11-08T01:00:00+00:00", "cancelReason": "与市委全会时间冲突，改期另行通知" }"""),
            problems: [notFound, keepersOnly, NotAllowed(nameof(DisciplineTexts.StepCancelSession), SessionState.Held)]);
    }
}
