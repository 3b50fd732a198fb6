using System.Collections.Concurrent;
using System.Net;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.IntegrationTests.Gateway;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Features.Live;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// The portal's live figures, as a browser reaches them: through the gateway on real sockets, the token in the query
/// string, WebSockets proxied by YARP to reporting.
/// </summary>
public sealed class LiveFiguresTests(LiveFiguresTests.Fixture fixture) : IClassFixture<LiveFiguresTests.Fixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_connected_through_the_gateway_hears_that_ticket_figures_changed_once_the_event_is_committed()
    {
        await using var reader = await fixture.ListenAsync(await fixture.Identity.PersonTokenAsync("office"));
        var submitted = NewTicketSubmitted();

        await fixture.Bus.Publish(submitted, Cancel);

        var heard = await reader.NextAsync("ticket-records", Timeout);
        (await fixture.Reporting.QueryAsync(db => db.TicketRecords.AnyAsync(t => t.TicketId == submitted.TicketId, Cancel)))
            .ShouldBeTrue("the message comes after the commit, so a re-read shows the ticket");
        heard.At.ShouldBeGreaterThan(submitted.OccurredAt);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("member", HttpStatusCode.Forbidden)]
    [InlineData("handler", HttpStatusCode.Forbidden)]
    public async Task Anonymous_callers_and_people_without_a_reader_s_role_are_refused(string? userName, HttpStatusCode expected)
    {
        var token = userName is null ? null : await fixture.Identity.PersonTokenAsync(userName);

        var refusal = await Should.ThrowAsync<HttpRequestException>(() => fixture.ListenAsync(token));

        refusal.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task A_burst_of_events_is_told_in_a_few_messages_at_least_the_coalescing_span_apart()
    {
        await using var reader = await fixture.ListenAsync(await fixture.Identity.PersonTokenAsync("leader"));
        var burst = Enumerable.Range(0, 40).Select(_ => NewTicketSubmitted()).ToList();
        var ids = burst.Select(e => e.TicketId).ToList();

        foreach (var submitted in burst)
        {
            await fixture.Bus.Publish(submitted, Cancel);
        }
        await Eventually.ReturnsAsync(
            () => fixture.Reporting.QueryAsync(db => db.Set<ProjectionPosition>().CountAsync(p => ids.Contains(p.AggregateId), Cancel)),
            n => n == burst.Count, Timeout, "every ticket of the burst to be applied", Cancel);
        // The last change of the burst may be held back for one span.
        await Task.Delay(LiveFiguresFixtureSpan * 3, Cancel);

        var heard = reader.Heard("ticket-records");
        heard.Count.ShouldBeInRange(1, burst.Count / 4, $"{burst.Count} events told in {heard.Count} messages");
        heard.Zip(heard.Skip(1), (a, b) => b.At - a.At).ShouldAllBe(gap => gap >= LiveFiguresFixtureSpan);
    }

    [Fact]
    public async Task A_reader_connected_to_one_replica_hears_a_change_another_replica_applied()
    {
        await using var onFirst = await fixture.ListenAsync(await fixture.Identity.PersonTokenAsync("office"));
        await using var onSecond = await fixture.ListenAsync(await fixture.Identity.PersonTokenAsync("office"), fixture.SecondGateway);

        // As the first replica's consumer tells its observers after committing an event.
        foreach (var observer in fixture.Reporting.Services.GetServices<IProjectionObserver>())
        {
            observer.Applied(new ProjectionApplied("replica-test-area", Guid.NewGuid(), 1));
        }

        (await onSecond.NextAsync("replica-test-area", Timeout)).Area.ShouldBe("replica-test-area");
        (await onFirst.NextAsync("replica-test-area", Timeout)).Area.ShouldBe("replica-test-area");
        await Task.Delay(LiveFiguresFixtureSpan * 3, Cancel);
        onSecond.Heard("replica-test-area").Count.ShouldBe(1, "each replica tells its readers once");
    }

    private static readonly TimeSpan LiveFiguresFixtureSpan = new LiveFiguresOptions().Coalesce;

    private static TicketSubmitted NewTicketSubmitted()
    {
        var now = DateTimeOffset.UtcNow;
        var ticket = Guid.NewGuid();
        return new TicketSubmitted
        {
            OccurredAt = now, AggregateId = ticket, AggregateVersion = 1, TicketId = ticket,
            Number = $"QY-2026-{Random.Shared.Next(1, 999999):D6}", Category = "financing",
            RequesterName = "三明市某某机械有限公司", EnterpriseCode = "91350100M000100Y43", SubmittedAt = now,
        };
    }

    /// <summary>A browser's connection to the hub: what it heard, per area.</summary>
    public sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        private readonly ConcurrentQueue<FiguresChanged> heard = new();
        private readonly SemaphoreSlim arrived = new(0);

        public static async Task<Listener> StartAsync(HubConnection connection)
        {
            var listener = new Listener(connection);
            connection.On<FiguresChanged>(FiguresHub.FiguresChanged, message =>
            {
                listener.heard.Enqueue(message);
                listener.arrived.Release();
            });
            await connection.StartAsync(TestContext.Current.CancellationToken);
            return listener;
        }

        public IReadOnlyList<FiguresChanged> Heard(string area) => [.. heard.Where(m => m.Area == area)];

        public async Task<FiguresChanged> NextAsync(string area, TimeSpan timeout)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(timeout);
            while (true)
            {
                if (Heard(area) is [var first, ..])
                {
                    return first;
                }
                await arrived.WaitAsync(deadline.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            arrived.Dispose();
        }
    }

    public sealed class Fixture(TestServers servers) : IAsyncLifetime
    {
        private GatewayInFront? gateway;
        private GatewayInFront? secondGateway;
        private ServiceFactory<ReportingDbContext>? second;

        /// <summary>A gateway in front of a second replica of reporting (the same database and broker).</summary>
        public GatewayInFront SecondGateway => secondGateway!;

        public IdentityHost Identity { get; private set; } = null!;
        public ServiceFactory<ReportingDbContext> Reporting { get; private set; } = null!;
        public IBus Bus => Reporting.Services.GetRequiredService<IBus>();

        public async ValueTask InitializeAsync()
        {
            Identity = await IdentityHost.SharedAsync(servers);
            Reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb",
                identityBackchannel: Identity.Backchannel(), onLoopback: true);
            await Reporting.WaitUntilHealthyAsync(TestContext.Current.CancellationToken);
            gateway = GatewayInFront.Start(Identity, new Dictionary<string, Uri> { ["reporting"] = Reporting.Address });
            second = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", Reporting.Settings,
                identityBackchannel: Identity.Backchannel(), onLoopback: true);
            await second.WaitUntilHealthyAsync(TestContext.Current.CancellationToken);
            secondGateway = GatewayInFront.Start(Identity, new Dictionary<string, Uri> { ["reporting"] = second.Address });
        }

        /// <summary>Connects the way the portal does: WebSockets through the gateway, the token as access_token.</summary>
        public Task<Listener> ListenAsync(string? token, GatewayInFront? through = null)
        {
            var hub = new Uri((through ?? gateway!).Address, "/api/reporting" + LiveFigures.Path
                + (token is null ? "" : "?access_token=" + Uri.EscapeDataString(token)));
            return Listener.StartAsync(new HubConnectionBuilder()
                .WithUrl(hub, options => options.Transports = HttpTransportType.WebSockets)
                .Build());
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var front in new[] { gateway, secondGateway })
            {
                if (front is not null)
                {
                    await front.DisposeAsync();
                }
            }
            if (second is not null)
            {
                await second.DisposeAsync();
            }
            await Reporting.DisposeAsync();
        }
    }
}
