using System.Globalization;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>Sends due webhook deliveries, oldest first, and records each attempt.</summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, ILogger<WebhookSender> logger)
    : PeriodicWork(scopes, clock, logger)
{
    public const string HttpClientName = "webhooks";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TicketsDbContext>();
        var now = Clock.GetUtcNow();
        var due = await (from delivery in db.Set<WebhookDelivery>()
                         join subscription in db.Set<WebhookSubscription>() on delivery.SubscriptionId equals subscription.Id
                         where delivery.DeliveredAt == null && delivery.GaveUpAt == null && delivery.NextAttemptAt <= now
                         orderby delivery.CreatedAt
                         select new { Delivery = delivery, subscription.CallbackUrl, subscription.Secret })
            .Take(50).ToListAsync(cancellationToken);
        var client = http.CreateClient(HttpClientName);
        foreach (var item in due)
        {
            var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, item.CallbackUrl)
            {
                Content = new StringContent(item.Delivery.Payload, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-BrandPlatform-Delivery", item.Delivery.Id.ToString());
            request.Headers.Add("X-BrandPlatform-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-BrandPlatform-Signature", WebhookDelivery.Signature(item.Secret, timestamp, item.Delivery.Payload));
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                item.Delivery.Attempted((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase, Clock.GetUtcNow());
            }
            catch (HttpRequestException exception)
            {
                item.Delivery.Attempted(null, exception.Message, Clock.GetUtcNow());
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                item.Delivery.Attempted(null, "timed out", Clock.GetUtcNow());
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
