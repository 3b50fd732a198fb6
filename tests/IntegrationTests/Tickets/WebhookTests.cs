using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Features.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// A government system subscribes to status changes of its tickets; a receiver that fails once gets the same delivery
/// again, signed, and the delivery log shows both attempts.
/// </summary>
public sealed class WebhookTests(TicketsFixture fixture) : IClassFixture<TicketsFixture>
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Received(string DeliveryId, string Timestamp, string Signature, string Body);

    [Fact]
    public async Task A_status_change_is_delivered_signed_and_retried_with_the_same_delivery_id()
    {
        var received = new ConcurrentQueue<Received>();
        var port = FreePort.Next();
        await using var receiver = WebApplication.Create();
        receiver.Urls.Add($"http://127.0.0.1:{port}");
        receiver.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue(new Received(request.Headers["X-BrandPlatform-Delivery"].ToString(), request.Headers["X-BrandPlatform-Timestamp"].ToString(),
                request.Headers["X-BrandPlatform-Signature"].ToString(), await reader.ReadToEndAsync()));
            return received.Count == 1 ? Results.StatusCode(500) : Results.Ok();
        });
        await receiver.StartAsync(Cancel);

        using var subscribed = await fixture.Client.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = $"http://127.0.0.1:{port}/hook" }, Cancel);
        subscribed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var subscription = await subscribed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var secret = subscription.GetProperty("secret").GetString()!;
        using var created = await fixture.Client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("订阅状态变化"), Cancel);
        var ticketId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var office = await fixture.Identity.ClientForPersonAsync(fixture.Service, "office");
        await TicketSteps.StepAsync(office, ticketId, "accept", new { });

        await Eventually.ReturnsAsync(() => Task.FromResult(received.Count), n => n >= 2, TimeSpan.FromSeconds(40),
            "the failed delivery to be retried", Cancel);

        var attempts = received.ToArray();
        attempts[0].DeliveryId.ShouldBe(attempts[1].DeliveryId);
        foreach (var attempt in attempts)
        {
            attempt.Signature.ShouldBe(WebhookDelivery.Signature(secret, long.Parse(attempt.Timestamp, System.Globalization.CultureInfo.InvariantCulture), attempt.Body));
        }
        var body = JsonDocument.Parse(attempts[1].Body).RootElement;
        body.GetProperty("ticketId").GetGuid().ShouldBe(ticketId);
        body.GetProperty("state").GetString().ShouldBe("accepted");
        body.GetProperty("deliveryId").GetString().ShouldBe(attempts[0].DeliveryId);

        var log = await Eventually.ReturnsAsync(
            () => fixture.Client.AllItemsAsync($"/api/tickets/webhooks/{subscription.GetProperty("id").GetGuid()}/deliveries", Cancel),
            l => l.Count == 1 && l[0].GetProperty("deliveredAt").ValueKind != JsonValueKind.Null, TimeSpan.FromSeconds(10),
            "the delivery log to record the success", Cancel);
        log[0].GetProperty("attempts").GetInt32().ShouldBe(2);
        log[0].GetProperty("lastStatusCode").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task Subscriptions_are_for_government_systems_with_a_proper_callback()
    {
        (await fixture.Client.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = "ftp://example.gov.cn/hook" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        (await enterprise.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = "https://example.gov.cn/hook" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await fixture.Client.GetAsync($"/api/tickets/webhooks/{Guid.NewGuid()}/deliveries", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
