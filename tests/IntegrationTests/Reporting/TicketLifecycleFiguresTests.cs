using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Tickets walked through the closed loop over HTTP; reporting, fed only by their events through RabbitMQ, shows the
/// on-time, satisfaction and reopen figures.
/// </summary>
public sealed class TicketLifecycleFiguresTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reporting_s_figures_follow_the_tickets_through_their_events()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("figures")).ToString() };
        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared, identity.Backchannel());
        await reporting.WaitUntilHealthyAsync(Cancel);
        await using var tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", shared, identity.Backchannel());
        using var enterprise = await identity.ClientForPersonAsync(tickets, "enterprise");
        using var office = await identity.ClientForPersonAsync(tickets, "office");
        using var leader = await identity.ClientForPersonAsync(reporting, "leader");
        var units = await TicketUnits.CopyDirectoryAsync(identity, tickets);
        var unit = units[TicketUnits.InvestmentTaskForce];

        // Satisfied, with a pause for material; dissatisfied, so reopened; one not yet accepted.
        var (satisfied, _) = await TicketSteps.SubmitAsync(enterprise, "满意的工单");
        await WalkToResolvedAsync(office, satisfied, unit, units[TicketUnits.RelocationTaskForce], pause: true);
        await TicketSteps.StepAsync(enterprise, satisfied, "confirm", new { satisfaction = "satisfied" });
        var (dissatisfied, _) = await TicketSteps.SubmitAsync(enterprise, "不满意的工单");
        await WalkToResolvedAsync(office, dissatisfied, unit, units[TicketUnits.RelocationTaskForce], pause: false);
        await TicketSteps.StepAsync(enterprise, dissatisfied, "confirm", new { satisfaction = "dissatisfied", note = "问题没有解决" });
        await TicketSteps.SubmitAsync(enterprise, "待受理的工单");

        var figures = await Eventually.ReturnsAsync(
            async () => (await leader.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/figures", Cancel)).GetProperty("total"),
            // The events of different tickets interleave on the queue: wait until every one has been applied.
            f => f.GetProperty("volume").GetInt32() == 3 && f.GetProperty("accepted").GetInt32() == 2 && f.GetProperty("resolved").GetInt32() == 2
                && f.GetProperty("confirmed").GetInt32() == 2 && f.GetProperty("averageHandlingWorkingHours").ValueKind == JsonValueKind.Number
                && f.GetProperty("reopenRate").ValueKind == JsonValueKind.Number && f.GetProperty("reopenRate").GetDouble() > 0
                && f.GetProperty("resolvedOnTimeRate").ValueKind == JsonValueKind.Number && f.GetProperty("resolvedOnTimeRate").GetDouble() < 1,
            TimeSpan.FromSeconds(30), "reporting to have every event", Cancel);

        figures.GetProperty("accepted").GetInt32().ShouldBe(2);
        figures.GetProperty("acceptedOnTimeRate").GetDouble().ShouldBe(1);
        figures.GetProperty("resolved").GetInt32().ShouldBe(2);
        figures.GetProperty("resolvedOnTimeRate").GetDouble().ShouldBe(0.5, "the reopened ticket is no longer resolved");
        figures.GetProperty("satisfactionRate").GetDouble().ShouldBe(0.5);
        figures.GetProperty("reopenRate").GetDouble().ShouldBe(0.5);
        figures.GetProperty("averageHandlingWorkingHours").ValueKind.ShouldBe(JsonValueKind.Number);

        // Each ticket numbers its events 1, 2, 3, ... without gaps; the dissatisfied confirmation's one step raised
        // three events, numbered in the order it raised them; the ticket's row keeps the latest number.
        var raised = await tickets.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Select(m => new { m.EventName, m.Payload }).ToListAsync(Cancel));
        var ofDissatisfied = raised
            .Select(m => (m.EventName, Payload: JsonDocument.Parse(m.Payload).RootElement))
            .Where(m => m.Payload.GetProperty("aggregateId").GetGuid() == dissatisfied)
            .OrderBy(m => m.Payload.GetProperty("aggregateVersion").GetInt64())
            .ToList();
        ofDissatisfied.Select(m => m.Payload.GetProperty("aggregateVersion").GetInt64()).ShouldBe(Enumerable.Range(1, ofDissatisfied.Count).Select(v => (long)v));
        ofDissatisfied.ShouldAllBe(m => m.Payload.GetProperty("ticketId").GetGuid() == dissatisfied);
        ofDissatisfied.TakeLast(3).Select(m => m.EventName)
            .ShouldBe(["tickets.ticket-confirmed.v1", "tickets.ticket-reopened.v1", "tickets.ticket-escalated.v1"]);
        (await tickets.QueryAsync(db => db.Tickets.Where(t => t.Id == dissatisfied)
            .Select(t => EF.Property<long>(t, EventVersions.PropertyName)).SingleAsync(Cancel))).ShouldBe(ofDissatisfied.Count);

        using var member = await identity.ClientForPersonAsync(reporting, "member");
        (await member.GetAsync("/api/reporting/tickets/figures", Cancel)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    private static async Task WalkToResolvedAsync(HttpClient office, Guid id, Guid unit, Guid coUnit, bool pause)
    {
        await TicketSteps.StepAsync(office, id, "accept", new { });
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = unit, coHandlingUnitIds = new[] { coUnit } });
        await TicketSteps.StepAsync(office, id, "start", new { note = "已联系企业" });
        if (pause)
        {
            await TicketSteps.StepAsync(office, id, "pause", new { reason = "等待补充材料" });
            await TicketSteps.StepAsync(office, id, "resume", new { });
        }
        await TicketSteps.StepAsync(office, id, "respond", new { note = "阶段性答复" });
        await TicketSteps.StepAsync(office, id, "co-handling-feedback", new { unitId = coUnit, note = "协办意见" });
        await TicketSteps.StepAsync(office, id, "resolve", new { note = "已办结" });
    }
}
