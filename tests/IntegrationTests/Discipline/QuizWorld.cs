using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A discipline service of its own (real PostgreSQL and RabbitMQ) with a clock the test moves, 第一党支部's roster (the
/// secretary and the member; the office is on no roster here), and this quarter's campaign launched straight into the
/// database with a paper of <see cref="Questions"/> questions: 30 minutes, pass mark 75, one case to study.
/// </summary>
internal sealed class QuizWorld : DisciplineWorld
{
    public const int Questions = 4;

    private QuizWorld(Started started, WarningCampaign campaign) : base(started) => Campaign = campaign;

    /// <summary>The campaign as launched, with its paper and answer key.</summary>
    public WarningCampaign Campaign { get; }
    public string Attempts => $"/api/discipline/campaigns/{Campaign.Id}/quiz/attempts";

    /// <summary>Where the office reopens a person's latest attempt.</summary>
    public string Reopen(string person) => $"/api/discipline/campaigns/{Campaign.Id}/quiz/members/{People[person]}/reopen";

    public static async Task<QuizWorld> CreateAsync(TestServers servers, CancellationToken cancellationToken)
    {
        var started = await StartAsync(servers, DateTimeOffset.UtcNow);
        var (discipline, clock, units) = (started.Discipline, started.Clock, started.Units);
        var campaign = await discipline.QueryAsync(async db =>
        {
            var launched = Launch(db, clock.Now);
            await db.SaveChangesAsync(cancellationToken);
            return launched;
        });
        var world = new QuizWorld(started, campaign);
        var joined = ChinaCalendar.DateOf(clock.Now).AddYears(-1);
        await discipline.QueryAsync(async db =>
        {
            db.UnitMembers.AddRange(new[] { ("secretary", "第一党支部书记"), ("member", "第一党支部党员") }
                .Select(p => UnitMember.FromJoin(world.People[p.Item1], units["第一党支部"], UnitKinds.Branch, p.Item2, joined)));
            return await db.SaveChangesAsync(cancellationToken);
        });
        return world;
    }

    /// <summary>
    /// A campaign (this quarter's unless told) with its question bank (one of each kind and a second single choice),
    /// added to <paramref name="db"/> unsaved; the matrix launches its own the same way.
    /// </summary>
    public static WarningCampaign Launch(DisciplineDbContext db, DateTimeOffset now, int? year = null, int? quarter = null)
    {
        var today = ChinaCalendar.DateOf(now);
        QuizQuestion[] bank =
        [
            QuizQuestion.Create(QuestionKind.SingleChoice, "下列哪项属于违规吃喝？", ["按标准用工作餐", "接受管理服务对象宴请", "自费聚餐"], [1],
                "接受可能影响公正执行公务的宴请属于违规吃喝。", [ViolationType.ImproperBanquets], "office", now),
            QuizQuestion.Create(QuestionKind.MultipleChoice, "下列哪些属于“四风”？", ["形式主义", "勤俭节约", "官僚主义", "实事求是"], [0, 2],
                "“四风”即形式主义、官僚主义、享乐主义和奢靡之风。", [ViolationType.Formalism, ViolationType.Bureaucratism], "office", now),
            QuizQuestion.Create(QuestionKind.TrueFalse, "节假日可以使用公务用车办私事。", ["正确", "错误"], [1], null, [ViolationType.OfficialCarMisuse], "office", now),
            QuizQuestion.Create(QuestionKind.SingleChoice, "收到管理服务对象赠送的礼金，应当：", ["收下", "转交家属", "婉拒或按规定上交", "先收后退"], [2],
                null, [ViolationType.ImproperGifts], "office", now),
        ];
        db.Questions.AddRange(bank);
        var campaign = WarningCampaign.Launch(year ?? today.Year, quarter ?? (today.Month - 1) / 3 + 1, "以案为鉴 警钟长鸣", [Guid.CreateVersion7()], 1,
            new QuizSettings(Questions, 30, 75), bank, "office", now);
        db.Campaigns.Add(campaign);
        return campaign;
    }

    /// <summary>A sheet answering every question of the paper, right or wrong as <paramref name="right"/> says for each.</summary>
    public object Sheet(Func<PaperQuestion, bool> right) => new
    {
        answers = Campaign.Paper.Select(q => new { questionId = q.QuestionId, selected = right(q) ? q.CorrectOptions : Wrong(q) }).ToArray(),
    };

    /// <summary>A wrong selection: for multiple choice, only part of the right ones (the exact set is required).</summary>
    public static IReadOnlyList<int> Wrong(PaperQuestion question) => question.Kind == QuestionKind.MultipleChoice
        ? [question.CorrectOptions[0]]
        : [Enumerable.Range(0, question.Options.Count).First(i => !question.CorrectOptions.Contains(i))];

    public async Task<Guid> StartAsync(HttpClient client)
    {
        using var response = await client.PostAsync(Attempts, null, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"start: {(int)response.StatusCode} {body}");
        }
        return body.GetProperty("id").GetGuid();
    }
}
