using System.Text.Json;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.IntegrationTests.Study;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Testing;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// A discipline service of its own (real PostgreSQL and RabbitMQ) with a clock the test sets, the directory's units
/// copied in and the demo people known by id. Rosters are written by each test, as the roster projection would.
/// </summary>
internal sealed class LibraryWorld : DisciplineWorld
{
    private LibraryWorld(Started started) : base(started) { }

    /// <param name="now">
    /// The clock when the service starts: its reminder pass runs once at start-up (then hourly, in real time), so a
    /// test that counts reminders starts on a day without one.
    /// </param>
    public static async Task<LibraryWorld> CreateAsync(TestServers servers, DateTimeOffset now) => new(await StartAsync(servers, now));

    public Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null,
        string? ifMatch = null) => ActivityWorld.SendAsync(client, method, path, body, ifMatch);

    /// <summary>Writes roster stints as the roster projection would.</summary>
    public Task JoinAsync(params UnitMember[] stints) => Discipline.QueryAsync(async db =>
    {
        db.UnitMembers.AddRange(stints);
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });
}
