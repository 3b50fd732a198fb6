using System.Globalization;
using BrandPlatform.Discipline.Features.Pledges;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Programme;
using static BrandPlatform.Discipline.Features.Coverage.CoverageEndpoints;

namespace BrandPlatform.Discipline.Features.Coverage;

/// <summary>The OpenAPI examples of coverage: counts per branch, a branch's members with what is missing, a year, one's own.</summary>
internal sealed class CoverageApiExamples : IApiExamples
{
    private static readonly Guid Campaign = Guid.Parse("0196f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e01");
    private static readonly Guid Branch = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748501");
    private static readonly Guid Member = Guid.Parse("0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01");
    private static readonly Guid Newcomer = Guid.Parse("0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a02");

    public void Describe(ApiExamples examples)
    {
        var day = new DateOnly(2026, 12, 31);
        var first = new BranchFigureResponse(Branch, "第一党支部", 12, 10, 1, 11, 10);
        var campaignNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, CampaignTexts.CampaignNotFound_Title, CampaignTexts.CampaignNotFound_Detail);
        var branchNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, CoverageTexts.BranchNotFound_Title, CoverageTexts.BranchNotFound_Detail);
        var ownBranchOnly = ApiExamples.Problem(StatusCodes.Status403Forbidden, CoverageTexts.OwnBranchOnly_Title,
            string.Format(CultureInfo.CurrentCulture, CoverageTexts.OwnBranchOnly_Detail, "第二党支部"));
        var badYear = ApiExamples.Invalid("year", PledgeYears.RangeMessage);

        examples.Add("GetCampaignCoverage", response: new CampaignCoverageResponse(Campaign, 2026, 4, day, 21, 18,
            [first, new BranchFigureResponse(Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748502"), "第二党支部", 9, 8, 0, 9, 8)]),
            problems: [campaignNotFound]);
        examples.Add("GetBranchCampaignCoverage", response: new BranchCampaignCoverageResponse(Campaign, 2026, 4, day, first,
            [new MemberRow(Member, "王芳", true, false, true, true), new MemberRow(Newcomer, "李强", false, false, true, false)],
            [new NotCoveredMember(Newcomer, "李强", [CoverageGap.Attendance])]),
            problems: [campaignNotFound, branchNotFound, ownBranchOnly]);
        YearCampaign[] campaigns = [new(Campaign, 4, "以案为鉴 警钟长鸣：违规收送礼品礼金典型案例警示教育", day)];
        var covered = new CampaignRow(Campaign, 4, true, true, false, true, true);
        examples.Add("GetBranchYearCoverage", response: new BranchYearCoverageResponse(2026, Branch, "第一党支部", day, campaigns, 1,
            [
                new YearMemberRow(Member, "王芳", [covered], true, true),
                new YearMemberRow(Newcomer, "李强", [new CampaignRow(Campaign, 4, true, false, false, true, false)], false, false),
            ]), problems: [badYear, branchNotFound, ownBranchOnly]);
        examples.Add("GetMyCoverage", response: new MyCoverageResponse(2026, campaigns, [covered], true, new DateTimeOffset(2026, 1, 12, 1, 30, 0, TimeSpan.Zero)),
            problems: [badYear]);
    }
}
