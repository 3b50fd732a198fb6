using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Liaison;

/// <summary>
/// Liaison and tickets on one broker: a cadre records a 四访四通 visit and the financing problem the entrepreneur raised;
/// the tickets service files it as a ticket on the enterprise's behalf (channel visit, the problem as its external
/// reference), and the visit shows the ticket's number and follows its state. A problem raised at an engagement event
/// is filed the same way, with channel event.
/// </summary>
public sealed class VisitsToTicketsTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<TicketsDbContext> tickets = null!;
    private ServiceFactory<LiaisonDbContext> liaison = null!;
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("visits")).ToString() };
        tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", broker, identity.Backchannel());
        liaison = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", broker, identity.Backchannel(),
            configureServices: services => services.UseMovedClock(clock));
        await TicketUnits.CopyDirectoryAsync(identity, tickets);
    }

    [Fact]
    public async Task A_problem_raised_on_a_visit_becomes_a_ticket_in_the_office_s_queue_linked_both_ways()
    {
        var member = Guid.Parse(IdentityHost.JwtPayload(await identity.PersonTokenAsync("member")).GetProperty("sub").GetString()!);
        await LiaisonWorld.PutOnRosterAsync(liaison.Services, member, Guid.CreateVersion7(), "第一党支部党员", Cancel);
        var office = await identity.ClientForPersonAsync(liaison, "office");
        var chamber = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/organisations",
            new { name = "走访商会" + Guid.NewGuid().ToString("N")[..6], category = "chamberOfCommerce" }, Cancel));
        var contact = await LiaisonWorld.CreatedIdAsync(await office.PostAsJsonAsync("/api/liaison/contacts", new
        {
            name = "陈志强", category = "privateEntrepreneur", organisationId = chamber, enterpriseName = "三明市某某科技有限公司",
            enterpriseCreditCode = TicketRequests.ValidCreditCode, phone = "13812345678", responsibleCadreId = member,
        }, Cancel));

        var cadre = await identity.ClientForPersonAsync(liaison, "member");
        using var recorded = await cadre.PostAsJsonAsync("/api/liaison/visits", new
        {
            kind = "fourVisitsToEnterprises", visitedOn = ChinaCalendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            place = "企业生产车间", contactIds = new[] { contact }, findings = "订单增长，扩产缺少流动资金。",
            problems = new[] { new { contactId = contact, title = "扩产流动资金贷款需求", category = "financing", description = "申请流动资金贷款500万元，希望协调银行对接。" } },
        }, Cancel);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Cancel));
        var visit = await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var problem = visit.GetProperty("problems")[0].GetProperty("id").GetGuid();

        var ticket = await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.External!.Reference == problem.ToString(), Cancel)),
            t => t is not null, Wait, "the ticket filed for the problem", Cancel);
        ticket!.Channel.ShouldBe(BrandPlatform.Tickets.Domain.TicketChannel.Visit);
        ticket.External!.Source.ShouldBe("liaison");
        ticket.UnifiedSocialCreditCode.ShouldBe(TicketRequests.ValidCreditCode);
        ticket.Title.ShouldBe("扩产流动资金贷款需求");

        var ticketsOffice = await identity.ClientForPersonAsync(tickets, "office");
        var queue = await ticketsOffice.GetFromJsonAsync<JsonElement>("/api/tickets?state=submitted&limit=200", Cancel);
        queue.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("ticket").GetProperty("id").GetGuid()).ShouldContain(ticket.Id);
        var filed = await ticketsOffice.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket.Id}", Cancel);
        filed.GetProperty("channel").GetString().ShouldBe("visit");

        var linked = await Eventually.ReturnsAsync(
            () => cadre.GetFromJsonAsync<JsonElement>($"/api/liaison/visits/{visit.GetProperty("id").GetGuid()}", Cancel),
            v => v.GetProperty("problems")[0].GetProperty("ticketNumber").ValueKind == JsonValueKind.String, Wait, "the visit linked to its ticket", Cancel);
        linked.GetProperty("problems")[0].GetProperty("ticketNumber").GetString().ShouldBe(ticket.Number.ToString());
        linked.GetProperty("problems")[0].GetProperty("ticketId").GetGuid().ShouldBe(ticket.Id);
        linked.GetProperty("problems")[0].GetProperty("ticketState").GetString().ShouldBe("submitted");

        await TicketSteps.StepAsync(ticketsOffice, ticket.Id, "accept", new { });
        await Eventually.ReturnsAsync(
            () => cadre.GetFromJsonAsync<JsonElement>($"/api/liaison/visits/{visit.GetProperty("id").GetGuid()}", Cancel),
            v => v.GetProperty("problems")[0].GetProperty("ticketState").GetString() == "accepted", Wait, "the visit following its ticket", Cancel);
    }

    [Fact]
    public async Task A_problem_an_enterprise_raised_at_a_bank_enterprise_matching_becomes_a_ticket_on_channel_event_and_the_outcome_follows_it()
    {
        var office = await identity.ClientForPersonAsync(liaison, "office");
        var day = ChinaCalendar.DateOf(clock.GetUtcNow()).AddDays(1);
        using var announced = await office.PostAsJsonAsync("/api/liaison/events", new
        {
            series = "bankEnterpriseMatching", title = "银企对接会" + Guid.NewGuid().ToString("N")[..6],
            startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8)), place = "市民中心", leaders = Array.Empty<string>(),
        }, Cancel);
        announced.StatusCode.ShouldBe(HttpStatusCode.Created, await announced.Content.ReadAsStringAsync(Cancel));
        var engagement = (await announced.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var registered = await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new
        {
            kind = "enterprise", organisationName = "三明市某某科技有限公司", creditCode = TicketRequests.ValidCreditCode, attendeeName = "陈志强",
            need = "技改项目贷款", needAmount = 800,
        }, Cancel);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(Cancel));
        var registration = (await registered.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        using (var held = await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/held", new { attended = new[] { registration }, summary = "现场对接。" }, Cancel))
        {
            held.StatusCode.ShouldBe(HttpStatusCode.OK, await held.Content.ReadAsStringAsync(Cancel));
        }
        using var recorded = await office.PostAsJsonAsync($"/api/liaison/events/{engagement}/outcomes", new
        {
            kind = "problemRaised", enterpriseRegistrationId = registration,
            problem = new { title = "技改项目用地指标", category = "land", description = "技改扩建需新增用地约10亩，请协调用地指标。" },
        }, Cancel);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Cancel));
        var problem = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("problemId").GetGuid();

        var ticket = await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.External!.Reference == problem.ToString(), Cancel)),
            t => t is not null, Wait, "the ticket filed for the event's problem", Cancel);
        ticket!.Channel.ShouldBe(BrandPlatform.Tickets.Domain.TicketChannel.Event);
        ticket.UnifiedSocialCreditCode.ShouldBe(TicketRequests.ValidCreditCode);
        var outcome = await Eventually.ReturnsAsync(
            () => office.GetFromJsonAsync<JsonElement>($"/api/liaison/events/{engagement}", Cancel),
            e => e.GetProperty("outcomes")[0].GetProperty("ticketNumber").ValueKind == JsonValueKind.String, Wait, "the outcome linked to its ticket", Cancel);
        outcome.GetProperty("outcomes")[0].GetProperty("ticketNumber").GetString().ShouldBe(ticket.Number.ToString());
        outcome.GetProperty("outcomes")[0].GetProperty("problemTitle").GetString().ShouldBe("技改项目用地指标");
    }

    public async ValueTask DisposeAsync()
    {
        await liaison.DisposeAsync();
        await tickets.DisposeAsync();
    }
}
