using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Testing;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A discipline service of its own (real PostgreSQL and RabbitMQ) against the shared identity, with a clock the test
/// moves, the directory's units copied in and the demo accounts' person ids. Each area's world adds its own records.
/// </summary>
internal abstract class DisciplineWorld : IAsyncDisposable
{
    private static readonly string[] DemoPeople = ["secretary", "member", "office", "officer", "handler"];

    protected DisciplineWorld(Started started)
    {
        Identity = started.Identity;
        Discipline = started.Discipline;
        Clock = started.Clock;
        Units = started.Units;
        People = started.People;
    }

    public IdentityHost Identity { get; }
    public ServiceFactory<DisciplineDbContext> Discipline { get; }
    public ManualClock Clock { get; }
    public IReadOnlyDictionary<string, Guid> Units { get; }
    public Dictionary<string, Guid> People { get; }

    public Task<HttpClient> ClientAsync(string person) => Identity.ClientForPersonAsync(Discipline, person);

    /// <summary>An aggregate's events in the service's outbox, in order, with their versions.</summary>
    public Task<List<(string Name, long Version)>> EventsAsync(Guid aggregate) => OutboxEvents.OfAsync(Discipline, aggregate);

    public ValueTask DisposeAsync() => Discipline.DisposeAsync();

    protected sealed record Started(
        IdentityHost Identity, ServiceFactory<DisciplineDbContext> Discipline, ManualClock Clock, IReadOnlyDictionary<string, Guid> Units,
        Dictionary<string, Guid> People);

    /// <param name="now">The clock when the service starts (its background passes run once at start-up).</param>
    protected static async Task<Started> StartAsync(TestServers servers, DateTimeOffset now)
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var clock = new ManualClock(now);
        var discipline = await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb",
            identityBackchannel: identity.Backchannel(), configureServices: services => services.UseMovedClock(clock));
        var people = new Dictionary<string, Guid>();
        foreach (var person in DemoPeople)
        {
            people[person] = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
        }
        return new Started(identity, discipline, clock, await TicketUnits.CopyDirectoryAsync(identity, discipline), people);
    }
}
