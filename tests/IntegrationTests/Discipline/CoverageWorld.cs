using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A discipline service of its own (real PostgreSQL and RabbitMQ) with a clock the test holds, the directory's units
/// copied in, and the people of the demo accounts. Campaigns, held sessions, quiz attempts, make-ups and roster stints
/// are written straight into the database as their own endpoints would leave them.
/// </summary>
internal sealed class CoverageWorld : DisciplineWorld
{
    private CoverageWorld(Started started) : base(started) { }

    public Guid FirstBranch => Units["第一党支部"];
    public Guid SecondBranch => Units["第二党支部"];
    public int ThisYear => ChinaCalendar.DateOf(Clock.Now).Year;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<CoverageWorld> CreateAsync(TestServers servers)
    {
        return new CoverageWorld(await StartAsync(servers, DateTimeOffset.UtcNow));
    }

    /// <summary>A person of the demo accounts by user name, or one without an account, named and registered on first use.</summary>
    public Guid Person(string name) => People.TryGetValue(name, out var id) ? id : People[name] = Guid.CreateVersion7();

    /// <summary>A roster stint, as the roster projection writes it from the directory's events.</summary>
    public Task JoinAsync(string person, Guid unit, string name, DateOnly on, DateOnly? left = null, string kind = UnitKinds.Branch) =>
        Discipline.QueryAsync(async db =>
        {
            var stint = UnitMember.FromJoin(Person(person), unit, kind, name, on);
            if (left is { } day)
            {
                stint.Leave(day);
            }
            db.UnitMembers.Add(stint);
            return await db.SaveChangesAsync(Cancel);
        });

    /// <summary>The previous quarter's campaign, launched on its first day with a one-question true/false quiz (pass mark 60).</summary>
    public async Task<WarningCampaign> LaunchPreviousQuarterAsync()
    {
        var today = ChinaCalendar.DateOf(Clock.Now);
        var quarterStart = Periods.FirstDayOf(today.Year, Periods.QuarterOf(today)).AddMonths(-3);
        var launchedAt = ChinaCalendar.At(quarterStart, new TimeOnly(9, 0));
        var question = QuizQuestion.Create(QuestionKind.TrueFalse, "公职人员可以接受管理服务对象安排的宴请。", ["正确", "错误"], [1], null,
            [ViolationType.ImproperBanquets], "office", launchedAt);
        var campaign = WarningCampaign.Launch(quarterStart.Year, Periods.QuarterOf(quarterStart), "以案为鉴 警钟长鸣", [], 1, new QuizSettings(1, 30, 60),
            [question], "office", launchedAt);
        await Discipline.QueryAsync(async db =>
        {
            db.Campaigns.Add(campaign);
            return await db.SaveChangesAsync(Cancel);
        });
        return campaign;
    }

    /// <summary>A branch's session of the campaign held on <paramref name="day"/> with those present and those absent.</summary>
    public Task HoldSessionAsync(WarningCampaign campaign, Guid branchId, DateOnly day, string[] present, string[] absent) =>
        Discipline.QueryAsync(async db =>
        {
            var branch = await db.Units.SingleAsync(u => u.Id == branchId, Cancel);
            var start = ChinaCalendar.At(day, new TimeOnly(15, 0));
            var session = WarningSession.Schedule(campaign, branch, "警示教育专题会", [], start, start.AddHours(2), "党员活动室", "secretary", start.AddDays(-1));
            session.Hold(campaign, start, 120, "观看警示教育片并交流讨论。",
                [
                    .. present.Select(p => new AttendanceEntry(Person(p), p, AttendanceStatus.Present, null, AttendanceSource.Keeper, null)),
                    .. absent.Select(p => new AttendanceEntry(Person(p), p, AttendanceStatus.Absent, null, AttendanceSource.Roster, null)),
                ], start.AddHours(3));
            db.Sessions.Add(session);
            return await db.SaveChangesAsync(Cancel);
        });

    /// <summary>A submitted attempt at the campaign's quiz: the right answer passes (100), the wrong one fails (0).</summary>
    public Task TakeQuizAsync(WarningCampaign campaign, string person, bool pass) =>
        Discipline.QueryAsync(async db =>
        {
            var at = campaign.LaunchedAt.AddDays(2);
            var attempt = QuizAttempt.Start(campaign, Person(person), 1, at);
            var question = campaign.Paper.Single();
            attempt.Submit(campaign, [new QuizAnswer(question.QuestionId, [pass ? question.CorrectOptions[0] : 1 - question.CorrectOptions[0]])], at.AddMinutes(5));
            db.Attempts.Add(attempt);
            return await db.SaveChangesAsync(Cancel);
        });

    /// <summary>A make-up completed (the campaign studies no cases here, so the passed quiz completes it).</summary>
    public Task CompleteMakeUpAsync(WarningCampaign campaign, string person) =>
        Discipline.QueryAsync(async db =>
        {
            var at = campaign.LaunchedAt.AddDays(20);
            var makeUp = WarningMakeUp.Start(campaign, Person(person), at);
            makeUp.CompleteIfDone(campaign, quizPassed: true, at);
            db.MakeUps.Add(makeUp);
            return await db.SaveChangesAsync(Cancel);
        });

    public static async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> GetAsync(HttpClient client, string path) =>
        await Study.ActivityWorld.SendAsync(client, HttpMethod.Get, path, null);

    public static async Task<(HttpResponseMessage Response, System.Text.Json.JsonElement Body)> PostAsync(HttpClient client, string path, object? body) =>
        await Study.ActivityWorld.SendAsync(client, HttpMethod.Post, path, body ?? new { });
}
