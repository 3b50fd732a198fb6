using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>The outbox keeps events while the broker is unreachable and delivers them from a restarted process.</summary>
public sealed class OutboxDeliveryTests(TestServers servers)
{
    [Fact]
    public async Task Tickets_submitted_while_the_broker_is_unreachable_reach_reporting_after_a_restart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var identity = await IdentityHost.SharedAsync(servers);
        var ticketsDatabase = servers.NewDatabase("tickets");
        var virtualHost = (await servers.NewVirtualHostAsync("outbox")).ToString();

        await using (var offline = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", new Dictionary<string, string?>
        {
            ["ConnectionStrings:ticketsdb"] = ticketsDatabase,
            ["ConnectionStrings:messaging"] = $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:01",
        }, identity.Backchannel()))
        {
            using var client = await identity.ClientWithTokenAsync(offline, "tickets.write");
            for (var i = 0; i < 3; i++)
            {
                using var response = await client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid($"断网期间的工单 {i}"), cancellationToken);
                response.StatusCode.ShouldBe(HttpStatusCode.Created, "the state change must not depend on the broker");
            }

            // The dispatcher stops a batch at the first failed publish rather than hammering a broker that is down.
            var pending = await Eventually.ReturnsAsync(
                () => offline.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().ToListAsync(cancellationToken)),
                rows => rows.Count == 3 && rows.Any(r => r.Attempts >= 2), TimeSpan.FromSeconds(30),
                "the dispatcher to retry against the unreachable broker", cancellationToken);
            pending.ShouldAllBe(r => r.SentAt == null);
            pending.Where(r => r.Attempts > 0).ShouldAllBe(r => r.LastError != null);
        }

        // The process is gone; a new one starts with the broker reachable and reporting listening.
        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = virtualHost,
        }, identity.Backchannel());
        await reporting.WaitUntilHealthyAsync(cancellationToken);
        await using var online = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", new Dictionary<string, string?>
        {
            ["ConnectionStrings:ticketsdb"] = ticketsDatabase,
            ["ConnectionStrings:messaging"] = virtualHost,
        }, identity.Backchannel());

        using var reportingClient = await identity.ClientForPersonAsync(reporting, "office");
        await Eventually.ReturnsAsync(
            async () => (await reportingClient.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/summary", cancellationToken)).GetProperty("total").GetInt32(),
            total => total == 3, TimeSpan.FromSeconds(30), "reporting to count the three tickets", cancellationToken);
        (await online.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null, cancellationToken))).ShouldBe(0);
    }
}
