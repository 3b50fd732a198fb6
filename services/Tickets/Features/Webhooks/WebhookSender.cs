using System.Globalization;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>Sends due webhook deliveries, oldest first, and records each attempt.</summary>
public sealed partial class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, ILogger<WebhookSender> logger)
    : BackgroundService
{
    public const string HttpClientName = "webhooks";
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var quiet = PlatformTelemetry.Quiet();
                await SendDueAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
            await Task.Delay(PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        var now = clock.GetUtcNow();
        var due = await (from delivery in db.Set<WebhookDelivery>()
                         join subscription in db.Set<WebhookSubscription>() on delivery.SubscriptionId equals subscription.Id
                         where delivery.DeliveredAt == null && delivery.GaveUpAt == null && delivery.NextAttemptAt <= now
                         orderby delivery.CreatedAt
                         select new { Delivery = delivery, subscription.CallbackUrl, subscription.Secret })
            .Take(50).ToListAsync(cancellationToken);
        var client = http.CreateClient(HttpClientName);
        foreach (var item in due)
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
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
                item.Delivery.Attempted((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase, clock.GetUtcNow());
            }
            catch (HttpRequestException exception)
            {
                item.Delivery.Attempted(null, exception.Message, clock.GetUtcNow());
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                item.Delivery.Attempted(null, "timed out", clock.GetUtcNow());
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook sending failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
