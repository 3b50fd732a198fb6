using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// 我为群众办实事: a resident's problem a member raised during a community service reaches the tickets service through
/// RabbitMQ and is filed once, for the resident, on channel community; the office sees it, routes its 民生 category and
/// reads the resident's phone masked in the requester list.
/// </summary>
public sealed class ResidentProblemsTests(TestServers servers) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IdentityHost identity = null!;
    private ServiceFactory<TicketsDbContext> tickets = null!;
    private IReadOnlyDictionary<string, Guid> units = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        var broker = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("residents")).ToString() };
        tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", broker, identity.Backchannel());
        await tickets.WaitUntilHealthyAsync(Cancel);
        units = await TicketUnits.CopyDirectoryAsync(identity, tickets);
    }

    [Fact]
    public async Task A_resident_s_problem_announced_twice_is_filed_once_for_the_resident_on_channel_community_and_routed_by_its_category()
    {
        var raised = Raised("小区电梯停运三个月", "housing", "王秀英", "139 5080 1234");
        await PublishAsync(raised);
        var ticket = await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.External!.Reference == raised.ProblemId.ToString(), Cancel)),
            t => t is not null, Wait, "the ticket filed for the resident's problem", Cancel);

        // The same problem announced again under another message id: applied (its inbox row is there) without a second ticket.
        var again = raised with { EventId = Guid.CreateVersion7() };
        await PublishAsync(again);
        await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == again.EventId, Cancel)),
            applied => applied, Wait, "the second announcement applied", Cancel);
        (await tickets.QueryAsync(db => db.Tickets.CountAsync(t => t.External!.Source == "community" && t.External.Reference == raised.ProblemId.ToString(), Cancel)))
            .ShouldBe(1);

        ticket!.Channel.ShouldBe(TicketChannel.Community);
        ticket.Category.ShouldBe(Platform.Programme.TicketCategory.Housing);
        ticket.RequesterKind.ShouldBe(RequesterKind.Person);
        ticket.RequesterName.ShouldBe("王秀英");
        ticket.UnifiedSocialCreditCode.ShouldBeNull();
        ticket.SubmittedBy.ShouldBe(raised.RaisedById.ToString());

        using var office = await identity.ClientForPersonAsync(tickets, "office");
        var filed = await office.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket.Id}", Cancel);
        filed.GetProperty("channel").GetString().ShouldBe("community");
        filed.GetProperty("category").GetString().ShouldBe("housing");
        filed.GetProperty("requesterKind").GetString().ShouldBe("person");
        filed.GetProperty("requesterName").GetString().ShouldBe("王秀英");
        filed.GetRawText().ShouldNotContain("1395080");

        // The resident's phone is the contact a handler calls back: masked in the list, whole in the profile.
        var listed = await office.GetFromJsonAsync<JsonElement>("/api/tickets/requesters?q=王秀英", Cancel);
        var profile = listed.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == ticket.RequesterId);
        profile.GetProperty("personCategory").GetString().ShouldBe("resident");
        profile.GetProperty("contacts")[0].GetProperty("phone").GetString().ShouldBe("139****1234");
        var whole = await office.GetFromJsonAsync<JsonElement>($"/api/tickets/requesters/{ticket.RequesterId}", Cancel);
        whole.GetProperty("contacts")[0].GetProperty("phone").GetString().ShouldBe("13950801234");

        // Another problem of the same resident (the same name and phone) is filed for the same profile.
        var second = Raised("楼道堆放杂物", "publicSafety", " 王秀英 ", "13950801234");
        await PublishAsync(second);
        var secondTicket = await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.External!.Reference == second.ProblemId.ToString(), Cancel)),
            t => t is not null, Wait, "the resident's second ticket", Cancel);
        secondTicket!.RequesterId.ShouldBe(ticket.RequesterId);
        secondTicket.Category.ShouldBe(Platform.Programme.TicketCategory.PublicSafety);

        // 归口: housing goes to the unit the office names, and an assignment without a lead unit uses it.
        var department = units[TicketUnits.Office];
        using (var routed = await office.PutAsJsonAsync("/api/tickets/routing/housing", new { unitId = department }, Cancel))
        {
            routed.StatusCode.ShouldBe(HttpStatusCode.OK, await routed.Content.ReadAsStringAsync(Cancel));
        }
        var table = await office.GetFromJsonAsync<JsonElement>("/api/tickets/routing", Cancel);
        table.EnumerateArray().Single(r => r.GetProperty("category").GetString() == "housing").GetProperty("unitId").GetGuid().ShouldBe(department);
        await TicketSteps.StepAsync(office, ticket.Id, "accept", new { });
        using var assigned = await TicketSteps.SendStepAsync(office, ticket.Id, "assign", new { }, null);
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync(Cancel));
        (await assigned.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("leadUnitId").GetGuid().ShouldBe(department, "归口 by the routing table");
    }

    [Fact]
    public async Task A_category_the_tickets_service_does_not_know_is_filed_as_other()
    {
        var raised = Raised("邻里纠纷调解", "neighbourhood", "李建国", "0598-8231234");
        await PublishAsync(raised);
        var ticket = await Eventually.ReturnsAsync(
            () => tickets.QueryAsync(db => db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.External!.Reference == raised.ProblemId.ToString(), Cancel)),
            t => t is not null, Wait, "the ticket filed for the resident's problem", Cancel);
        ticket!.Category.ShouldBe(Platform.Programme.TicketCategory.Other);
        ticket.Channel.ShouldBe(TicketChannel.Community);
    }

    private static ResidentProblemRaised Raised(string title, string category, string resident, string phone)
    {
        var problem = Guid.CreateVersion7();
        return new ResidentProblemRaised
        {
            OccurredAt = DateTimeOffset.UtcNow, AggregateId = problem, AggregateVersion = 1, ProblemId = problem, ServiceId = Guid.CreateVersion7(),
            Title = title, Category = category, Description = "社区服务中群众反映：" + title + "，希望尽快协调解决。",
            ResidentName = resident, ResidentPhone = phone, CommunityId = Guid.CreateVersion7(), CommunityName = "列东街道东安社区",
            RaisedById = Guid.CreateVersion7(), RaisedByName = "第一党支部党员",
        };
    }

    private Task PublishAsync(ResidentProblemRaised problem) =>
        tickets.Services.GetRequiredService<IBus>().Publish(problem, context => context.MessageId = problem.EventId, Cancel);

    public async ValueTask DisposeAsync() => await tickets.DisposeAsync();
}
