using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Mvc;

namespace BrandPlatform.Reporting.Features.SupervisionTasks;

/// <summary>The examples of the supervision tasks API: 办公室's task from a 党委会 decision, planned over the Spring Festival.</summary>
internal sealed class SupervisionTasksApiExamples : IApiExamples
{
    private const string TaskId = "019c8a10-2b3c-7d4e-8f50-617283940a01";
    private const string Office = "0196f0aa-0b1c-7d2e-8f30-415263748510";
    private const string Owner = "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01";
    private const string First = "019c8a10-2b3c-7d4e-8f50-617283940b01";
    private const string Last = "019c8a10-2b3c-7d4e-8f50-617283940b02";

    private const string Proposal = """{ "deadline": "2026-03-06", "start": "2026-02-02", "count": 2 }""";

    private const string Proposed = """
        { "start": "2026-02-02", "deadline": "2026-03-06", "milestones": [
          { "title": "第1个节点（共2个）", "due": "2026-02-14" }, { "title": "第2个节点（共2个）", "due": "2026-03-06" } ] }
        """;

    private const string Create = $$"""
        {
          "source": "decision", "title": "落实党委会关于党建品牌创建的决定", "description": "按决定推进品牌创建。", "basis": "2026年第3次党委会",
          "measureId": null, "meetingKind": null, "meetingOn": null, "ownerUnitId": "{{Office}}", "ownerPersonId": "{{Owner}}",
          "deadline": "2026-03-06", "feedbackCadence": "weekly",
          "milestones": [ { "id": null, "title": "形成方案", "due": "2026-02-14" }, { "id": null, "title": "全面完成", "due": "2026-03-06" } ]
        }
        """;

    private const string Created = $$"""
        {
          "id": "{{TaskId}}", "title": "落实党委会关于党建品牌创建的决定", "description": "按决定推进品牌创建。", "source": "decision",
          "basis": "2026年第3次党委会", "brandId": null, "measureId": null, "meetingKind": null, "meetingOn": null,
          "ownerUnitId": "{{Office}}", "ownerPersonId": "{{Owner}}", "startOn": "2026-02-02", "deadline": "2026-03-06",
          "feedbackCadence": "weekly", "feedbackDue": "2026-02-09", "lastFeedbackOn": null,
          "milestones": [ { "id": "{{First}}", "title": "形成方案", "due": "2026-02-14", "reachedOn": null },
                          { "id": "{{Last}}", "title": "全面完成", "due": "2026-03-06", "reachedOn": null } ],
          "state": "inProgress", "status": "green", "closure": null, "returnReason": null, "createdAt": "2026-02-02T02:00:00+00:00", "version": 1
        }
        """;

    private static readonly string Adjusted = ApiExamples.With(Created, $$"""
        { "milestones": [ { "id": "{{First}}", "title": "形成方案", "due": "2026-02-13", "reachedOn": null },
                          { "id": "{{Last}}", "title": "全面完成", "due": "2026-03-06", "reachedOn": null } ], "version": 2 }
        """);

    private static readonly string Reported = ApiExamples.With(Created, $$"""
        { "lastFeedbackOn": "2026-02-13", "feedbackDue": "2026-02-20", "version": 2,
          "milestones": [ { "id": "{{First}}", "title": "形成方案", "due": "2026-02-14", "reachedOn": "2026-02-13" },
                          { "id": "{{Last}}", "title": "全面完成", "due": "2026-03-06", "reachedOn": null } ] }
        """);

    private const string Attachment = """{ "name": "总结报告.pdf", "size": 204800, "contentType": "application/pdf", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }""";

    private static readonly string Asked = ApiExamples.With(Created, $$"""
        { "state": "closureRequested", "version": 3,
          "closure": { "requestedOn": "2026-03-05", "evidence": "方案已全面落实，见总结报告。", "attachments": [ {{Attachment}} ],
            "closedOn": null, "onTime": null, "acceptanceNote": null } }
        """);

    private static readonly string Closed = ApiExamples.With(Asked, $$"""
        { "state": "closed", "status": null, "version": 4,
          "closure": { "requestedOn": "2026-03-05", "evidence": "方案已全面落实，见总结报告。", "attachments": [ {{Attachment}} ],
            "closedOn": "2026-03-06", "onTime": true, "acceptanceNote": "同意销号" } }
        """);

    private static readonly string Returned = ApiExamples.With(Created, """{ "returnReason": "缺少群众满意度材料", "version": 4 }""");

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, SupervisionTaskTexts.TaskNotFound_Title, SupervisionTaskTexts.TaskNotFound_Detail);
        var ownerOnly = ApiExamples.Problem(StatusCodes.Status403Forbidden, SupervisionTaskTexts.OwnerOnly_Title, SupervisionTaskTexts.OwnerOnly_Detail);
        ProblemDetails NotAllowed(string step, SupervisionTaskState state) => ApiExamples.Refused(new RuleViolation(
            SupervisionTask.Text(nameof(SupervisionTaskTexts.StepNotAllowed_Title)), SupervisionTask.Text(nameof(SupervisionTaskTexts.StepNotAllowed_Detail), SupervisionTask.Text(step), state)));
        ProblemDetails Unprocessable(string field, string message) => ApiExamples.Unprocessable(field, message, SupervisionTaskTexts.Unprocessable_Detail);

        examples.Add("ProposeTaskMilestones", request: Proposal, response: Proposed, problems: [Unprocessable("deadline", SupervisionTaskTexts.NoWorkingDays)]);
        examples.Add("CreateSupervisionTask", request: Create, response: Created, problems:
        [
            Unprocessable("ownerPersonId", SupervisionTaskTexts.OwnerPersonUnknown),
            Unprocessable("milestones[0].due", SupervisionTaskTexts.MilestoneNotWorkingDay),
        ]);
        examples.Add("ListSupervisionTasks", response: ApiExamples.Page([Created]), problems:
            [ApiExamples.InvalidCursor(), ApiExamples.Invalid("status", SupervisionTaskTexts.StatusInvalid)]);
        examples.Add("GetSupervisionTask", response: Created, problems: [notFound]);
        examples.Add("ListSupervisionTaskFeedback", response: ApiExamples.Page([$$"""
            { "id": "019c8a10-2b3c-7d4e-8f50-617283940c01", "text": "方案已印发。", "progress": "50%", "milestonesReached": [ "{{First}}" ],
              "attachments": [ {{Attachment}} ], "givenBy": "{{Owner}} 王芳", "givenAt": "2026-02-13T03:00:00+00:00" }
            """]), problems: [notFound, ApiExamples.InvalidCursor()]);
        examples.Add("AdjustSupervisionTaskMilestones", request: $$"""
            { "milestones": [ { "id": "{{First}}", "title": "形成方案", "due": "2026-02-13" }, { "id": "{{Last}}", "title": "全面完成", "due": "2026-03-06" } ] }
            """, response: Adjusted, problems:
        [
            notFound, ownerOnly, NotAllowed(nameof(SupervisionTaskTexts.StepAdjustMilestones), SupervisionTaskState.Closed),
            Unprocessable("milestones[0].due", SupervisionTaskTexts.MilestoneNotWorkingDay),
        ]);
        examples.Add("GiveSupervisionTaskFeedback", request: $$"""
            { "text": "方案已印发。", "progress": "50%", "milestonesReached": [ "{{First}}" ], "attachments": [ {{Attachment}} ] }
            """, response: Reported, problems: [notFound, ownerOnly, NotAllowed(nameof(SupervisionTaskTexts.StepGiveFeedback), SupervisionTaskState.Closed)]);
        examples.Add("RequestSupervisionTaskClosure", request: $$"""{ "evidence": "方案已全面落实，见总结报告。", "attachments": [ {{Attachment}} ] }""",
            response: Asked, problems: [notFound, ownerOnly, NotAllowed(nameof(SupervisionTaskTexts.StepRequestClosure), SupervisionTaskState.ClosureRequested)]);
        examples.Add("AcceptSupervisionTaskClosure", request: """{ "note": "同意销号" }""", response: Closed,
            problems: [notFound, NotAllowed(nameof(SupervisionTaskTexts.StepAcceptClosure), SupervisionTaskState.InProgress)]);
        examples.Add("ReturnSupervisionTaskClosure", request: """{ "reason": "缺少群众满意度材料" }""", response: Returned,
            problems: [notFound, NotAllowed(nameof(SupervisionTaskTexts.StepReturnClosure), SupervisionTaskState.InProgress)]);
        examples.Add("GetSupervisionTaskFigures", response: $$"""
            { "from": "2026-01-01", "to": "2026-03-31", "rows": [
              { "unitId": "{{Office}}", "unitName": "办公室", "tasks": 4, "closed": 3, "closedOnTime": 2, "onTimeRate": 0.5, "red": 0, "amber": 1 } ] }
            """, problems: [.. ReportPeriod.ExampleProblems, XlsxExport.FormatProblem]);
    }
}
