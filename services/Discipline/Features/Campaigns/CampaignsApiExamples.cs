using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Discipline.Features.Campaigns;

/// <summary>The examples of the campaigns API: the fourth quarter's campaign on the central eight-point rules.</summary>
internal sealed class CampaignsApiExamples : IApiExamples
{
    internal const string CampaignId = "0196f7a0-3c4d-7e5f-8a6b-7c8d9e0f1a2b";
    internal const string BanquetCase = "0196f6b1-1a2b-7c3d-8e4f-5a6b7c8d9e01";
    internal const string GiftCase = "0196f6b1-1a2b-7c3d-8e4f-5a6b7c8d9e02";

    private const string Launch = $$"""
        {
          "year": 2026, "quarter": 4, "theme": "严守中央八项规定精神，坚决纠治“四风”",
          "caseIds": [ "{{BanquetCase}}", "{{GiftCase}}" ], "requiredSessionsPerBranch": 1,
          "quiz": { "questionCount": 20, "timeLimitMinutes": 30, "passMark": 80 }
        }
        """;

    internal const string Launched = $$"""
        {
          "id": "{{CampaignId}}", "year": 2026, "quarter": 4, "theme": "严守中央八项规定精神，坚决纠治“四风”", "requiredSessionsPerBranch": 1,
          "quiz": { "questionCount": 20, "timeLimitMinutes": 30, "passMark": 80 },
          "cases": [
            { "id": "{{BanquetCase}}", "title": "某局副局长违规接受宴请问题", "violationTypes": [ "improperBanquets" ] },
            { "id": "{{GiftCase}}", "title": "某区干部节日期间违规收受礼品礼金问题", "violationTypes": [ "improperGifts" ] }
          ],
          "state": "launched", "launchedAt": "2026-10-09T02:00:00+00:00", "closedAt": null, "version": 1
        }
        """;

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.CampaignNotFound_Detail);
        examples.Add("LaunchCampaign", request: Launch, response: Launched, problems:
        [
            ApiExamples.Refused(WarningCampaign.QuarterTaken(2026, 4)),
            ApiExamples.Unprocessable("caseIds[1]", CampaignTexts.CaseNotFound, CampaignTexts.CasesNotFound_Detail),
        ]);
        examples.Add("ListCampaigns", response: ApiExamples.Page([Launched]), problems: [ApiExamples.InvalidCursor()]);
        examples.Add("GetCurrentCampaign", response: Launched, problems:
            [ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.NoCurrentCampaign_Detail)]);
        examples.Add("GetCampaign", response: Launched, problems: [notFound]);
        examples.Add("CloseCampaign",
            response: ApiExamples.With(Launched, """{ "state": "closed", "closedAt": "2026-12-31T08:00:00+00:00", "version": 2 }"""),
            problems: [notFound, ApiExamples.Refused(WarningCampaign.ClosedFor(nameof(DisciplineTexts.StepClose)))]);
    }
}
