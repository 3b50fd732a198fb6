using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>The tickets service and reporting on one message broker: reporting knows tickets only from their events.</summary>
public sealed class TicketsAndReportingFixture(TestServers servers) : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<TicketsDbContext> Tickets { get; private set; } = null!;
    public ServiceFactory<ReportingDbContext> Reporting { get; private set; } = null!;
    public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("ticket-figures")).ToString() };
        Reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared, Identity.Backchannel());
        await Reporting.WaitUntilHealthyAsync(TestContext.Current.CancellationToken);
        Tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", shared, Identity.Backchannel());
        Units = await TicketUnits.CopyDirectoryAsync(Identity, Tickets);
    }

    public async ValueTask DisposeAsync()
    {
        await Tickets.DisposeAsync();
        await Reporting.DisposeAsync();
    }
}

/// <summary>
/// The figures the tickets service used to serve, now read from reporting after real tickets: per chamber with the
/// ladder's steps, and a government system's figures counting only what it filed.
/// </summary>
public sealed class TicketsToReportingFiguresTests(TicketsAndReportingFixture fixture) : IClassFixture<TicketsAndReportingFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_chamber_s_ticket_is_counted_under_its_chamber_with_the_ladder_s_steps()
    {
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Tickets, "office");
        using var handler = await fixture.Identity.ClientForPersonAsync(fixture.Tickets, "handler");
        using var reader = await fixture.Identity.ClientForPersonAsync(fixture.Reporting, "office");
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Reporting, "enterprise");
        var today = ChinaCalendar.DateOf(DateTimeOffset.UtcNow);
        var chamberName = "市青年企业家商会" + DirectoryTests.Suffix();
        var chamber = await TicketChambers.AddAsync(fixture.Tickets, chamberName, office, isKey: true);
        var person = await RequesterTests.CreatedIdAsync(await handler.PostAsJsonAsync("/api/tickets/requesters", new
        {
            kind = "person", name = "王某某", personCategory = "newSocialStratum", chamberId = chamber,
            contacts = new[] { new { name = "王某某", phone = "13812345678", position = "负责人" } },
        }, Cancel));
        var id = await RequesterTests.CreatedIdAsync(await handler.PostAsJsonAsync("/api/tickets", new
        {
            title = "新业态用工备案", category = "labour", description = "灵活用工备案流程不清楚。", requesterId = person, channel = "visit",
        }, Cancel));
        await TicketSteps.StepAsync(office, id, "accept", new { });
        await TicketSteps.StepAsync(office, id, "assign", new { leadUnitId = fixture.Units[TicketUnits.InvestmentTaskForce] });
        var due = await fixture.Tickets.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.ResolutionDue!.Value).SingleAsync(Cancel));
        var clock = new ManualClock(due.AddHours(-5));
        while (!await fixture.Tickets.QueryAsync(db => db.Set<SupervisionOrder>().AnyAsync(o => o.TicketId == id, Cancel)))
        {
            clock.Now = clock.Now.AddHours(1);
            clock.Now.ShouldBeLessThan(due.AddDays(10), "the ladder reaches 督办 within a few working days");
            await EscalationTests.RunLadderAsync(fixture.Tickets, clock);
        }
        // The ladder ran on a clock days ahead, so its events wait in the outbox until their time: make them due now.
        await fixture.Tickets.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET next_attempt_at = {DateTimeOffset.UtcNow} WHERE sent_at IS NULL", Cancel));

        var path = $"/api/reporting/tickets/figures?groupBy=chamber&from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var figures = await Eventually.ReturnsAsync(() => reader.GetFromJsonAsync<JsonElement>(path, Cancel),
            f => f.GetProperty("groups").EnumerateArray().Any(g => g.GetProperty("key").GetString() == chamber.ToString()
                && g.GetProperty("figures").GetProperty("escalations").GetProperty("supervisions").GetInt32() == 1),
            Timeout, "reporting to have the ticket's escalations", Cancel);
        var group = figures.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == chamber.ToString());
        group.GetProperty("label").GetString().ShouldBe(chamberName);
        var mine = group.GetProperty("figures");
        mine.GetProperty("volume").GetInt32().ShouldBe(1);
        mine.GetProperty("escalations").GetProperty("reminders").GetInt32().ShouldBe(1);
        mine.GetProperty("escalations").GetProperty("urges").GetInt32().ShouldBe(1);
        mine.GetProperty("escalations").GetProperty("supervisions").GetInt32().ShouldBe(1);
        mine.GetProperty("acceptedOnTimeRate").GetDouble().ShouldBe(1);
        using (var weekday = await reader.GetAsync("/api/reporting/tickets/figures?groupBy=weekday", Cancel))
        {
            weekday.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await weekday.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("groupBy", out _).ShouldBeTrue();
        }
        (await enterprise.GetAsync("/api/reporting/tickets/figures", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_system_s_figures_count_only_the_tickets_it_filed()
    {
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Tickets, "tickets.read tickets.write");
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Tickets, "enterprise");
        using var systemReader = await fixture.Identity.ClientWithTokenAsync(fixture.Reporting, "reporting.read");
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Reporting, "office");
        await TicketSteps.SubmitAsync(enterprise, "企业自行提交");
        (await system.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("系统提交"), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var filedBySystem = await fixture.Tickets.QueryAsync(db => db.Tickets.CountAsync(t => t.SubmittedBy == IdentityHost.DemoClientId, Cancel));
        var all = await fixture.Tickets.QueryAsync(db => db.Tickets.CountAsync(Cancel));

        await Eventually.ReturnsAsync(() => VolumeAsync(office), n => n == all, Timeout, "reporting to have every ticket", Cancel);
        (await VolumeAsync(systemReader)).ShouldBe(filedBySystem);
        filedBySystem.ShouldBeLessThan(all);
    }

    private async Task<int> VolumeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/figures", Cancel)).GetProperty("total").GetProperty("volume").GetInt32();
}
