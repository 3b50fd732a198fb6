using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Features.Rotation;

/// <summary>The OpenAPI examples of the youth study group's rotation.</summary>
internal sealed class RotationApiExamples : IApiExamples
{
    private const string Group = "0196f0aa-0b1c-7d2e-8f30-415263748509";
    private const string GroupName = "青年理论学习小组";

    private const string Rotation = $$"""
        { "groupId": "{{Group}}", "groupName": "{{GroupName}}", "terms": [
          { "from": "2027-01-01", "to": "2027-02-28", "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a21", "displayName": "陈海燕", "started": true },
          { "from": "2027-03-01", "to": "2027-04-30", "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a22", "displayName": "市工商联青年干部甲", "started": false },
          { "from": "2027-05-01", "to": "2027-06-30", "personId": "0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a23", "displayName": "赵子涵", "started": false }
        ] }
        """;

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, RotationTexts.YouthGroupNotFound_Title, RotationTexts.YouthGroupNotFound_Detail);
        examples.Add("ScheduleYouthGroupRotation", request: """{ "from": "2027-01-01", "terms": 3 }""", response: Rotation, problems:
        [
            ApiExamples.Invalid("terms", string.Format(CultureInfo.CurrentCulture, RotationTexts.TermsOutOfRange, YouthGroupRotation.MaxTerms)),
            notFound,
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(StudyTexts.RotationNobodyToHost_Title)),
                Text(nameof(StudyTexts.RotationNobodyToHost_Detail), new UnitReference(Guid.Parse(Group))))),
        ]);
        examples.Add("GetYouthGroupRotation", response: Rotation, problems:
        [
            ApiExamples.Problem(StatusCodes.Status403Forbidden, RotationTexts.OwnGroupOnly_Title,
                string.Format(CultureInfo.CurrentCulture, RotationTexts.OwnGroupOnly_Detail, GroupName)),
            notFound,
        ]);
    }
}
