using System.Text.Json;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.IntegrationTests.Study;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A discipline service of its own (real PostgreSQL and RabbitMQ) with a clock the test sets, the directory's units
/// copied in and the demo people known by id. Rosters are written by each test, as the roster projection would.
/// </summary>
internal sealed class LibraryWorld : IAsyncDisposable
{
    private LibraryWorld(IdentityHost identity, ServiceFactory<DisciplineDbContext> discipline, ManualClock clock, IReadOnlyDictionary<string, Guid> units)
    {
        Identity = identity;
        Discipline = discipline;
        Clock = clock;
        Units = units;
    }

    public IdentityHost Identity { get; }
    public ServiceFactory<DisciplineDbContext> Discipline { get; }
    public ManualClock Clock { get; }
    public IReadOnlyDictionary<string, Guid> Units { get; }
    public Dictionary<string, Guid> People { get; } = [];

    /// <param name="now">
    /// The clock when the service starts: its reminder pass runs once at start-up (then hourly, in real time), so a
    /// test that counts reminders starts on a day without one.
    /// </param>
    public static async Task<LibraryWorld> CreateAsync(TestServers servers, DateTimeOffset now)
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var clock = new ManualClock(now);
        var discipline = await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb",
            identityBackchannel: identity.Backchannel(), configureServices: services => services.UseMovedClock(clock));
        var world = new LibraryWorld(identity, discipline, clock, await TicketUnits.CopyDirectoryAsync(identity, discipline));
        foreach (var person in new[] { "secretary", "member", "office", "officer", "handler" })
        {
            world.People[person] = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
        }
        return world;
    }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Discipline, person);

    public Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null,
        string? ifMatch = null) => ActivityWorld.SendAsync(client, method, path, body, ifMatch);

    /// <summary>Writes roster stints as the roster projection would.</summary>
    public Task JoinAsync(params UnitMember[] stints) => Discipline.QueryAsync(async db =>
    {
        db.UnitMembers.AddRange(stints);
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    public Task<List<(string Name, long Version)>> EventsAsync(Guid aggregate) => OutboxEvents.OfAsync(Discipline, aggregate);

    public ValueTask DisposeAsync() => Discipline.DisposeAsync();
}
