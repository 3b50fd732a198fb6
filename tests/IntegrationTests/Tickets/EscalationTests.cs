using BrandPlatform.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Escalation;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// The scheduler's pass against the real database with a fake clock that walks, hour by hour, from acceptance to two
/// weeks past the deadline: one ladder step per working day, none outside working hours, each in the timeline and the
/// outbox; the leader's inbox receives the 督办单, the leader instructs and the unit answers.
/// </summary>
public sealed class EscalationTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_overdue_ticket_climbs_the_ladder_one_working_day_at_a_time_and_reaches_the_leader_s_inbox()
    {
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        using var leader = await fixture.Identity.ClientForPersonAsync(fixture.Service, "leader");
        var (id, _) = await TicketSteps.SubmitAsync(enterprise, "逾期督办测试");
        await TicketSteps.StepAsync(office, id, "accept", new { });
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = fixture.Units[TicketUnits.Office] });
        var due = await fixture.Service.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.ResolutionDue!.Value).SingleAsync(Cancel));

        var clock = new ManualClock(DateTimeOffset.UtcNow);
        for (; clock.Now < due.AddDays(14); clock.Now = clock.Now.AddHours(1))
        {
            await RunLadderAsync(fixture.Service, clock);
        }

        var calendar = fixture.Service.Services.GetRequiredService<WorkingCalendar>();
        var steps = await fixture.Service.QueryAsync(db => db.Set<TimelineEntry>()
            .Where(e => e.TicketId == id && (e.Action == "remind" || e.Action == "urge" || e.Action == "supervise" || e.Action == "publicise"))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.At }).ToListAsync(Cancel));
        steps.Select(s => s.Action).ShouldBe(["remind", "urge", "supervise", "publicise"]);
        steps.ShouldAllBe(s => calendar.IsWorkingTime(s.At));
        var days = steps.Skip(1).Select(s => BrandPlatform.Platform.Domain.ChinaCalendar.DateOf(s.At)).ToList();
        days[0].ShouldBe(calendar.NextWorkingDay(BrandPlatform.Platform.Domain.ChinaCalendar.DateOf(due)));
        days[1].ShouldBe(calendar.NextWorkingDay(days[0]));
        days[2].ShouldBe(calendar.AddWorkingDays(days[1], 2));
        var events = (await fixture.Service.QueryAsync(db => db.Set<OutboxMessage>()
            .Where(m => m.EventName == "tickets.ticket-escalated.v1" || m.EventName == "tickets.ticket-reminded.v1").ToListAsync(Cancel)))
            .Where(m => m.Payload.Contains(id.ToString())).ToList();
        events.Count.ShouldBe(4);

        var inbox = await leader.AllItemsAsync("/api/tickets/supervision-orders", Cancel);
        var order = inbox.Single(o => o.GetProperty("ticketId").GetGuid() == id);
        var orderId = order.GetProperty("id").GetGuid();
        using var instructed = await leader.PostAsJsonAsync($"/api/tickets/supervision-orders/{orderId}/instructions",
            new { text = "请专班三个工作日内办结并报告" }, Cancel);
        instructed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var answered = await office.PostAsJsonAsync($"/api/tickets/supervision-orders/{orderId}/answer",
            new { text = "已协调银行，预计本周放款" }, Cancel);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var final = await answered.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        final.GetProperty("instructions").GetString().ShouldBe("请专班三个工作日内办结并报告");
        final.GetProperty("answer").GetString().ShouldBe("已协调银行，预计本周放款");
        (await enterprise.GetAsync("/api/tickets/supervision-orders", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>One scheduler pass at the clock's time, as the hosted scheduler would make it.</summary>
    internal static async Task RunLadderAsync(ServiceFactory<TicketsDbContext> service, TimeProvider clock)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await new EscalationRun(services.GetRequiredService<TicketsDbContext>(), services.GetRequiredService<DeadlinePolicy>(),
            services.GetRequiredService<IOptions<EscalationPolicy>>(), clock, NullLogger<EscalationRun>.Instance).RunOnceAsync(TestContext.Current.CancellationToken);
    }
}

