using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// Two replicas of the tickets service over one database and one broker, both with their escalation schedulers
/// running every 50 ms on one clock that walks a working day at a time past the deadline: each step of the ladder is
/// taken once, announced once.
/// </summary>
public sealed class ReplicaEscalationTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_running_the_ladder_take_each_step_once()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var fast = new Dictionary<string, string?> { ["Tickets:Escalation:Interval"] = "00:00:00.050" };
        await using var first = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", fast,
            identityBackchannel: identity.Backchannel(), configureServices: services => services.UseMovedClock(clock));
        await using var second = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", first.Settings,
            identityBackchannel: identity.Backchannel(), configureServices: services => services.UseMovedClock(clock));
        var units = await TicketUnits.CopyDirectoryAsync(identity, first);
        using var enterprise = await identity.ClientForPersonAsync(first, "enterprise");
        using var office = await identity.ClientForPersonAsync(second, "office");
        var (id, _) = await TicketSteps.SubmitAsync(enterprise, "双副本督办测试");
        await TicketSteps.StepAsync(office, id, "accept", new { });
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = units[TicketUnits.Office] });
        var due = await first.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.ResolutionDue!.Value).SingleAsync(Cancel));

        // Every working hour around the deadline (the reminder comes within hours of it), a morning a day after it,
        // until the ladder's top or a month past the deadline.
        var calendar = first.Services.GetRequiredService<WorkingCalendar>();
        var start = new DateTimeOffset(due.UtcDateTime.Date, TimeSpan.Zero).AddDays(-2);
        for (var at = start; at < due.AddDays(30); at = at.AddHours(1))
        {
            if (calendar.IsWorkingTime(at) && (at < due.AddDays(1) || at.UtcDateTime.Hour == 2))
            {
                clock.Now = at;
                await Task.Delay(TimeSpan.FromMilliseconds(250), Cancel);
                if (await StepsAsync(first, id) is { Count: 4 })
                {
                    break;
                }
            }
        }
        await Task.Delay(TimeSpan.FromMilliseconds(400), Cancel);

        (await StepsAsync(first, id)).ShouldBe(["remind", "urge", "supervise", "publicise"]);
        var events = (await first.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.EventName == "tickets.ticket-escalated.v1" || m.EventName == "tickets.ticket-reminded.v1").ToListAsync(Cancel)))
            .Where(m => m.Payload.Contains(id.ToString())).ToList();
        events.Count.ShouldBe(4);
    }

    private static Task<List<string>> StepsAsync(ServiceFactory<TicketsDbContext> service, Guid id) =>
        service.QueryAsync(db => db.Set<TimelineEntry>()
            .Where(e => e.TicketId == id && (e.Action == "remind" || e.Action == "urge" || e.Action == "supervise" || e.Action == "publicise"))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancel));
}
