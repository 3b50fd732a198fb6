using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// A reporting service of its own (real PostgreSQL and RabbitMQ) against the shared identity, with a clock the test
/// moves, the directory's units copied in, a department of its own (综合科) besides the office's (办公室), and the demo
/// people on rosters (the drafters and assignees the registers check).
/// </summary>
public sealed class DocumentsWorld(TestServers servers) : IAsyncLifetime
{
    private static readonly string[] DemoPeople = ["office", "secretary", "member", "handler", "leader"];

    /// <summary>Monday 16 November 2026, 10:00 in China: a working day.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<ReportingDbContext> Reporting { get; private set; } = null!;
    public ManualClock Clock { get; } = new(Start);
    public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;
    public Guid OfficeDepartment => Units["办公室"];
    public Guid OtherDepartment { get; } = Guid.CreateVersion7();
    public Dictionary<string, Guid> People { get; } = [];
    private readonly Dictionary<string, HttpClient> clients = [];

    public async Task<HttpClient> ClientAsync(string person)
    {
        if (!clients.TryGetValue(person, out var client))
        {
            clients[person] = client = await Identity.ClientForPersonAsync(Reporting, person);
        }
        return client;
    }

    public Task<List<(string Name, long Version)>> EventsAsync(Guid aggregate) => OutboxEvents.OfAsync(Reporting, aggregate);

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        Reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb",
            new Dictionary<string, string?>
            {
                ["Supervision:Documents:ReminderInterval"] = "00:00:00.200",
                ["Supervision:Documents:Deadlines:Special"] = "8",
            },
            Identity.Backchannel(), services => services.UseMovedClock(Clock));
        foreach (var person in DemoPeople)
        {
            People[person] = Guid.Parse(IdentityHost.JwtPayload(await Identity.PersonTokenAsync(person)).GetProperty("sub").GetString()!);
        }
        Units = await TicketUnits.CopyDirectoryAsync(Identity, Reporting);
        var joined = new DateOnly(2026, 1, 1);
        await Reporting.QueryAsync(db =>
        {
            db.Units.Add(new DirectoryUnit(OtherDepartment, UnitKinds.Department, "综合科", Units["市委统战部机关党委"]));
            db.UnitMembers.AddRange(
                UnitMember.FromJoin(People["office"], OfficeDepartment, UnitKinds.Department, "办公室督办专员", joined),
                UnitMember.FromJoin(People["member"], OtherDepartment, UnitKinds.Department, "第一党支部党员", joined),
                UnitMember.FromJoin(People["secretary"], OtherDepartment, UnitKinds.Department, "第一党支部书记", joined),
                UnitMember.FromJoin(People["handler"], Units["招商服务专班"], UnitKinds.TaskForce, "招商服务专班经办人", joined));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        await Reporting.DisposeAsync();
    }
}
