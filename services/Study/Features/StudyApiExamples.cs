using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Study.Resources;

namespace BrandPlatform.Study.Features;

/// <summary>The examples of the study API's OpenAPI document, keyed by operation name (WithName).</summary>
internal sealed class StudyApiExamples : IApiExamples
{
    private const string FirstBranch = "0196f0aa-0b1c-7d2e-8f30-415263748501";

    public void Describe(ApiExamples examples)
    {
        examples.Add("ListBranches", response: $$"""
            { "items": [
              { "id": "{{FirstBranch}}", "name": "第一党支部", "currentMembers": 12 },
              { "id": "0196f0aa-0b1c-7d2e-8f30-415263748502", "name": "第二党支部", "currentMembers": 9 }
            ], "next": null }
            """);
        examples.Add("ListBranchMembers", response: """
            { "items": [
              { "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01", "displayName": "王芳", "joinedOn": "2024-07-01" },
              { "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02", "displayName": "李明", "joinedOn": "2025-03-15" }
            ], "next": null }
            """, problems:
        [
            ApiExamples.Problem(StatusCodes.Status403Forbidden, StudyTexts.OwnBranchOnly_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.OwnBranchOnly_Detail, "第一党支部")),
            ApiExamples.Problem(StatusCodes.Status404NotFound, StudyTexts.BranchNotFound_Title, StudyTexts.BranchNotFound_Detail),
        ]);
    }
}
