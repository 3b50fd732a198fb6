using System.Globalization;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Liaison.Features;

/// <summary>The OpenAPI examples of organisations, contacts and the audit.</summary>
internal sealed class LiaisonApiExamples : IApiExamples
{
    private const string Organisation = "019a3c0d-4a0b-7c1d-8e2f-30415263748a";
    private const string Contact = "019a3c0d-5b1c-7d2e-9f30-415263748596";
    private const string Cadre = "019a3c0d-6c2d-7e3f-8a41-5263748596a7";

    private const string OrganisationRequest = """
        { "name": "市浙江商会", "category": "chamberOfCommerce", "description": "在本市投资兴业的浙江籍企业家组成的异地商会。" }
        """;

    private const string OrganisationResponse = $$"""
        { "id": "{{Organisation}}", "name": "市浙江商会", "category": "chamberOfCommerce", "description": "在本市投资兴业的浙江籍企业家组成的异地商会。",
          "registeredAt": "2026-12-01T02:00:00+00:00", "lastChangedAt": "2026-12-01T02:00:00+00:00", "version": 1 }
        """;

    private const string ContactDetails = $$"""
        { "name": "陈志强", "category": "privateEntrepreneur", "organisationId": "{{Organisation}}", "positions": ["市浙江商会副会长", "市政协委员"],
          "enterpriseName": "示范科技有限公司", "enterpriseCreditCode": "91320100MA1X0ABC1F", "phone": "13812345678" }
        """;

    private const string ContactResponse = $$"""
        { "id": "{{Contact}}", "name": "陈志强", "category": "privateEntrepreneur", "organisationId": "{{Organisation}}", "organisationName": "市浙江商会",
          "positions": ["市浙江商会副会长", "市政协委员"], "enterpriseName": "示范科技有限公司", "enterpriseCreditCode": "91320100MA1X0ABC1F",
          "maskedPhone": "138****5678", "responsibleCadreId": "{{Cadre}}", "responsibleCadreName": "王建国",
          "registeredAt": "2026-12-01T02:00:00+00:00", "lastChangedAt": "2026-12-01T02:00:00+00:00", "version": 1 }
        """;

    private const string Visit = "019a3c0d-7d3e-7f40-9b52-63748596a7b8";
    private const string Problem = "019a3c0d-8e4f-7051-8c63-748596a7b8c9";

    private const string VisitRequest = $$"""
        { "kind": "fourVisitsToEnterprises", "visitedOn": "2026-12-01", "place": "示范科技有限公司生产车间", "contactIds": ["{{Contact}}"],
          "fellowVisitorIds": [], "findings": "企业订单增长，扩产需要流动资金，对新出台的技改补贴政策不熟悉。",
          "problems": [ { "contactId": "{{Contact}}", "title": "扩产流动资金贷款需求", "category": "financing",
                          "description": "企业新增订单需扩产，申请流动资金贷款500万元，希望协调银行对接。" } ] }
        """;

    private const string VisitResponse = $$"""
        { "id": "{{Visit}}", "kind": "fourVisitsToEnterprises", "visitedOn": "2026-12-01", "place": "示范科技有限公司生产车间",
          "visitors": [ { "personId": "{{Cadre}}", "name": "王建国" } ],
          "contacts": [ { "id": "{{Contact}}", "name": "陈志强", "category": "privateEntrepreneur", "enterpriseName": "示范科技有限公司" } ],
          "findings": "企业订单增长，扩产需要流动资金，对新出台的技改补贴政策不熟悉。",
          "problems": [ { "id": "{{Problem}}", "contactId": "{{Contact}}", "title": "扩产流动资金贷款需求", "category": "financing",
                          "description": "企业新增订单需扩产，申请流动资金贷款500万元，希望协调银行对接。", "enterpriseName": "示范科技有限公司",
                          "ticketId": "019a3c0d-9f50-7162-9d74-8596a7b8c9da", "ticketNumber": "QY-2026-000123", "ticketState": "submitted" } ],
          "recordedAt": "2026-12-01T09:30:00+00:00" }
        """;

    public void Describe(ApiExamples examples)
    {
        var organisationMissing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.OrganisationNotFound_Title, LiaisonTexts.OrganisationNotFound_Detail);
        var nameTaken = ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.OrganisationNameTaken_Title,
            string.Format(CultureInfo.CurrentCulture, LiaisonTexts.OrganisationNameTaken_Detail, "市浙江商会"));
        var contactMissing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.ContactNotFound_Title, LiaisonTexts.ContactNotFound_Detail);
        var unknownOrganisation = ApiExamples.Unprocessable("organisationId", LiaisonTexts.OrganisationNotFound_Title, LiaisonTexts.OrganisationUnknown_Detail);
        var unknownCadre = ApiExamples.Unprocessable("responsibleCadreId", LiaisonTexts.CadreNotFound_Title, LiaisonTexts.CadreNotFound_Detail);
        var enterprise = ApiExamples.Invalid("enterpriseCreditCode", LiaisonTexts.EnterpriseForEntrepreneur);
        var kept = ApiExamples.Problem(StatusCodes.Status403Forbidden, LiaisonTexts.ContactKept_Title, LiaisonTexts.ContactKept_Detail);

        examples.Add("ListOrganisations", response: ApiExamples.Page([OrganisationResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetOrganisation", response: OrganisationResponse, problems: [organisationMissing]);
        examples.Add("RegisterOrganisation", request: OrganisationRequest, response: OrganisationResponse, problems: [nameTaken]);
        examples.Add("ReviseOrganisation", request: """{ "name": "市浙江商会", "description": "浙江籍企业家组成的异地商会，设有青年企业家分会。" }""",
            response: ApiExamples.With(OrganisationResponse, """{ "description": "浙江籍企业家组成的异地商会，设有青年企业家分会。", "lastChangedAt": "2026-12-02T03:00:00+00:00", "version": 2 }"""),
            problems: [organisationMissing, nameTaken]);

        examples.Add("ListContacts", response: ApiExamples.Page([ContactResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetContact", response: ContactResponse, problems: [contactMissing]);
        examples.Add("ReadContactPersonalData", response: $$"""{ "id": "{{Contact}}", "name": "陈志强", "phone": "13812345678" }""",
            problems: [contactMissing, ApiExamples.Problem(StatusCodes.Status403Forbidden, LiaisonTexts.PersonalDataKept_Title, LiaisonTexts.PersonalDataKept_Detail)]);
        examples.Add("RegisterContact", request: ApiExamples.With(ContactDetails, $$"""{ "responsibleCadreId": "{{Cadre}}" }"""), response: ContactResponse,
            problems: [enterprise, unknownOrganisation, unknownCadre]);
        examples.Add("ReviseContact", request: ApiExamples.With(ContactDetails, """{ "phone": "13987654321" }"""),
            response: ApiExamples.With(ContactResponse, """{ "maskedPhone": "139****4321", "lastChangedAt": "2026-12-02T03:00:00+00:00", "version": 2 }"""),
            problems: [contactMissing, kept, enterprise, unknownOrganisation]);
        examples.Add("ReassignContact", request: $$"""{ "responsibleCadreId": "{{Cadre}}" }""", response: ContactResponse, problems: [contactMissing, unknownCadre]);
        var visitMissing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.VisitNotFound_Title, LiaisonTexts.VisitNotFound_Detail);
        examples.Add("ListVisits", response: ApiExamples.Page([VisitResponse]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetVisit", response: VisitResponse, problems: [visitMissing]);
        examples.Add("RecordVisit", request: VisitRequest, response: VisitResponse, problems:
        [
            ApiExamples.Invalid("problems[0]", LiaisonTexts.ProblemContactNotMet),
            ApiExamples.Unprocessable("problems", LiaisonTexts.ProblemWithoutEnterprise_Title, LiaisonTexts.ProblemWithoutEnterprise_Detail),
            ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, LiaisonTexts.VisitInFuture_Title, LiaisonTexts.VisitInFuture_Detail),
        ]);
        examples.Add("ListLiaisonAuditEntries", response: ApiExamples.Page([$$"""
            { "id": 42, "occurredAt": "2026-12-02T03:00:00+00:00", "action": "personal-data-read", "succeeded": true,
              "actor": "019a3c0d-6c2d-7e3f-8a41-5263748596a7 王建国", "target": "{{Contact}}", "detail": "陈志强 phone",
              "ipAddress": "10.0.0.8", "userAgent": "Mozilla/5.0", "correlationId": "0HN8A1B2C3D4E" }
            """]), problems: [ApiExamples.InvalidCursor()]);
    }
}
