using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Study.Resources;

namespace BrandPlatform.Study.Features.Materials;

/// <summary>The OpenAPI examples of the materials library, its designation and follow-up.</summary>
internal sealed class MaterialsApiExamples : IApiExamples
{
    private const string Material = "0196f0b0-1a2b-7c3d-8e4f-5a6b7c8d9e01";

    private const string Request = """
        { "title": "在中央民族工作会议上的重要讲话", "kind": "speech", "source": "新华社", "link": "https://www.example.gov.cn/speech/2026-11-28",
          "publishedOn": "2026-11-28", "tags": ["最新重要讲话", "第一主题"], "summary": "讲话要点：铸牢中华民族共同体意识。" }
        """;

    private static readonly string Response = $$"""
        { "id": "{{Material}}", "title": "在中央民族工作会议上的重要讲话", "kind": "speech", "source": "新华社",
          "link": "https://www.example.gov.cn/speech/2026-11-28", "publishedOn": "2026-11-28", "tags": ["最新重要讲话", "第一主题"],
          "summary": "讲话要点：铸牢中华民族共同体意识。", "designatedAt": null, "firstAgendaItemDue": null, "branchFollowUpDue": null, "version": 1 }
        """;

    private static readonly string Designated = ApiExamples.With(Response,
        """{ "designatedAt": "2026-12-01T02:00:00+00:00", "firstAgendaItemDue": "2026-12-08", "branchFollowUpDue": "2026-12-31", "version": 2 }""");

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, MaterialsTexts.MaterialNotFound_Title, MaterialsTexts.MaterialNotFound_Detail);
        examples.Add("ListMaterials", response: ApiExamples.Page([Response]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetMaterial", response: Designated, problems: [notFound]);
        examples.Add("AddMaterial", request: Request, response: Response, problems:
            [ApiExamples.Invalid("tags", string.Format(CultureInfo.CurrentCulture, MaterialsTexts.TagsAtMost, 10))]);
        examples.Add("EditMaterial", request: Request, response: ApiExamples.With(Response, """{ "version": 2 }"""), problems:
            [notFound, ApiExamples.Invalid("link", MaterialsTexts.LinkNotWeb)]);
        examples.Add("DesignateMaterial", response: Designated, problems:
        [
            notFound,
            ApiExamples.Problem(StatusCodes.Status409Conflict, StudyTexts.MaterialAlreadyDesignated_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.MaterialAlreadyDesignated_Detail, "2026-12-01")),
        ]);
        examples.Add("GetMaterialFollowUp", response: $$"""
            { "materialId": "{{Material}}", "title": "在中央民族工作会议上的重要讲话", "designatedAt": "2026-12-01T02:00:00+00:00",
              "firstAgendaItemDue": "2026-12-08", "branchFollowUpDue": "2026-12-31",
              "units": [
                { "unitId": "0196f0aa-0b1c-7d2e-8f30-415263748510", "unitName": "部务会", "unitKind": "leadershipTeam", "due": "2026-12-08",
                  "status": "studied", "activityId": "0196f0c1-2b3c-7d4e-8f5a-6b7c8d9e0f01", "studiedOn": "2026-12-03" },
                { "unitId": "0196f0aa-0b1c-7d2e-8f30-415263748501", "unitName": "第一党支部", "unitKind": "branch", "due": "2026-12-31",
                  "status": "pending", "activityId": null, "studiedOn": null }
              ],
              "notYetStudied": [ { "unitId": "0196f0aa-0b1c-7d2e-8f30-415263748501", "name": "第一党支部" } ] }
            """, problems:
        [
            notFound,
            ApiExamples.Problem(StatusCodes.Status409Conflict, MaterialsTexts.MaterialNotDesignated_Title, MaterialsTexts.MaterialNotDesignated_Detail),
        ]);
        examples.Add("GetFirstAgendaItem", response: $$"""
            { "materialId": "{{Material}}", "title": "在中央民族工作会议上的重要讲话", "designatedAt": "2026-12-01T02:00:00+00:00",
              "due": "2026-12-08", "days": 7,
              "leadershipMeetings": [
                { "unitId": "0196f0aa-0b1c-7d2e-8f30-415263748510", "unitName": "部务会", "unitKind": "leadershipTeam", "due": "2026-12-08",
                  "status": "overdue", "activityId": null, "studiedOn": null }
              ] }
            """, problems:
        [
            ApiExamples.Problem(StatusCodes.Status403Forbidden, MaterialsTexts.LeadersOnly_Title, MaterialsTexts.LeadersOnly_Detail),
            ApiExamples.Problem(StatusCodes.Status404NotFound, MaterialsTexts.NoDesignatedMaterial_Title, MaterialsTexts.NoDesignatedMaterial_Detail),
        ]);
    }
}
