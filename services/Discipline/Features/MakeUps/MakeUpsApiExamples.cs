using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Campaigns;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;

namespace BrandPlatform.Discipline.Features.MakeUps;

/// <summary>The examples of the make-up API: a member absent from the session, one case read, the quiz still to pass.</summary>
internal sealed class MakeUpsApiExamples : IApiExamples
{
    private static readonly string InProgress = $$"""
        {
          "campaignId": "{{CampaignsApiExamples.CampaignId}}", "eligible": true, "notEligibleReason": null,
          "cases": [
            { "id": "{{CampaignsApiExamples.BanquetCase}}", "title": "某局副局长违规接受宴请问题", "read": true },
            { "id": "{{CampaignsApiExamples.GiftCase}}", "title": "某区干部节日期间违规收受礼品礼金问题", "read": false }
          ],
          "quizPassed": false, "complete": false, "startedAt": "2026-11-20T02:00:00+00:00", "completedAt": null
        }
        """;

    public void Describe(ApiExamples examples)
    {
        var notFound = ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.CampaignNotFound_Detail);
        examples.Add("GetMakeUp", response: InProgress, problems: [notFound]);
        examples.Add("ReadMakeUpCase", response: InProgress, problems:
        [
            notFound,
            ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CaseNotFound, CampaignTexts.MakeUpCaseNotFound_Detail),
            ApiExamples.Refused(WarningMakeUp.BranchNotYetHeld()),
        ]);
    }
}
