using System.Net;
using System.Text.Json;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using BrandPlatform.IntegrationTests.Study;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A discipline service of its own (real PostgreSQL and RabbitMQ) with a clock the test moves, the directory's units
/// copied in, a case library of three cases, a bank of five questions, and the rosters written as the roster
/// projection would: 第一党支部 has the secretary, the member and 赵六 (no account); 第二党支部 the officer.
/// </summary>
internal sealed class CampaignWorld : DisciplineWorld
{
    public const string Zhao = "赵六";

    private CampaignWorld(Started started) : base(started) { }

    public Guid FirstBranch => Units["第一党支部"];
    public Guid SecondBranch => Units["第二党支部"];
    public List<Guid> Cases { get; } = [];
    public (int Year, int Quarter) ThisQuarter => (ChinaCalendar.DateOf(Clock.Now).Year, (ChinaCalendar.DateOf(Clock.Now).Month - 1) / 3 + 1);

    /// <summary>When the roster stints begin: a year before the test, so everyone is a member on every day it uses.</summary>
    public static DateOnly LongAgo => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);

    public static async Task<CampaignWorld> CreateAsync(TestServers servers, CancellationToken cancellationToken)
    {
        var world = new CampaignWorld(await StartAsync(servers, DateTimeOffset.UtcNow));
        var discipline = world.Discipline;
        world.People[Zhao] = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow.AddDays(-1);
        await discipline.QueryAsync(async db =>
        {
            db.UnitMembers.AddRange(new[] { ("secretary", "第一党支部书记"), ("member", "第一党支部党员"), (Zhao, Zhao) }
                .Select(p => UnitMember.FromJoin(world.People[p.Item1], world.FirstBranch, UnitKinds.Branch, p.Item2, LongAgo)));
            db.UnitMembers.Add(UnitMember.FromJoin(world.People["officer"], world.SecondBranch, UnitKinds.Branch, "第二党支部党务干事", LongAgo));
            var cases = new[] { ("某局副局长违规接受宴请问题", ViolationType.ImproperBanquets), ("某区干部违规收受礼品礼金问题", ViolationType.ImproperGifts),
                ("某处长违规公款旅游问题", ViolationType.PublicFundsTravel) }
                .Select(c => WarningCase.Record(c.Item1, "经查，" + c.Item1 + "，受到党内警告处分。", [c.Item2], "市纪委监委", ChinaCalendar.DateOf(now), "office", now))
                .ToList();
            db.Cases.AddRange(cases);
            world.Cases.AddRange(cases.Select(c => c.Id));
            db.Questions.AddRange(Enumerable.Range(1, 5).Select(i => QuizQuestion.Create(QuestionKind.TrueFalse, $"第{i}题：党员可以接受管理服务对象宴请。",
                ["正确", "错误"], [1], null, [ViolationType.ImproperBanquets], "office", now)));
            return await db.SaveChangesAsync(cancellationToken);
        });
        return world;
    }

    public object Campaign(IReadOnlyList<Guid>? cases = null, int questionCount = 3) => new
    {
        year = ThisQuarter.Year, quarter = ThisQuarter.Quarter, theme = "严守中央八项规定精神", caseIds = cases ?? Cases,
        requiredSessionsPerBranch = 1, quiz = new { questionCount, timeLimitMinutes = 30, passMark = 80 },
    };

    /// <summary>This quarter's campaign, launched by the office.</summary>
    public async Task<Guid> LaunchAsync(IReadOnlyList<Guid>? cases = null)
    {
        using var office = await ClientAsync("office");
        var (response, body) = await SendAsync(office, HttpMethod.Post, "/api/discipline/campaigns", Campaign(cases));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>A session of <paramref name="branch"/> (第一党支部 by default) from now + 10 minutes for 90 minutes.</summary>
    public object Session(Guid? branch = null, IReadOnlyList<Guid>? cases = null) => new
    {
        branchId = branch ?? FirstBranch, topic = "以案为鉴警示教育会", caseIds = cases, place = "党员活动室",
        plannedStart = Clock.Now.AddMinutes(10), plannedEnd = Clock.Now.AddMinutes(100),
    };

    public async Task<Guid> ScheduleAsync(HttpClient keeper, Guid campaign, object session)
    {
        var (response, body) = await SendAsync(keeper, HttpMethod.Post, $"/api/discipline/campaigns/{campaign}/sessions", session);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    public static Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body, string? ifMatch = null) => ActivityWorld.SendAsync(client, method, path, body, ifMatch);

    public static object Hold(DateTimeOffset heldAt, params object[] marks) =>
        new { heldAt, durationMinutes = 90, notes = "通报典型案例，党员对照检查。", attendance = marks };
}
