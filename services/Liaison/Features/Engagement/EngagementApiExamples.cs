using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Liaison.Features.Engagement;

/// <summary>The OpenAPI examples of engagement events, registrations and outcomes: a 银企对接会 from announcement to its matched need.</summary>
internal sealed class EngagementApiExamples : IApiExamples
{
    private const string Event = "019a3c0d-a061-7273-8e85-96a7b8c9daeb";
    private const string Enterprise = "019a3c0d-b172-7384-9f96-a7b8c9daebfc";
    private const string Bank = "019a3c0d-c283-7495-a0a7-b8c9daebfc0d";
    private const string Outcome = "019a3c0d-d394-75a6-b1b8-c9daebfc0d1e";

    private const string EventRequest = """
        { "series": "bankEnterpriseMatching", "title": "2026年第四季度银企对接会", "startsAt": "2026-12-18T06:30:00+00:00",
          "place": "市民中心三楼报告厅", "leaders": ["市委统战部副部长 李明"], "description": "围绕企业扩产和技改融资需求，组织驻市银行现场对接。" }
        """;

    private const string EnterpriseRegistration = $$"""
        { "id": "{{Enterprise}}", "eventId": "{{Event}}", "kind": "enterprise", "organisationName": "示范科技有限公司", "creditCode": "91320100MA1X0ABC1F",
          "attendeeName": "陈志强", "attendeePosition": "董事长", "need": "扩产流动资金贷款", "needAmountInTenThousandYuan": 500,
          "registeredAt": "2026-12-05T02:00:00+00:00", "withdrawnAt": null, "attended": null }
        """;

    private const string OutcomeResponse = $$"""
        { "id": "{{Outcome}}", "kind": "financingMatched", "enterpriseRegistrationId": "{{Enterprise}}", "enterpriseName": "示范科技有限公司",
          "need": "扩产流动资金贷款", "bankName": "市农商银行", "amountInTenThousandYuan": 500, "note": "达成授信意向，两周内完成审批。",
          "problemId": null, "problemTitle": null, "ticketNumber": null, "ticketState": null, "recordedAt": "2026-12-18T09:00:00+00:00" }
        """;

    private const string EventResponse = $$"""
        { "id": "{{Event}}", "series": "bankEnterpriseMatching", "title": "2026年第四季度银企对接会", "startsAt": "2026-12-18T06:30:00+00:00",
          "place": "市民中心三楼报告厅", "leaders": ["市委统战部副部长 李明"], "description": "围绕企业扩产和技改融资需求，组织驻市银行现场对接。",
          "state": "announced", "takesRegistrations": true, "summary": null, "cancellationReason": null, "registeredEnterprises": 12, "registeredBanks": 4,
          "attended": null, "myRegistration": null, "outcomes": [], "version": 1 }
        """;

    public void Describe(ApiExamples examples)
    {
        var missing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.EventNotFound_Title, LiaisonTexts.EventNotFound_Detail);
        var notAnnounced = ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.EventNotAnnounced_Title, LiaisonTexts.EventNotAnnounced_Detail);
        var closed = ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.RegistrationClosed_Title, LiaisonTexts.RegistrationClosed_Detail);
        var past = ApiExamples.Unprocessable("startsAt", LiaisonTexts.EventInPast_Title, LiaisonTexts.EventInPast_Detail);
        var held = ApiExamples.With(EventResponse, $$"""
            { "state": "held", "takesRegistrations": false, "summary": "12家企业、4家银行到会，现场达成融资意向8项。", "attended": 15,
              "outcomes": [{{OutcomeResponse}}], "version": 3 }
            """);

        examples.Add("ListEngagementEvents", response: ApiExamples.Page([EventResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetEngagementEvent", response: held, problems: [missing]);
        examples.Add("AnnounceEngagementEvent", request: EventRequest, response: ApiExamples.With(EventResponse, """{ "registeredEnterprises": 0, "registeredBanks": 0 }"""),
            problems: [ApiExamples.Invalid("leaders", string.Format(System.Globalization.CultureInfo.CurrentCulture, LiaisonTexts.LeadersAtMost, 10)), past]);
        examples.Add("ReviseEngagementEvent", request: ApiExamples.With(EventRequest, """{ "place": "市民中心一楼多功能厅" }"""),
            response: ApiExamples.With(EventResponse, """{ "place": "市民中心一楼多功能厅", "version": 2 }"""), problems: [missing, notAnnounced, past]);
        examples.Add("CancelEngagementEvent", request: """{ "reason": "因台风预警，活动延期另行通知。" }""",
            response: ApiExamples.With(EventResponse, """{ "state": "cancelled", "takesRegistrations": false, "cancellationReason": "因台风预警，活动延期另行通知。", "version": 2 }"""),
            problems: [missing, notAnnounced]);
        examples.Add("HoldEngagementEvent", request: $$"""{ "attended": ["{{Enterprise}}", "{{Bank}}"], "leaders": ["市委统战部副部长 李明"], "summary": "12家企业、4家银行到会，现场达成融资意向8项。" }""",
            response: ApiExamples.With(held, """{ "outcomes": [], "version": 2 }"""),
            problems: [missing, notAnnounced, ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, LiaisonTexts.EventNotStarted_Title, LiaisonTexts.EventNotStarted_Detail),
                ApiExamples.Unprocessable("attended", LiaisonTexts.RegistrationNotFound_Title, LiaisonTexts.AttendedUnknown_Detail)]);

        examples.Add("ListEventRegistrations", response: ApiExamples.Page([EnterpriseRegistration]), problems: [missing, ApiExamples.InvalidCursor()]);
        examples.Add("RegisterForEngagementEvent",
            request: """
                { "kind": "bank", "organisationName": "市农商银行", "creditCode": "91320100MA1Y0DEF2Y", "attendeeName": "周华", "attendeePosition": "普惠金融部总经理",
                  "need": null, "needAmount": null }
                """,
            otherRequests: [new RequestExample("own-enterprise", "An enterprise contact registers its own enterprise (name and code from its account)",
                new { attendeeName = "陈志强", attendeePosition = "董事长", need = "扩产流动资金贷款", needAmount = 500 })],
            response: EnterpriseRegistration,
            problems: [missing, closed, ApiExamples.Unprocessable("creditCode", LiaisonTexts.OwnEnterpriseOnly_Title, LiaisonTexts.OwnEnterpriseOnly),
                ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.AlreadyRegistered_Title, LiaisonTexts.AlreadyRegistered_Detail)]);
        examples.Add("WithdrawEventRegistration", response: ApiExamples.With(EnterpriseRegistration, """{ "withdrawnAt": "2026-12-10T01:00:00+00:00" }"""),
            problems: [ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.RegistrationNotFound_Title, LiaisonTexts.RegistrationNotFound_Detail), closed,
                ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.AlreadyWithdrawn_Title, LiaisonTexts.AlreadyWithdrawn_Detail)]);
        examples.Add("RecordEngagementOutcome",
            request: $$"""{ "kind": "financingMatched", "enterpriseRegistrationId": "{{Enterprise}}", "bankRegistrationId": "{{Bank}}", "amount": 500, "note": "达成授信意向，两周内完成审批。", "problem": null }""",
            response: OutcomeResponse,
            problems: [missing, ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.EventNotHeld_Title, LiaisonTexts.EventNotHeld_Detail),
                ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, LiaisonTexts.OutcomeParties_Title, LiaisonTexts.OutcomeParties_Detail)]);
    }
}
