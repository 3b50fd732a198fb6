using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// A study service of its own (real PostgreSQL and RabbitMQ) with a clock the test moves, the directory's units copied
/// in and 第一党支部's roster written as the roster projection would: the secretary, the member and two members
/// without an account (赵六, 钱七). The officer (第二党支部) is on no roster here.
/// </summary>
internal sealed class ActivityWorld : IAsyncDisposable
{
    public const string Zhao = "赵六", Qian = "钱七";

    private ActivityWorld(IdentityHost identity, ServiceFactory<StudyDbContext> study, ManualClock clock, IReadOnlyDictionary<string, Guid> units)
    {
        Identity = identity;
        Study = study;
        Clock = clock;
        Units = units;
    }

    public IdentityHost Identity { get; }
    public ServiceFactory<StudyDbContext> Study { get; }
    public ManualClock Clock { get; }
    public IReadOnlyDictionary<string, Guid> Units { get; }
    public Guid FirstBranch => Units["第一党支部"];
    public Guid SecondBranch => Units["第二党支部"];
    public Dictionary<string, Guid> People { get; } = [];

    public static async Task<ActivityWorld> CreateAsync(TestServers servers, CancellationToken cancellationToken)
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", identityBackchannel: identity.Backchannel(),
            configureServices: services => services.UseMovedClock(clock));
        var world = new ActivityWorld(identity, study, clock, await TicketUnits.CopyDirectoryAsync(identity, study));
        foreach (var person in new[] { "secretary", "member", "office", "officer" })
        {
            world.People[person] = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
        }
        world.People[Zhao] = Guid.CreateVersion7();
        world.People[Qian] = Guid.CreateVersion7();
        var joined = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
        await study.QueryAsync(async db =>
        {
            db.UnitMembers.AddRange(new[] { ("secretary", "第一党支部书记"), ("member", "第一党支部党员"), (Zhao, Zhao), (Qian, Qian) }
                .Select(p => UnitMember.FromJoin(world.People[p.Item1], world.FirstBranch, UnitKinds.Branch, p.Item2, joined)));
            return await db.SaveChangesAsync(cancellationToken);
        });
        return world;
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Study, person);

    /// <summary>A party lesson of <paramref name="branch"/> (第一党支部 by default) from now + 10 minutes for 90 minutes.</summary>
    public object Lesson(Guid? branch = null, string kind = "partyLesson", object? audience = null) => new
    {
        kind, organiserUnitId = branch ?? FirstBranch, topic = "学习贯彻全会精神专题党课", place = "党员活动室",
        materials = new[] { new { title = "在全会第二次全体会议上的讲话", link = "https://www.gov.cn/example.htm" } },
        plannedStart = Clock.Now.AddMinutes(10), plannedEnd = Clock.Now.AddMinutes(100), audience = audience ?? new { kind = "unit" },
    };

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(
        HttpClient client, HttpMethod method, string path, object? body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<Guid> ScheduleAsync(HttpClient keeper, object plan)
    {
        var (response, body) = await SendAsync(keeper, HttpMethod.Post, "/api/study/activities", plan);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>The activity's events in the outbox, in order: name and the aggregate version each carries.</summary>
    public Task<List<(string Name, long Version)>> EventsAsync(Guid activity) => OutboxEvents.OfAsync(Study, activity);

    public ValueTask DisposeAsync() => Study.DisposeAsync();
}
