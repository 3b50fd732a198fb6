using System.Text;
using System.Text.Json;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using RabbitMQ.Client;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// A deployment upgraded from one queue per event type: the old queues are cut from the events, what they (and their
/// error queues) still hold reaches the projection's queue, and they are deleted.
/// </summary>
public sealed class RetiredQueuesTests(TestServers servers)
{
    private const string OldQueue = "reporting-ticket-submitted";
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_per_event_queues_of_an_earlier_version_are_emptied_into_the_projection_s_queue_and_deleted()
    {
        var virtualHost = await servers.NewVirtualHostAsync("retired");
        var waiting = Submitted();
        var faulted = Submitted();
        await using (var connection = await new ConnectionFactory { Uri = virtualHost }.CreateConnectionAsync(Cancel))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: Cancel))
        {
            // The topology MassTransit gave the earlier TicketSubmittedConsumer.
            await channel.ExchangeDeclareAsync(EventName(), ExchangeType.Fanout, durable: true, cancellationToken: Cancel);
            await channel.ExchangeDeclareAsync(OldQueue, ExchangeType.Fanout, durable: true, cancellationToken: Cancel);
            await channel.ExchangeBindAsync(OldQueue, EventName(), "", cancellationToken: Cancel);
            await channel.QueueDeclareAsync(OldQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancel);
            await channel.QueueBindAsync(OldQueue, OldQueue, "", cancellationToken: Cancel);
            await channel.QueueDeclareAsync(OldQueue + "_error", durable: true, exclusive: false, autoDelete: false, cancellationToken: Cancel);
            await SendAsync(channel, OldQueue, waiting);
            await SendAsync(channel, OldQueue + "_error", faulted);
        }

        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb",
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = virtualHost.ToString() });
        await reporting.WaitUntilHealthyAsync(Cancel);

        await Eventually.ReturnsAsync(
            () => reporting.QueryAsync(db => db.TicketRecords.CountAsync(t => t.TicketId == waiting.TicketId || t.TicketId == faulted.TicketId, Cancel)),
            n => n == 2, TimeSpan.FromSeconds(30), "both events held by the old queues to be applied", Cancel);
        await Eventually.ReturnsAsync(() => ExistsAsync(virtualHost, OldQueue), exists => !exists, TimeSpan.FromSeconds(30),
            "the old queue to be deleted", Cancel);
        // Deleted right after the old queue, in a step of its own: the management API may list it a moment longer.
        await Eventually.ReturnsAsync(() => ExistsAsync(virtualHost, OldQueue + "_error"), exists => !exists, TimeSpan.FromSeconds(30),
            "the old error queue to be deleted", Cancel);
    }

    private static string EventName() => "tickets.ticket-submitted.v1";

    private static TicketSubmitted Submitted()
    {
        var ticket = Guid.CreateVersion7();
        return new TicketSubmitted
        {
            OccurredAt = DateTimeOffset.UtcNow, AggregateId = ticket, AggregateVersion = 1, TicketId = ticket,
            Number = $"QY-2026-{Random.Shared.Next(1, 999999):D6}", Category = "land", RequesterName = "三明市某某机械有限公司",
            SubmittedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>A message as MassTransit wrote it (its JSON envelope).</summary>
    private async Task SendAsync(IChannel channel, string queue, TicketSubmitted message)
    {
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = message.EventId,
            messageType = new[] { "urn:message:BrandPlatform.Contracts.Tickets:TicketSubmitted" },
            message,
        }, JsonSerializerOptions.Web);
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = message.EventId.ToString(), Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, envelope, Cancel);
    }

    private async Task<bool> ExistsAsync(Uri virtualHost, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = virtualHost }.CreateConnectionAsync(Cancel);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, Cancel);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }
}
