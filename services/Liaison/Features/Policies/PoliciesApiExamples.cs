using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Liaison.Features.Policies;

/// <summary>The OpenAPI examples of the 政策库.</summary>
internal sealed class PoliciesApiExamples : IApiExamples
{
    private const string Policy = "019a3c0d-1728-79ea-b5fc-0d1e2f304152";

    private const string Request = """
        { "title": "关于进一步支持民营企业技术改造的若干措施", "issuer": "市工业和信息化局", "issuedOn": "2026-09-15", "region": "三明市",
          "summary": "对设备投资额500万元以上的技术改造项目，按设备投资额的10%给予补助，单个项目最高300万元。",
          "fullText": "第一条 为支持民营企业加快技术改造……", "tags": ["技改", "补助", "民营经济"] }
        """;

    private const string Response = $$"""
        { "id": "{{Policy}}", "title": "关于进一步支持民营企业技术改造的若干措施", "issuer": "市工业和信息化局", "issuedOn": "2026-09-15", "region": "三明市",
          "summary": "对设备投资额500万元以上的技术改造项目，按设备投资额的10%给予补助，单个项目最高300万元。",
          "fullText": "第一条 为支持民营企业加快技术改造……", "tags": ["技改", "补助", "民营经济"], "inForce": true,
          "publishedAt": "2026-09-16T02:00:00+00:00", "lastChangedAt": "2026-09-16T02:00:00+00:00", "withdrawnAt": null, "version": 1 }
        """;

    public void Describe(ApiExamples examples)
    {
        var missing = ApiExamples.Problem(StatusCodes.Status404NotFound, LiaisonTexts.PolicyNotFound_Title, LiaisonTexts.PolicyNotFound_Detail);
        var withdrawn = ApiExamples.Problem(StatusCodes.Status409Conflict, LiaisonTexts.PolicyWithdrawn_Title, LiaisonTexts.PolicyWithdrawn_Detail);
        examples.Add("SearchPolicies", response: ApiExamples.Page([$$"""
            { "id": "{{Policy}}", "title": "关于进一步支持民营企业技术改造的若干措施", "issuer": "市工业和信息化局", "issuedOn": "2026-09-15", "region": "三明市",
              "summary": "对设备投资额500万元以上的技术改造项目，按设备投资额的10%给予补助，单个项目最高300万元。", "tags": ["技改", "补助", "民营经济"], "inForce": true }
            """]), problems: [ApiExamples.InvalidCursor(), ApiExamples.Invalid("q", LiaisonTexts.SearchNothing)]);
        examples.Add("GetPolicy", response: Response, problems: [missing]);
        examples.Add("PublishPolicy", request: Request, response: Response,
            problems: [ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, LiaisonTexts.DayInFuture_Title, LiaisonTexts.DayInFuture_Detail)]);
        examples.Add("RevisePolicy", request: Request, response: ApiExamples.With(Response, """{ "lastChangedAt": "2026-10-08T02:00:00+00:00", "version": 2 }"""),
            problems: [missing, withdrawn]);
        examples.Add("WithdrawPolicy",
            response: ApiExamples.With(Response, """{ "inForce": false, "withdrawnAt": "2026-12-01T02:00:00+00:00", "lastChangedAt": "2026-12-01T02:00:00+00:00", "version": 2 }"""),
            problems: [missing, withdrawn]);
    }
}
