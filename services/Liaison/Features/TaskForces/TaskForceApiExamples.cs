using System.Globalization;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Liaison.Features.TaskForces;

/// <summary>The OpenAPI examples of the task forces' work and the 五比五晒 board: a key project from approval to construction, and its blocker.</summary>
internal sealed class TaskForceApiExamples : IApiExamples
{
    private const string Work = "019a3c0e-1a2b-7c3d-8e4f-5a6b7c8d9e0f";
    private const string TaskForce = "019a3c0e-2b3c-7d4e-9f50-6b7c8d9e0f1a";
    private const string Blocker = "019a3c0e-3c4d-7e5f-a061-7c8d9e0f1a2b";

    private const string WorkRequest = $$"""
        { "kind": "keyProject", "taskForceId": "{{TaskForce}}", "name": "年产10万吨新型材料项目", "enterpriseName": "示范新材料有限公司",
          "enterpriseCreditCode": "91320100MA1X0ABC1F", "sector": null, "amount": 120000, "households": null, "stage": "approval",
          "on": "2026-11-03", "note": "已完成立项，正在办理用地预审。" }
        """;

    private const string BlockerResponse = $$"""
        { "id": "{{Blocker}}", "title": "施工许可办理卡在消防审查", "category": "approvals", "description": "消防设计审查意见反复，影响12月开工。",
          "raisedByName": "项目服务专班 李华", "raisedAt": "2026-11-20T03:00:00+00:00", "ticketId": "019a3c0e-4d5e-7f60-b172-8d9e0f1a2b3c", "ticketNumber": "QY-2026-000321",
          "ticketState": "resolved", "solvedAt": "2026-11-26T08:00:00+00:00" }
        """;

    private const string WorkResponse = $$"""
        { "id": "{{Work}}", "kind": "keyProject", "taskForceId": "{{TaskForce}}", "taskForceName": "项目服务专班", "name": "年产10万吨新型材料项目",
          "enterpriseName": "示范新材料有限公司", "enterpriseCreditCode": "91320100MA1X0ABC1F", "sector": null, "amountInTenThousandYuan": 120000,
          "households": null, "agreementsSigned": null, "stage": "construction", "stageReachedOn": "2026-11-28",
          "stages": ["planning", "approval", "construction", "completed", "inOperation"],
          "steps": [
            { "fromStage": null, "stage": "approval", "on": "2026-11-03", "agreementsSigned": null, "note": "已完成立项，正在办理用地预审。",
              "recordedByName": "项目服务专班 李华", "recordedAt": "2026-11-03T02:00:00+00:00" },
            { "fromStage": "approval", "stage": "construction", "on": "2026-11-28", "agreementsSigned": null, "note": "取得施工许可，主体开工。",
              "recordedByName": "项目服务专班 李华", "recordedAt": "2026-11-28T09:00:00+00:00" } ],
          "blockers": [{{BlockerResponse}}], "registeredAt": "2026-11-03T02:00:00+00:00" }
        """;

    public void Describe(ApiExamples examples)
    {
        var missing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.WorkNotFound_Title, LiaisonTexts.WorkNotFound_Detail);
        var notYours = ApiExamples.Problem(StatusCodes.Status403Forbidden, LiaisonTexts.NotOfTaskForce_Title, LiaisonTexts.NotOfTaskForce_Detail);
        var frozen = ApiExamples.Unprocessable("on", LiaisonTexts.BoardFrozen_Title,
            string.Format(CultureInfo.CurrentCulture, LiaisonTexts.BoardFrozen_Detail, new DateOnly(2026, 12, 1)));
        var registered = ApiExamples.With(WorkResponse, """{ "stage": "approval", "stageReachedOn": "2026-11-03", "blockers": [] }""");

        examples.Add("ListTaskForceWork", response: ApiExamples.Page([WorkResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetTaskForceWork", response: WorkResponse, problems: [missing]);
        examples.Add("RegisterTaskForceWork", request: WorkRequest, response: registered,
            problems: [ApiExamples.Invalid("enterpriseCreditCode", LiaisonTexts.EnterpriseForProject), notYours, frozen,
                ApiExamples.Unprocessable("taskForceId", LiaisonTexts.TaskForceNotFound_Title, LiaisonTexts.TaskForceNotFound_Detail)]);
        examples.Add("ProgressTaskForceWork", request: """{ "stage": "construction", "on": "2026-11-28", "agreementsSigned": null, "note": "取得施工许可，主体开工。" }""",
            response: WorkResponse,
            problems: [missing, notYours, frozen, ApiExamples.Unprocessable("stage", LiaisonTexts.StageBackwards_Title, LiaisonTexts.StageBackwards_Detail),
                ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.WorkFinished_Title, LiaisonTexts.WorkFinished_Detail)]);
        examples.Add("RaiseKeyProjectBlocker", request: """{ "title": "施工许可办理卡在消防审查", "category": "approvals", "description": "消防设计审查意见反复，影响12月开工。" }""",
            response: ApiExamples.With(BlockerResponse, """{ "ticketId": null, "ticketNumber": null, "ticketState": null, "solvedAt": null }"""),
            problems: [missing, notYours, ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.NoBlockers_Title, LiaisonTexts.NoBlockers_Detail)]);

        examples.Add("GetTaskForceBoard", response: $$"""
            { "month": "2026-11", "frozenAt": "2026-11-30T16:10:00+00:00", "taskForces": [
              { "taskForceId": "{{TaskForce}}", "taskForceName": "项目服务专班",
                "takenOn": [ { "workId": "{{Work}}", "kind": "keyProject", "name": "年产10万吨新型材料项目", "fromStage": null, "stage": "approval",
                               "on": "2026-11-03", "agreementsSigned": null, "households": null, "amountInTenThousandYuan": 120000 } ],
                "projectsAdvanced": [ { "workId": "{{Work}}", "kind": "keyProject", "name": "年产10万吨新型材料项目", "fromStage": "approval",
                               "stage": "construction", "on": "2026-11-28", "agreementsSigned": null, "households": null, "amountInTenThousandYuan": 120000 } ],
                "investmentSigned": [], "relocationProgress": [],
                "blockersSolved": [ { "problemId": "{{Blocker}}", "projectId": "{{Work}}", "projectName": "年产10万吨新型材料项目",
                               "title": "施工许可办理卡在消防审查", "ticketNumber": "QY-2026-000321", "solvedOn": "2026-11-26" } ] } ] }
            """, problems: [ApiExamples.Invalid("month", LiaisonTexts.BoardMonth)]);
    }
}
