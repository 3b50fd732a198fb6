using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// One trace follows a ticket from the HTTP request, through the outbox and RabbitMQ, into the reporting consumer:
/// what operators see in the dashboard as a single journey.
/// </summary>
public sealed class TracePropagationTests(TestServers servers)
{
    [Fact]
    public async Task The_request_trace_continues_through_the_outbox_and_the_broker_into_the_consumer()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or "BrandPlatform",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var identity = await IdentityHost.SharedAsync(servers);
        var virtualHost = (await servers.NewVirtualHostAsync("trace")).ToString();
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = virtualHost };
        await using var reporting = await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", shared);
        await reporting.WaitUntilHealthyAsync(cancellationToken);
        await using var tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(
            servers, "tickets", "ticketsdb", shared, identity.Backchannel());
        using var client = await identity.ClientWithTokenAsync(tickets, "tickets.write");

        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(TicketRequests.Valid("追踪一张工单")) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request, cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var consume = await Eventually.ReturnsAsync(
            () => Task.FromResult(stopped.FirstOrDefault(a =>
                a.TraceId == traceId && a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer)),
            activity => activity is not null, TimeSpan.FromSeconds(30), "the consumer's span in the request's trace", cancellationToken);

        consume!.DisplayName.ShouldContain("reporting");
        // A problem answer names the trace the dashboard finds it under.
        using var refused = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets/{Guid.NewGuid()}");
        refused.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var notFound = await client.SendAsync(refused, cancellationToken);
        (await notFound.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancellationToken))
            .GetProperty("traceId").GetString().ShouldBe(traceId.ToString());
        // The publish span ends when the broker confirms, which under load can be after the consumer has finished.
        await Eventually.ReturnsAsync(
            () => Task.FromResult(stopped.Any(a => a.TraceId == traceId && a.Source.Name == "BrandPlatform" && a.DisplayName.StartsWith("outbox publish"))),
            found => found, TimeSpan.FromSeconds(30), "the outbox publish span in the request's trace", cancellationToken);
    }
}
