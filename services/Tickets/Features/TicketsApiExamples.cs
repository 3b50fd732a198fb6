using System.Globalization;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Escalation;
using BrandPlatform.Tickets.Features.Queues;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Features.SubmitTicket;
using BrandPlatform.Tickets.Features.Webhooks;
using BrandPlatform.Tickets.Features.Workflow;
using BrandPlatform.Tickets.Resources;
using Microsoft.AspNetCore.Mvc;
using static BrandPlatform.Tickets.Resources.Texts;

namespace BrandPlatform.Tickets.Features;

/// <summary>
/// The examples of the tickets API's OpenAPI document, keyed by operation name (WithName): a new endpoint adds one
/// <c>examples.Add</c> here. The JSON is read as the endpoint's own request and response types, so the document shows
/// exactly the wire shape, and the OpenAPI test fails when an example names a member the type lacks or leaves one out.
/// One ticket goes through the closed loop below; each step answers the ticket as that step leaves it.
/// </summary>
internal sealed class TicketsApiExamples : IApiExamples
{
    private const string TicketId = "0196f3a2-5c1e-7b3d-9a41-2e8c6d0f4b17";
    private const string LeadUnit = "0196f0aa-1c2d-7e3f-8a9b-0c1d2e3f4a51";
    private const string CoHandlingUnit = "0196f0aa-1c2d-7e3f-8a9b-0c1d2e3f4a52";

    private static readonly string Submitted = $$"""
        {
          "id": "{{TicketId}}", "number": "QY-2026-000128", "title": "企业流动资金贷款需求", "category": "financing",
          "description": "扩大生产需要流动资金约500万元，希望协调合作银行对接信贷产品。",
          "requesterId": "0196f3a1-0a2b-7c3d-8e4f-5a6b7c8d9e01", "requesterKind": "enterprise",
          "requesterName": "示范科技有限公司", "unifiedSocialCreditCode": "91320100MA1X0ABC1F", "chamberId": null,
          "priority": "normal", "channel": "portal", "state": "submitted", "leadUnitId": null, "coHandlingUnitIds": [],
          "submittedAt": "2026-03-02T01:15:00+00:00",
          "deadlines": {
            "acceptance": "2026-03-03T09:30:00+00:00", "firstContact": "2026-03-03T09:30:00+00:00",
            "stageReply": null, "resolution": null, "originalResolution": null
          },
          "acceptedAt": null, "firstContactAt": null, "respondedAt": null, "resolvedAt": null, "closedAt": null,
          "satisfaction": null, "pausedWorkingHours": 0, "escalationLevel": "none", "objection": null, "extension": null,
          "brandId": null, "brandMeasureId": null, "citedPolicies": [], "version": 1
        }
        """;

    private static readonly string Accepted = Then(Submitted, """
        {
          "state": "accepted", "acceptedAt": "2026-03-02T02:40:00+00:00", "version": 2,
          "deadlines": {
            "stageReply": "2026-03-05T09:30:00+00:00", "resolution": "2026-03-11T09:30:00+00:00",
            "originalResolution": "2026-03-11T09:30:00+00:00"
          }
        }
        """);

    private static readonly string Assigned = Then(Accepted, $$"""
        { "state": "assigned", "leadUnitId": "{{LeadUnit}}", "coHandlingUnitIds": ["{{CoHandlingUnit}}"], "version": 3 }
        """);

    private static readonly string InProgress = Then(Assigned, """
        { "state": "inProgress", "firstContactAt": "2026-03-02T06:10:00+00:00", "version": 4 }
        """);

    private static readonly string Responded = Then(InProgress, """
        { "state": "responded", "respondedAt": "2026-03-04T03:00:00+00:00", "version": 5 }
        """);

    private static readonly string Resolved = Then(Responded, """
        { "state": "resolved", "resolvedAt": "2026-03-09T08:00:00+00:00", "version": 6 }
        """);

    private static readonly string Confirmed = Then(Resolved, """
        { "state": "confirmed", "closedAt": "2026-03-10T02:00:00+00:00", "satisfaction": "satisfied", "version": 7 }
        """);

    private static readonly string Withdrawn = Then(Accepted, """
        { "state": "withdrawn", "closedAt": "2026-03-02T07:30:00+00:00", "version": 3 }
        """);

    // Properties, not fields: the texts are read while the examples are built, in the document's language.
    private static ProblemDetails NotFound => TicketAccess.NotFound().ProblemDetails;

    private static ProblemDetails Stale => TicketWorkflow.Stale("\"4\"", "\"3\"").ProblemDetails;

    public void Describe(ApiExamples examples)
    {
        examples.Add("SubmitTicket",
            request: """
                {
                  "title": "企业流动资金贷款需求", "category": "financing",
                  "description": "扩大生产需要流动资金约500万元，希望协调合作银行对接信贷产品。",
                  "enterpriseName": "示范科技有限公司", "unifiedSocialCreditCode": "91320100MA1X0ABC1F",
                  "priority": "normal", "channel": "portal", "externalReference": null, "requesterId": null,
                  "attachments": [
                    {
                      "fileName": "融资需求说明.pdf", "contentType": "application/pdf", "sizeBytes": 182304,
                      "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                    }
                  ],
                  "brandId": null, "brandMeasureId": null
                }
                """,
            response: Submitted,
            otherRequests:
            [
                // Only what the portal's form asks: the token names the enterprise.
                new RequestExample("own-enterprise", "An enterprise contact for its own enterprise", new
                {
                    title = "企业流动资金贷款需求", category = "financing",
                    description = "扩大生产需要流动资金约500万元，希望协调合作银行对接信贷产品。",
                }),
            ],
            problems:
            [
                ApiExamples.Invalid("unifiedSocialCreditCode", IdentifierRules.For(CreditCodeProblem.WrongCheckCharacter)),
                SubmitTicket.SubmitTicket.OtherEnterpriseProblem(("91320100MA1X0ABC1F", "示范科技有限公司")).ProblemDetails,
                SubmitTicket.SubmitTicket.IdempotencyKeyReused().ProblemDetails,
            ]);
        examples.Add("GetTicket", response: InProgress, problems: [NotFound]);
        examples.Add("GetTicketTimeline", response: $$"""
            [
              {
                "at": "2026-03-02T01:15:00+00:00", "action": "submit", "fromState": null, "toState": "submitted",
                "actorName": "示范科技有限公司 王经理", "actorRole": "EnterpriseContact", "unitId": null, "note": null
              },
              {
                "at": "2026-03-02T02:40:00+00:00", "action": "accept", "fromState": "submitted", "toState": "accepted",
                "actorName": "机关党委办公室 李明", "actorRole": "OfficeStaff", "unitId": null, "note": null
              },
              {
                "at": "2026-03-02T03:05:00+00:00", "action": "assign", "fromState": "accepted", "toState": "assigned",
                "actorName": "机关党委办公室 李明", "actorRole": "OfficeStaff", "unitId": null, "note": null
              },
              {
                "at": "2026-03-02T06:10:00+00:00", "action": "start", "fromState": "assigned", "toState": "inProgress",
                "actorName": "招商服务专班 张强", "actorRole": "TaskForceHandler", "unitId": "{{LeadUnit}}",
                "note": "已电话联系企业财务负责人，了解贷款用途和期限。"
              }
            ]
            """, problems: [NotFound]);

        Step(examples, "TicketReject", """{ "reason": "诉求属于司法诉讼事项，请通过法院途径解决。" }""",
            Then(Submitted, """{ "state": "rejected", "closedAt": "2026-03-02T02:40:00+00:00", "version": 2 }"""), StepRefused(TicketState.Submitted, TicketStep.Reject, TicketState.Submitted));
        Step(examples, "TicketAccept", """{ "note": null }""", Accepted, StepRefused(TicketState.Accepted, TicketStep.Accept, TicketState.Submitted));
        Step(examples, "TicketAssign", $$"""{ "leadUnitId": "{{LeadUnit}}", "coHandlingUnitIds": ["{{CoHandlingUnit}}"] }""",
            Assigned, StepRefused(TicketState.Submitted, TicketStep.Assign, TicketState.Accepted, TicketState.Assigned, TicketState.Reopened),
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(TicketTexts.HandlingUnitUnknown_Title)), Text(nameof(TicketTexts.HandlingUnitUnknown_Detail), "leadUnitId"))));
        Step(examples, "TicketCitePolicy", """{ "policyId": "019a3c0d-1728-79ea-b5fc-0d1e2f304152" }""",
            Then(Responded, """
                { "citedPolicies": [ { "policyId": "019a3c0d-1728-79ea-b5fc-0d1e2f304152", "title": "关于进一步支持民营企业技术改造的若干措施",
                  "issuer": "市工业和信息化局", "issuedOn": "2026-09-15", "citedBy": "市金融服务专班 李明", "citedAt": "2026-03-06T03:00:00+00:00" } ], "version": 6 }
                """),
            StepRefused(TicketState.Confirmed, TicketStep.CitePolicy, TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Paused, TicketState.Resolved),
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(TicketTexts.PolicyNotCitable_Title)), Text(nameof(TicketTexts.PolicyNotCitable_Detail)))));
        Step(examples, "TicketStart", """{ "note": "已电话联系企业财务负责人，了解贷款用途和期限。" }""", InProgress, StepRefused(TicketState.Accepted, TicketStep.Start, TicketState.Assigned));
        Step(examples, "TicketRespond", """{ "note": "已与三家合作银行沟通，本周五组织银企对接会。" }""", Responded,
            StepRefused(TicketState.Assigned, TicketStep.Respond, TicketState.InProgress, TicketState.Responded));
        Step(examples, "TicketResolve", """{ "note": "银企对接会后，某银行已批复500万元流动资金贷款。" }""", Resolved,
            StepRefused(TicketState.Assigned, TicketStep.Resolve, TicketState.InProgress, TicketState.Responded));
        Step(examples, "TicketPause", """{ "reason": "等待企业补充近三年财务报表。" }""",
            Then(InProgress, """{ "state": "paused", "version": 5 }"""),
            StepRefused(TicketState.Resolved, TicketStep.Pause, TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded));
        Step(examples, "TicketResume", """{ "note": "企业已补充财务报表。" }""",
            Then(InProgress, """
                {
                  "pausedWorkingHours": 6.5, "version": 6,
                  "deadlines": { "stageReply": "2026-03-06T06:30:00+00:00", "resolution": "2026-03-12T06:30:00+00:00" }
                }
                """), StepRefused(TicketState.InProgress, TicketStep.Resume, TicketState.Paused));
        Step(examples, "TicketObjection", """{ "reason": "该诉求涉及土地规划调整，不属于本专班职责。" }""",
            Then(Assigned, """
                {
                  "version": 4,
                  "objection": {
                    "reason": "该诉求涉及土地规划调整，不属于本专班职责。", "raisedAt": "2026-03-02T05:00:00+00:00",
                    "raisedBy": "招商服务专班 张强", "decisionDue": "2026-03-02T09:30:00+00:00"
                  }
                }
                """), Refused(Text(nameof(TicketTexts.ObjectionNotAllowed_Detail), TicketState.InProgress)));
        Step(examples, "TicketObjectionDecision", $$"""{ "uphold": true, "leadUnitId": "{{CoHandlingUnit}}", "note": "改由市发改委主办。" }""",
            Then(Assigned, $$"""{ "leadUnitId": "{{CoHandlingUnit}}", "coHandlingUnitIds": [], "version": 5 }"""),
            new RuleViolation(Text(nameof(TicketTexts.NoObjectionPending_Title)), Text(nameof(TicketTexts.NoObjectionPending_Detail), TicketState.Assigned)));
        Step(examples, "TicketExtensionRequest", """{ "requestedDue": "2026-03-18T09:30:00+00:00", "reason": "银行授信审批需要两周。" }""",
            Then(InProgress, """
                {
                  "version": 5,
                  "extension": {
                    "requestedDue": "2026-03-18T09:30:00+00:00", "reason": "银行授信审批需要两周。",
                    "requestedAt": "2026-03-06T02:00:00+00:00", "requestedBy": "招商服务专班 张强"
                  }
                }
                """), Refused(Text(nameof(TicketTexts.ExtensionNotAllowed_Detail), TicketState.Resolved)));
        Step(examples, "TicketExtensionDecision", """{ "approve": true, "note": "同意延期至3月18日。" }""",
            Then(InProgress, """{ "version": 6, "deadlines": { "resolution": "2026-03-18T09:30:00+00:00" } }"""),
            new RuleViolation(Text(nameof(TicketTexts.NoExtensionPending_Title)), Text(nameof(TicketTexts.NoExtensionPending_Detail), TicketState.InProgress)));
        Step(examples, "TicketReopen", """{ "reason": "企业反映贷款尚未实际发放。" }""",
            Then(Resolved, """{ "state": "reopened", "version": 7 }"""),
            StepRefused(TicketState.InProgress, TicketStep.Reopen, TicketState.Resolved, TicketState.Confirmed));
        Step(examples, "TicketConfirm", """{ "satisfaction": "satisfied", "note": "问题已解决，感谢专班。" }""", Confirmed,
            StepRefused(TicketState.Responded, TicketStep.Confirm, TicketState.Resolved));
        Step(examples, "TicketWithdraw", """{ "reason": "企业已自行解决资金问题。" }""", Withdrawn, StepRefused(TicketState.Confirmed, TicketStep.Withdraw,
            TicketState.Submitted, TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Paused));
        Step(examples, "TicketReturnVisit",
            """{ "answered": true, "satisfaction": "basicallySatisfied", "reallySolved": true, "improperRequest": false, "note": "企业表示贷款已到账。" }""",
            Then(Confirmed, """{ "satisfaction": "basicallySatisfied" }"""), Refused(Text(nameof(TicketTexts.ReturnVisitNotDue_Detail), TicketState.InProgress)));
        Step(examples, "TicketWithdrawalReview", """{ "pressedByUnit": true, "note": "企业反映系经办人员要求撤单。" }""",
            Then(Withdrawn, """{ "state": "reopened", "closedAt": null, "escalationLevel": "urged", "version": 4 }"""),
            Refused(Text(nameof(TicketTexts.WithdrawalReviewNotDue_Detail), TicketState.InProgress)));

        examples.Add("TicketCoHandlingFeedback", $$"""{ "unitId": "{{CoHandlingUnit}}", "note": "市发改委已将该企业列入重点融资需求清单。" }""",
            Then(InProgress, """{ "version": 5 }"""),
        [
            NotFound,
            ApiExamples.Refused(Refused(Text(nameof(TicketTexts.CoHandlingFeedbackWhileHandled_Detail), TicketState.Resolved))),
            Stale,
            ApiExamples.Refused(RuleViolation.Unprocessable(
                Text(nameof(TicketTexts.NotCoHandlingUnit_Title)), Text(nameof(TicketTexts.NotCoHandlingUnit_Detail), new UnitReference(Guid.Parse(LeadUnit))))),
        ]);
        examples.Add("TicketAttachments", """
            {
              "attachments": [
                {
                  "fileName": "近三年财务报表.xlsx",
                  "contentType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "sizeBytes": 48213, "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
                }
              ]
            }
            """, Then(InProgress, """{ "version": 5 }"""),
        [
            NotFound,
            ApiExamples.Refused(Refused(Text(nameof(TicketTexts.AttachToClosed_Detail), TicketState.Confirmed))),
            Stale,
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(TicketTexts.TooManyAttachments_Title), Ticket.MaxAttachments),
                Text(nameof(TicketTexts.TooManyAttachments_Detail), Ticket.MaxAttachments, 19))),
        ]);
        examples.Add("GetTicketAttachments", response: """
            [
              {
                "id": "0196f3a2-6d2f-7c4e-8b52-3f9d7e1a5c28", "fileName": "融资需求说明.pdf", "contentType": "application/pdf",
                "sizeBytes": 182304, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "addedAt": "2026-03-02T01:15:00+00:00", "addedBy": "王经理"
              }
            ]
            """, problems: [NotFound]);

        var governmentTicket = Then(Submitted, """{ "channel": "governmentSystem" }""");
        examples.Add("GetTicketByExternalReference", response: governmentTicket, problems:
        [
            Synchronisation.Synchronisation.NotFound("gov-demo-client", "12345-2026-0301").ProblemDetails,
        ]);
        examples.Add("ListTicketChanges", response: ApiExamples.Page([governmentTicket],
                "/api/tickets/changes?since=2026-03-01T00%3A00%3A00%2B08%3A00&cursor=eyJrIjoiMjAyNi0wMy0wMlQwMToxNTowMCswMDowMCIsImkiOiIwMTk2ZjNhMi01YzFlLTdiM2QtOWE0MS0yZThjNmQwZjRiMTcifQ"),
            problems: [ApiExamples.InvalidCursor()]);

        var order = $$"""
            {
              "id": "0196f5b0-7d8e-7f90-a1b2-c3d4e5f60718", "ticketId": "{{TicketId}}", "ticketNumber": "QY-2026-000128",
              "ticketTitle": "企业流动资金贷款需求", "leaderId": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23",
              "issuedAt": "2026-03-13T01:00:00+00:00", "instructions": null, "instructedAt": null, "answer": null, "answeredAt": null,
              "history": []
            }
            """;
        var orderNotFound = SupervisionOrders.NotFound().ProblemDetails;
        examples.Add("ListSupervisionOrders", response: ApiExamples.Page([order]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("ListTicketsAuditEntries", response: ApiExamples.Page([
            """
            {
              "id": 311, "occurredAt": "2026-03-13T03:20:00+00:00", "action": "supervision-instructed", "succeeded": true,
              "actor": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23 王部长", "target": "0196f5b0-7d8e-7f90-a1b2-c3d4e5f60718",
              "detail": "请市发改委牵头，本周内协调银行专题对接。", "ipAddress": "10.12.0.8", "userAgent": "Mozilla/5.0",
              "correlationId": "6f1c2e0a9b3d4e5f8a7b6c5d4e3f2a1b"
            }
            """,
            """
            {
              "id": 310, "occurredAt": "2026-03-12T09:00:00+00:00", "action": "webhook-subscribed", "succeeded": true,
              "actor": "gov-demo-client 12345政务服务便民热线", "target": "0196f5a0-1b2c-7d3e-8f40-5a6b7c8d9e0f",
              "detail": "https://hotline.example.gov.cn/hooks/tickets", "ipAddress": "10.20.1.15", "userAgent": null, "correlationId": null
            }
            """]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("InstructSupervisionOrder", request: """{ "text": "请市发改委牵头，本周内协调银行专题对接。" }""",
            response: Then(order, """
                {
                  "instructions": "请市发改委牵头，本周内协调银行专题对接。", "instructedAt": "2026-03-13T03:20:00+00:00",
                  "history": [{ "kind": "instruction", "text": "请市发改委牵头，本周内协调银行专题对接。", "by": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23 王部长", "at": "2026-03-13T03:20:00+00:00" }]
                }
                """),
            problems: [orderNotFound]);
        examples.Add("AnswerSupervisionOrder", request: """{ "text": "已于3月16日召开银企专题对接会，贷款进入审批。" }""",
            response: Then(order, """
                {
                  "instructions": "请市发改委牵头，本周内协调银行专题对接。", "instructedAt": "2026-03-13T03:20:00+00:00",
                  "answer": "已于3月16日召开银企专题对接会，贷款进入审批。", "answeredAt": "2026-03-16T08:00:00+00:00",
                  "history": [
                    { "kind": "instruction", "text": "请市发改委牵头，本周内协调银行专题对接。", "by": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23 王部长", "at": "2026-03-13T03:20:00+00:00" },
                    { "kind": "answer", "text": "已于3月16日召开银企专题对接会，贷款进入审批。", "by": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a04 招商服务专班经办人", "at": "2026-03-16T08:00:00+00:00" }
                  ]
                }
                """),
            problems: [orderNotFound]);

        examples.Add("ListTickets", response: $$"""
            {
              "items": [
                { "ticket": {{InProgress}}, "due": "2026-03-11T09:30:00+00:00", "workingHoursRemaining": 35.5, "overdue": false }
              ],
              "next": null
            }
            """, problems: [ApiExamples.Invalid("state", string.Format(CultureInfo.CurrentCulture, TicketApiTexts.UnsupportedValue, "lottery"))]);
        examples.Add("ExportTickets",
            response: "\uFEFF工单编号,标题,类别,优先级,状态,诉求人,统一社会信用代码,提交时间,受理期限,办结期限,原办结期限,剩余工作小时,是否逾期,满意度\r\n" +
                "QY-2026-000128,企业流动资金贷款需求,financing,normal,inProgress,示范科技有限公司,91320100MA1X0ABC1F,2026-03-02 09:15,2026-03-03 17:30,2026-03-11 17:30,2026-03-11 17:30,35.5,否,\r\n",
            problems:
            [
                ApiExamples.Invalid("format", TicketApiTexts.ExportFormat),
                TicketQueues.TooManyRows().ProblemDetails,
            ]);
        examples.Add("ListReturnVisitQueue", response: ApiExamples.Page([Resolved]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("ListWithdrawals", response: ApiExamples.Page([$$"""
              {
                "ticket": {{Withdrawn}}, "withdrawnAt": "2026-03-02T07:30:00+00:00",
                "review": { "reviewedAt": "2026-04-01T02:00:00+00:00", "pressedByUnit": false, "note": "回访确认系企业自行撤回。" }
              }
              """]), problems: [ApiExamples.Invalid("month", TicketApiTexts.MonthFormat), ApiExamples.InvalidCursor()]);

        const string subscription = "0196f6c1-2a3b-7c4d-8e5f-60718293a4b5";
        var subscriptionNotFound = WebhookEndpoints.NotFound().ProblemDetails;
        examples.Add("SubscribeWebhook", request: """{ "callbackUrl": "https://zwfw.example.gov.cn/brandplatform/notify" }""",
            response: $$"""
                {
                  "id": "{{subscription}}", "callbackUrl": "https://zwfw.example.gov.cn/brandplatform/notify",
                  "createdAt": "2026-03-01T02:00:00+00:00", "cancelledAt": null,
                  "secret": "5f0c3e8a91d24b7c6a1e9f0b3d7c2a4e8b6f1d0c9a7e5b3f2d4c6a8e0b1f3d5c"
                }
                """,
            problems:
            [
                ApiExamples.Invalid("callbackUrl", CallbackAddresses.Message(CallbackRefusal.InternalAddress)),
                WebhookEndpoints.LimitReached(5).ProblemDetails,
            ]);
        examples.Add("ListWebhooks", response: ApiExamples.Page([$$"""
              {
                "id": "{{subscription}}", "callbackUrl": "https://zwfw.example.gov.cn/brandplatform/notify",
                "createdAt": "2026-03-01T02:00:00+00:00", "cancelledAt": null, "secret": null
              }
              """]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("CancelWebhook", problems: [subscriptionNotFound]);
        examples.Add("ListWebhookDeliveries", response: ApiExamples.Page([$$"""
              {
                "id": "0196f6c2-0b1c-7d2e-8f30-4152637485a6", "ticketId": "{{TicketId}}", "createdAt": "2026-03-02T02:40:00+00:00",
                "attempts": 2, "deliveredAt": "2026-03-02T02:40:12+00:00", "gaveUpAt": null,
                "nextAttemptAt": "2026-03-02T02:40:10+00:00", "lastStatusCode": 200, "lastError": null
              }
              """]), problems: [subscriptionNotFound, ApiExamples.InvalidCursor()]);
        DescribeRequestersAndChambers(examples);
        DescribeRoutingAndFigures(examples);
    }

    /// <summary>诉求人档案 and 商会 with their linked leaders.</summary>
    private static void DescribeRequestersAndChambers(ApiExamples examples)
    {
        const string requesterId = "0196f3a1-0a2b-7c3d-8e4f-5a6b7c8d9e01";
        const string chamberId = "0196f2c0-4d5e-7f60-8172-93a4b5c6d7e8";
        var requester = $$"""
            {
              "id": "{{requesterId}}", "kind": "enterprise", "name": "示范科技有限公司",
              "unifiedSocialCreditCode": "91320100MA1X0ABC1F", "personCategory": null,
              "chamberId": "{{chamberId}}", "chamberName": "市电子信息商会",
              "contacts": [{ "name": "王经理", "phone": "13812345678", "position": "财务总监" }],
              "createdAt": "2026-02-20T06:00:00+00:00"
            }
            """;
        var requesterNotFound = Requesters.Requesters.NotFound().ProblemDetails;
        var chamberMissing = Requesters.Requesters.ChamberMissing().ProblemDetails;
        examples.Add("ListRequesters", response: ApiExamples.Page([Then(requester, """{ "contacts": [{ "name": "王经理", "phone": "138****5678", "position": "财务总监" }] }""")]),
            problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetRequester", response: requester, problems: [requesterNotFound]);
        examples.Add("RegisterRequester",
            request: $$"""
                {
                  "kind": "enterprise", "name": "示范科技有限公司", "unifiedSocialCreditCode": "91320100MA1X0ABC1F",
                  "personCategory": null, "chamberId": "{{chamberId}}",
                  "contacts": [{ "name": "王经理", "phone": "13812345678", "position": "财务总监" }]
                }
                """,
            response: requester,
            problems:
            [
                ApiExamples.Invalid("personCategory", TicketApiTexts.PersonCategoryRequired),
                Requesters.Requesters.EnterpriseRegistered("91320100MA1X0ABC1F").ProblemDetails,
                chamberMissing,
            ]);
        examples.Add("UpdateRequester",
            request: $$"""
                {
                  "name": "示范科技有限公司", "chamberId": "{{chamberId}}",
                  "contacts": [
                    { "name": "王经理", "phone": "13812345678", "position": "财务总监" },
                    { "name": "赵敏", "phone": "025-84561234", "position": "办公室主任" }
                  ]
                }
                """,
            response: Then(requester, """
                {
                  "contacts": [
                    { "name": "王经理", "phone": "13812345678", "position": "财务总监" },
                    { "name": "赵敏", "phone": "025-84561234", "position": "办公室主任" }
                  ]
                }
                """),
            problems:
            [
                Requesters.Requesters.ChamberKeptByOffice().ProblemDetails,
                requesterNotFound,
                chamberMissing,
            ]);

        const string linkId = "0196f2c1-5e6f-7a80-9b1c-2d3e4f5a6b7c";
        var chamber = $$"""
            {
              "id": "{{chamberId}}", "name": "市电子信息商会", "isKey": true,
              "currentLeaderId": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23",
              "leaderLinks": [
                { "id": "{{linkId}}", "leaderId": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23", "leaderName": "陈副市长", "from": "2026-01-01", "to": null }
              ]
            }
            """;
        var chamberNotFound = Chambers.NotFound().ProblemDetails;
        examples.Add("ListChambers", response: ApiExamples.Page([chamber]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("UpdateChamber", request: """{ "isKey": true }""", response: chamber, problems: [chamberNotFound]);
        examples.Add("LinkChamberLeader",
            request: """{ "leaderId": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23", "leaderName": "陈副市长", "from": "2026-01-01", "to": null }""",
            response: chamber,
            problems:
            [
                chamberNotFound,
                ApiExamples.Refused(new RuleViolation(Text(nameof(TicketTexts.LinkOverlaps_Title)),
                    Text(nameof(TicketTexts.LinkOverlaps_Detail), "刘副市长", Text(nameof(TicketTexts.LinkPeriod_Open), new DateOnly(2025, 1, 1))))),
                ApiExamples.Refused(ChamberLeaderLink.EndsBeforeItBegins(new DateOnly(2026, 1, 1))),
            ]);
        examples.Add("EndChamberLeaderLink", request: """{ "on": "2026-06-30" }""",
            response: Then(chamber, $$"""
                {
                  "leaderLinks": [
                    { "id": "{{linkId}}", "leaderId": "0196f0aa-3e4f-7a5b-9c6d-7e8f9a0b1c23", "leaderName": "陈副市长", "from": "2026-01-01", "to": "2026-06-30" }
                  ]
                }
                """),
            problems:
            [
                chamberNotFound,
                ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(TicketTexts.LinkNotFound_Title)), Text(nameof(TicketTexts.LinkNotFound_Detail)))),
            ]);
    }

    /// <summary>The handling units, the routing table (归口) and the published figures.</summary>
    private static void DescribeRoutingAndFigures(ApiExamples examples)
    {
        examples.Add("ListHandlingUnits", response: ApiExamples.Page([
            $$"""{ "id": "{{LeadUnit}}", "kind": "taskForce", "name": "招商服务专班" }""",
            $$"""{ "id": "{{CoHandlingUnit}}", "kind": "department", "name": "市发改委" }""",
        ]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetRoutingTable", response: $$"""
            [
              { "category": "financing", "unitId": "{{LeadUnit}}", "unitName": "招商服务专班" },
              { "category": "housing", "unitId": "0196f0aa-1c2d-7e3f-8a9b-0c1d2e3f4a54", "unitName": "市住房和城乡建设局" },
              { "category": "relocation", "unitId": "0196f0aa-1c2d-7e3f-8a9b-0c1d2e3f4a53", "unitName": "征迁服务专班" }
            ]
            """);
        examples.Add("SetRoute", request: $$"""{ "unitId": "{{LeadUnit}}" }""",
            response: $$"""{ "category": "financing", "unitId": "{{LeadUnit}}", "unitName": "招商服务专班" }""",
            problems:
            [
                ApiExamples.Invalid("category", string.Format(CultureInfo.CurrentCulture, TicketApiTexts.CategoryUnsupported, "lottery")),
                ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(TicketTexts.HandlingUnitUnknown_Title)), Text(nameof(TicketTexts.HandlingUnitUnknown_Detail), "unitId"))),
            ]);
    }

    /// <summary>A closed-loop step: its request, the ticket it leaves, and the step refused in another state (409).</summary>
    private static void Step(
        ApiExamples examples, string operation, string request, string ticket, RuleViolation conflict, ProblemDetails? unprocessable = null) =>
        examples.Add(operation, request, ticket,
        [
            NotFound,
            ApiExamples.Refused(conflict),
            Stale,
            .. unprocessable is null ? [] : new[] { unprocessable },
        ]);

    private static RuleViolation StepRefused(TicketState state, TicketStep step, params TicketState[] allowedFrom) =>
        Ticket.StepNotAllowed(state, step, allowedFrom);

    /// <summary>A step refused in the ticket's state, in the entity's words.</summary>
    private static RuleViolation Refused(LocalText detail) => new(Text(nameof(TicketTexts.StepNotAllowed_Title)), detail);

    /// <summary>The ticket (or record) as a later step leaves it.</summary>
    private static string Then(string before, string changes) => ApiExamples.With(before, changes);
}
