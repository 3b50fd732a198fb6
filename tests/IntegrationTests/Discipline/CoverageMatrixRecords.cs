using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.IntegrationTests.WholePlatform;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// The authorization matrix's discipline records for pledges and coverage, all 第二党支部's: its branches copied in,
/// the officer and two members without an account on its roster (one signed this year's pledge, one did not), this
/// year's texts of both roles, and a campaign of a later quarter (so it takes no quarter another record needs).
/// </summary>
public static class CoverageMatrixRecords
{
    public sealed record Records(Guid Campaign, Guid PledgeText, Guid UnsignedPerson, Guid SignedPerson);

    internal static async Task<Records> SetUpAsync(WholePlatformFixture platform, Guid committee, Guid officer, CancellationToken cancellationToken) =>
        await platform.Services["discipline"].QueryAsync(async context =>
        {
            var db = (DisciplineDbContext)context;
            var now = DateTimeOffset.UtcNow;
            var today = ChinaCalendar.DateOf(now);
            var known = await db.Units.Select(u => u.Id).ToListAsync(cancellationToken);
            db.Units.AddRange(new[] { "第一党支部", "第二党支部" }.Where(name => !known.Contains(platform.Units[name]))
                .Select(name => new DirectoryUnit(platform.Units[name], UnitKinds.Branch, name, committee)));
            var otherBranch = platform.Units["第二党支部"];
            var (unsigned, signed) = (Guid.CreateVersion7(), Guid.CreateVersion7());
            db.UnitMembers.AddRange(
                UnitMember.FromJoin(officer, otherBranch, UnitKinds.Branch, "第二党支部党务干事", today.AddDays(-30)),
                UnitMember.FromJoin(unsigned, otherBranch, UnitKinds.Branch, "矩阵未签党员", today.AddDays(-30)),
                UnitMember.FromJoin(signed, otherBranch, UnitKinds.Branch, "矩阵已签党员", today.AddDays(-30)));
            var texts = Enum.GetValues<PledgeRole>().Select(role => PledgeText.Publish(today.Year, role, "矩阵廉政承诺书", "矩阵承诺书正文", "office", now)).ToList();
            db.PledgeTexts.AddRange(texts);
            db.PledgeSignatures.Add(PledgeSignature.Sign(texts.Single(t => t.Role == PledgeRole.PartyMember), signed, "矩阵已签党员", otherBranch, now));
            var question = QuizQuestion.Create(QuestionKind.TrueFalse, "矩阵试题", ["正确", "错误"], [0], null, [], "office", now);
            var campaign = WarningCampaign.Launch(today.Year + 3, 2, "矩阵警示教育", [], 1, new QuizSettings(1, 30, 60), [question], "office", now);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(cancellationToken);
            return new Records(campaign.Id, texts[0].Id, unsigned, signed);
        });
}
