using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

/// <summary>The OpenAPI examples of the community figures: counts per branch, a branch's to-do list, publicity's lag.</summary>
internal sealed class CommunityFiguresApiExamples : IApiExamples
{
    private static readonly Guid First = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748501");
    private static readonly Guid Second = Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748502");
    private static readonly Guid Theme = Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f601");

    public void Describe(ApiExamples examples)
    {
        var badYear = ApiExamples.Invalid("year", PeriodTexts.YearInvalid);
        examples.Add("GetCommunityCoverage", response: new GetCommunityCoverage.Response(2026, 2, new DateOnly(2026, 6, 30),
            new GetCommunityCoverage.Theme(Theme, "关爱“一老一小”", 2),
            [
                new(First, "第一党支部", 12, 9, 2, 3, 2, 2, false, 36.5m),
                new(Second, "第二党支部", 9, 5, 1, 1, 1, 2, true, 8m),
            ]),
            problems: [badYear, ApiExamples.Invalid("quarter", PeriodTexts.QuarterInvalid)]);
        examples.Add("GetUnregisteredMembers", response: new GetUnregisteredMembers.Response(2026, Second, "第二党支部", new DateOnly(2026, 12, 31),
            [new(Guid.Parse("0196f0bb-1c2d-7e3f-8a40-516273849501"), "王建国"), new(Guid.Parse("0196f0bb-1c2d-7e3f-8a40-516273849502"), "李丽华")]),
            problems:
            [
                badYear, ApiExamples.Invalid("branchId", CommunityFigureTexts.BranchRequired),
                ApiExamples.Problem(404, CommunityFigureTexts.BranchNotFound_Title, CommunityFigureTexts.BranchNotFound_Detail),
            ]);
        var occurred = new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);
        examples.Add("GetPublicationLag", response: new GetPublicationLag.Response(2026, 2, 3.5, 5,
            [new(3, 2, 3.5, 5)],
            [
                new(Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f611"), First, "news", "第一党支部走进社区开展义诊", "communityService",
                    Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f621"), occurred, occurred.AddDays(2), 2),
                new(Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f612"), Second, "goodPractice", "“楼栋微议事”破解停车难", "practicalMatter",
                    Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f622"), occurred, occurred.AddDays(5), 5),
            ]),
            problems: [badYear]);
    }
}
