using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using static BrandPlatform.Discipline.Features.Pledges.Pledges;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Features.Pledges;

/// <summary>The OpenAPI examples of integrity pledges.</summary>
internal sealed class PledgesApiExamples : IApiExamples
{
    private static readonly Guid Person = Guid.Parse("0196f0ab-4c5d-7e6f-8a7b-9c0d1e2f3a01");
    private static readonly DateTimeOffset PublishedAt = new(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SignedAt = new(2026, 1, 12, 1, 30, 0, TimeSpan.Zero);

    public void Describe(ApiExamples examples)
    {
        var request = new PublishRequest(2026, PledgeRole.PartyMember, "2026年度党员廉政承诺书",
            "本人郑重承诺：严格遵守中央八项规定及其实施细则精神，坚决反对“四风”，管住“八小时之外”，亲清政商交往有界有度。");
        var text = new PledgeTextResponse(Guid.Parse("0196f3a0-1a2b-7c3d-8e4f-5a6b7c8d9e01"), 2026, PledgeRole.PartyMember, request.Title!, request.Body!,
            new string('a', 64), PublishedAt);
        var signature = new SignatureResponse(Guid.Parse("0196f3a1-1a2b-7c3d-8e4f-5a6b7c8d9e01"), 2026, PledgeRole.PartyMember, text.Id, text.BodyHash, SignedAt);
        var badYear = ApiExamples.Invalid("year", PledgeYears.RangeMessage);
        var notPublished = NotPublished(2026, PledgeRole.PartyMember).ProblemDetails;
        var unitNotFound = ApiExamples.Problem(StatusCodes.Status404NotFound, PledgesTexts.UnitNotFound_Title, PledgesTexts.UnitNotFound_Detail);
        var ownBranchOnly = ApiExamples.Problem(StatusCodes.Status403Forbidden, PledgesTexts.OwnBranchOnly_Title,
            string.Format(CultureInfo.CurrentCulture, PledgesTexts.OwnBranchOnly_Detail, "第二党支部"));
        var unitRequired = ApiExamples.Invalid("unitId", PledgesTexts.UnitRequired);

        examples.Add("PublishPledgeText", request: request, response: text, problems:
        [
            badYear,
            ApiExamples.Refused(new RuleViolation(Text(nameof(DisciplineTexts.PledgeTextExists_Title)),
                Text(nameof(DisciplineTexts.PledgeTextExists_Detail), 2026, PledgeRole.PartyMember, "2026-01-05"))),
        ]);
        examples.Add("ListPledgeTexts", response: new Page<PledgeTextResponse>([text], null), problems: [ApiExamples.InvalidCursor(), badYear]);
        examples.Add("GetMyPledge", response: new MyPledgeResponse(2026, PledgeRole.PartyMember, text, signature), problems: [badYear, notPublished]);
        examples.Add("SignPledge", response: signature, problems:
        [
            badYear, notPublished,
            ApiExamples.Refused(new RuleViolation(Text(nameof(DisciplineTexts.PledgeAlreadySigned_Title)),
                Text(nameof(DisciplineTexts.PledgeAlreadySigned_Detail), "2026-01-12 09:30:00", 2026))),
            ApiExamples.Refused(RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.PledgeNotThisYear_Title)),
                Text(nameof(DisciplineTexts.PledgeNotThisYear_Detail), 2025))),
        ]);
        examples.Add("ListUnsignedMembers", response: new Page<UnsignedMember>([new UnsignedMember(Person, "王芳")], null),
            problems: [ApiExamples.InvalidCursor(), unitRequired, unitNotFound, ownBranchOnly]);
        examples.Add("ListPledgeSignatures", response: new Page<SignedMember>([new SignedMember(Person, "王芳", SignedAt)], null),
            problems: [ApiExamples.InvalidCursor(), unitRequired, unitNotFound, ownBranchOnly]);
    }
}
