using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Identity.Features.Directory;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Platform.Domain;
using Microsoft.Extensions.DependencyInjection;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>The tickets service keeps its handling units from the directory's events, through RabbitMQ.</summary>
public sealed class HandlingUnitCopyTests(TestServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_task_force_created_in_the_directory_can_be_assigned_and_disappears_when_deactivated()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb",
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = identity.Service.Settings["ConnectionStrings:messaging"] },
            identityBackchannel: identity.Backchannel());
        await tickets.WaitUntilHealthyAsync(Cancel);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        using var office = await identity.ClientForPersonAsync(tickets, "office");
        var name = "项目服务专班" + DirectoryTests.Suffix();

        var unit = await DirectoryTests.CreateUnitAsync(admin, name, "taskForce", await DirectoryTests.CommitteeIdAsync(admin));
        await Eventually.ReturnsAsync(() => UnitIdsAsync(office), ids => ids.Contains(unit), Timeout, "the new task force in tickets", Cancel);

        using var deactivated = await admin.PostAsJsonAsync($"/identity/api/directory/units/{unit}/deactivate", new { on = ChinaCalendar.DateOf(DateTimeOffset.UtcNow) }, Cancel);
        deactivated.EnsureSuccessStatusCode();
        await Eventually.ReturnsAsync(() => UnitIdsAsync(office), ids => !ids.Contains(unit), Timeout, "the task force gone from tickets", Cancel);
    }

    [Fact]
    public async Task A_service_that_subscribes_after_the_directory_was_seeded_learns_its_units_when_the_directory_starts_again()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var vhost = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = identity.Service.Settings["ConnectionStrings:messaging"] };
        await using var tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", vhost,
            identityBackchannel: identity.Backchannel());
        await tickets.WaitUntilHealthyAsync(Cancel);
        using var office = await identity.ClientForPersonAsync(tickets, "office");
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var seeded = (await admin.AllItemsAsync("/identity/api/directory/units?kind=taskForce", Cancel))
            .Select(u => u.GetProperty("id").GetGuid()).ToList();

        // As a new start of the directory does it (a start of its own, after the last announcement).
        await ActivatorUtilities.CreateInstance<DirectoryAnnouncement>(identity.Service.Services, new ReplicaStart(TimeProvider.System)).StartAsync(Cancel);

        await Eventually.ReturnsAsync(() => UnitIdsAsync(office), ids => seeded.All(ids.Contains), Timeout, "the seeded task forces in tickets", Cancel);
    }

    private static async Task<List<Guid>> UnitIdsAsync(HttpClient client) =>
        [.. (await client.AllItemsAsync("/api/tickets/units", TestContext.Current.CancellationToken)).Select(u => u.GetProperty("id").GetGuid())];
}
