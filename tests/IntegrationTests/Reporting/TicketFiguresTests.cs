using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

public sealed class TicketFiguresTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_redelivered_event_is_counted_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var submitted = NewTicketSubmitted("land");

        await PublishAsync(submitted, submitted.EventId);
        await PublishAsync(submitted, submitted.EventId);
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Consumed.Completed(submitted.EventId)), n => n == 2, Timeout,
            "both deliveries to be consumed", cancellationToken);

        (await fixture.Service.QueryAsync(db => db.TicketRecords.CountAsync(t => t.TicketId == submitted.TicketId, cancellationToken))).ShouldBe(1);
        (await PositionAsync(submitted.TicketId)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_ticket_announced_under_two_message_ids_is_one_ticket()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var submitted = NewTicketSubmitted("policy");
        var again = submitted with { EventId = Guid.NewGuid() };

        await PublishAsync(submitted, submitted.EventId);
        await PublishAsync(again, again.EventId);
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Consumed.Completed(submitted.EventId) + fixture.Consumed.Completed(again.EventId)),
            n => n == 2, Timeout, "both messages to be consumed", cancellationToken);

        (await fixture.Service.QueryAsync(db => db.TicketRecords.CountAsync(t => t.TicketId == submitted.TicketId, cancellationToken))).ShouldBe(1);
    }

    [Fact]
    public async Task A_ticket_s_events_published_backwards_through_the_broker_give_the_record_of_the_ticket_s_order()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sequence = TicketEventSequence.Of(Guid.CreateVersion7());

        foreach (var e in sequence.Reverse())
        {
            await PublishAsync(e, e.EventId);
        }

        await Eventually.ReturnsAsync(() => PositionAsync(sequence[0].TicketId), v => v == sequence.Length, Timeout,
            "every event of the ticket to be applied", cancellationToken);
        var record = await fixture.Service.QueryAsync(db => db.TicketRecords.AsNoTracking().SingleAsync(t => t.TicketId == sequence[0].TicketId, cancellationToken));
        TicketEventSequence.Describe(record).ShouldBe(TicketEventSequence.Describe(TicketEventSequence.InOrder(sequence)));
        record.State.ShouldBe("confirmed");
    }

    [Fact]
    public async Task Operators_see_what_waits_behind_a_gap_until_it_fills()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var sequence = TicketEventSequence.Of(Guid.CreateVersion7());
        var ticket = sequence[0].TicketId;
        using var operatorClient = await OperatorClientAsync();

        await PublishAsync(sequence[0], sequence[0].EventId);
        await PublishAsync(sequence[2], sequence[2].EventId);
        // Two deliveries may arrive in either order: wait until the first is applied and the third is held behind the gap.
        var held = await Eventually.ReturnsAsync(() => HeldAsync(operatorClient, ticket),
            h => h is { } listed && listed.GetProperty("appliedVersion").GetInt64() == 1, Timeout,
            "the event after the gap to be listed as held behind the applied first", cancellationToken);
        held!.Value.GetProperty("projection").GetString().ShouldBe("ticket-records");
        held.Value.GetProperty("appliedVersion").GetInt64().ShouldBe(1);
        held.Value.GetProperty("waitingFor").GetInt64().ShouldBe(2);
        held.Value.GetProperty("held").GetInt32().ShouldBe(1);
        (await ProjectionsHealthAsync()).ShouldBe("Degraded");

        await PublishAsync(sequence[1], sequence[1].EventId);
        await Eventually.ReturnsAsync(() => PositionAsync(ticket), v => v == 3, Timeout, "the gap to fill", cancellationToken);
        (await HeldAsync(operatorClient, ticket)).ShouldBeNull();
        (await ProjectionsHealthAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_summary_counts_per_category()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var relocationBefore = await RelocationCountAsync();

        var first = NewTicketSubmitted("relocation");
        var second = NewTicketSubmitted("relocation");
        await PublishAsync(first, first.EventId);
        await PublishAsync(second, second.EventId);

        await Eventually.ReturnsAsync(RelocationCountAsync, n => n == relocationBefore + 2, Timeout, "two more relocation tickets", cancellationToken);

        async Task<int> RelocationCountAsync() =>
            (await fixture.Client.GetFromJsonAsync<JsonElement>("/api/reporting/tickets/summary", cancellationToken))
                .GetProperty("byCategory").TryGetProperty("relocation", out var count) ? count.GetInt32() : 0;
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_parked_in_the_error_queue_without_writing_and_can_be_replayed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // A number longer than the column allows: the database refuses the write on every attempt.
        var poison = NewTicketSubmitted("other") with { Number = new string('9', 50) };

        await PublishAsync(poison, poison.EventId);

        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Consumed.Faulted(poison.EventId)), n => n >= 1, Timeout,
            "the consumer to give up", cancellationToken);
        await Eventually.ReturnsAsync(() => fixture.Servers.QueueDepthAsync(VirtualHost, "reporting-ticket-records_error"),
            n => n >= 1, Timeout, "the message to reach the error queue", cancellationToken);
        (await fixture.Service.QueryAsync(db => db.TicketRecords.CountAsync(t => t.TicketId == poison.TicketId, cancellationToken))).ShouldBe(0);
        (await fixture.Service.QueryAsync(db => db.Set<ProjectionPosition>().CountAsync(p => p.AggregateId == poison.TicketId, cancellationToken))).ShouldBe(0);

        // An operator, signed in with the operations scope, replays the error queue.
        using var operatorClient = await OperatorClientAsync();
        using var replay = await operatorClient.PostAsync("/ops/error-queues/replay", null, cancellationToken);
        replay.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var replayed = await replay.Content.ReadFromJsonAsync<Dictionary<string, int>>(cancellationToken);
        replayed!["reporting-ticket-records"].ShouldBeGreaterThanOrEqualTo(1);
        // Still poison, so it is consumed again and fails again: the replay delivered it to the consumer.
        await Eventually.ReturnsAsync(() => Task.FromResult(fixture.Consumed.Faulted(poison.EventId)), n => n >= 2, Timeout,
            "the replayed message to be consumed again", cancellationToken);
    }

    private Uri VirtualHost => new(fixture.Service.Settings["ConnectionStrings:messaging"]!);

    private Task PublishAsync(TicketEvent message, Guid messageId) =>
        fixture.Bus.Publish(message, message.GetType(), context => context.MessageId = messageId, TestContext.Current.CancellationToken);

    private Task<long> PositionAsync(Guid ticket) => fixture.Service.QueryAsync(db => db.Set<ProjectionPosition>()
        .Where(p => p.AggregateId == ticket).Select(p => p.Version).SingleOrDefaultAsync(TestContext.Current.CancellationToken));

    private async Task<HttpClient> OperatorClientAsync()
    {
        var operatorToken = (await fixture.Identity.SignInAsync("operator", IdentityHost.DevelopmentPassword, "openid operations"))
            .GetProperty("access_token").GetString()!;
        return IdentityHost.WithBearer(fixture.Service.CreateClient(), operatorToken);
    }

    private async Task<string?> ProjectionsHealthAsync()
    {
        using var client = fixture.Service.CreateClient();
        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return report.GetProperty("entries").GetProperty("projections").GetProperty("status").GetString();
    }

    private static async Task<JsonElement?> HeldAsync(HttpClient operatorClient, Guid aggregate)
    {
        var held = await operatorClient.GetFromJsonAsync<JsonElement>(HeldEvents.Path, TestContext.Current.CancellationToken);
        return held.EnumerateArray().Where(h => h.GetProperty("aggregateId").GetGuid() == aggregate).Select(h => (JsonElement?)h).FirstOrDefault();
    }

    private static TicketSubmitted NewTicketSubmitted(string category)
    {
        var now = DateTimeOffset.UtcNow;
        var ticket = Guid.NewGuid();
        return new TicketSubmitted
        {
            OccurredAt = now,
            AggregateId = ticket,
            AggregateVersion = 1,
            TicketId = ticket,
            Number = $"QY-2026-{Random.Shared.Next(1, 999999):D6}",
            Category = category,
            RequesterName = "三明市某某机械有限公司",
            EnterpriseCode = "91350100M000100Y43",
            SubmittedAt = now,
        };
    }
}
