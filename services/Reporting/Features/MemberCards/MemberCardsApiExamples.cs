using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.MemberCards;

/// <summary>The OpenAPI example of a member's own card: what they took part in, never compared with anyone.</summary>
internal sealed class MemberCardsApiExamples : IApiExamples
{
    public void Describe(ApiExamples examples)
    {
        var card = new GetMemberCard.Response(Guid.Parse("0196f0bb-1c2d-7e3f-8a40-516273849501"), "王建国", Guid.Parse("0196f0aa-0b1c-7d2e-8f30-415263748501"),
            "第一党支部", 2026,
            new GetMemberCard.Study(1, [new(Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f631"), "partyLesson", "学习贯彻全会精神",
                new DateTimeOffset(2026, 3, 12, 7, 0, 0, TimeSpan.Zero))]),
            new GetMemberCard.Discipline([new(Guid.Parse("0196f3b0-1a2b-7c3d-8e4f-5a6b7c8d9e01"), 1, "以案为鉴", true, true, false, true, true)], true),
            new GetMemberCard.Community(new GetMemberCard.Registration("三元区城关街道新龙社区", new DateOnly(2026, 1, 15), "confirmed"), 1,
                [new(Guid.Parse("0197a1c2-3d4e-7f50-8a61-b2c3d4e5f621"), new DateOnly(2026, 3, 6), "三元区城关街道新龙社区", true, 3m, "为辖区老人义务理发、测血压")]),
            new GetMemberCard.Tickets(false, null, CommunityFigureTexts.TicketsNotAvailable));
        var problems = new[]
        {
            ApiExamples.Invalid("year", PeriodTexts.YearInvalid),
            ApiExamples.Problem(404, CommunityFigureTexts.MemberCardNotFound_Title, CommunityFigureTexts.MemberCardNotFound_Detail),
        };
        examples.Add("GetMemberCard", response: card, problems: problems);
        examples.Add("GetMyMemberCard", response: card, problems: problems);
    }
}
