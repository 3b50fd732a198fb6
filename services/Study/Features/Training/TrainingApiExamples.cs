using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Study.Resources;

namespace BrandPlatform.Study.Features.Training;

/// <summary>The OpenAPI examples of training series.</summary>
internal sealed class TrainingApiExamples : IApiExamples
{
    private static readonly string Series = """
        { "id": "0196f0b2-3c4d-7e5f-8a6b-7c8d9e0f1a01", "title": "2026年度履职能力提升专题培训", "description": "面向全体机关干部，每月一讲。",
          "organiserUnitId": "0196f0aa-0b1c-7d2e-8f30-415263748520", "audience": "wholeOrgan", "createdAt": "2026-03-02T01:30:00+00:00" }
        """;

    public void Describe(ApiExamples examples)
    {
        examples.Add("ListTrainingSeries", response: ApiExamples.Page([Series]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetTrainingSeries", response: ApiExamples.With(Series, """
            { "sessions": [
              { "id": "0196f0c3-4d5e-7f6a-8b7c-8d9e0f1a2b01", "topic": "民营经济促进法解读", "plannedStart": "2026-03-20T06:30:00+00:00",
                "plannedEnd": "2026-03-20T08:30:00+00:00", "place": "机关三楼报告厅", "state": "held",
                "speakers": [ { "name": "陈教授", "affiliation": "市委党校" } ] }
            ] }
            """), problems:
            [ApiExamples.Problem(StatusCodes.Status404NotFound, MaterialsTexts.SeriesNotFound_Title, MaterialsTexts.SeriesNotFound_Detail)]);
        examples.Add("CreateTrainingSeries", request: """
            { "title": "2026年度履职能力提升专题培训", "description": "面向全体机关干部，每月一讲。", "organiserUnitId": "0196f0aa-0b1c-7d2e-8f30-415263748520" }
            """, response: Series, problems:
        [
            ApiExamples.Unprocessable("organiserUnitId", MaterialsTexts.UnknownUnit, MaterialsTexts.UnknownUnit_Detail),
            ApiExamples.Problem(StatusCodes.Status422UnprocessableEntity, StudyTexts.TrainingOrganiser_Title,
                string.Format(CultureInfo.CurrentCulture, StudyTexts.TrainingOrganiser_Detail, "第一党支部")),
        ]);
    }
}
