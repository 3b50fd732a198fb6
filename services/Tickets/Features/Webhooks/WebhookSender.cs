using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using BrandPlatform.Platform.Hosting;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>
/// Sends due webhook deliveries and records each attempt. Every pass claims as many due deliveries as there are free
/// sending slots, at most one per subscription, with FOR UPDATE SKIP LOCKED and a lease (claimed_until), so replicas of
/// the service never send one delivery twice and a crashed replica's claims are taken again when the lease runs out.
/// Sends run in parallel and each records its own result, so a slow or failing receiver holds one slot and delays no one else.
/// </summary>
public sealed partial class WebhookSender(
    IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger)
    : PeriodicWork(scopes, clock, logger)
{
    public const string HttpClientName = "webhooks";

    private readonly WebhookOptions settings = options.Value;
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.Parallelism));
    private readonly ConcurrentDictionary<Guid, Task> sending = new();

    protected override TimeSpan Interval => settings.PollInterval;

    protected override bool OnEveryReplica => true;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var free = slots.CurrentCount;
        if (free == 0)
        {
            return;
        }
        var db = services.GetRequiredService<TicketsDbContext>();
        var now = Clock.GetUtcNow();
        var claimedUntil = now + settings.ClaimLease;
        var claim = Guid.CreateVersion7(now);
        var claimed = await db.Set<WebhookDelivery>().FromSql($"""
            UPDATE webhook_deliveries AS d SET claimed_until = {claimedUntil}, claim_token = {claim}
            WHERE d.id IN (
                SELECT c.id FROM webhook_deliveries AS c
                WHERE c.id IN (
                        SELECT DISTINCT ON (w.subscription_id) w.id
                        FROM webhook_deliveries AS w
                        JOIN webhook_subscriptions AS s ON s.id = w.subscription_id AND s.cancelled_at IS NULL
                        WHERE w.delivered_at IS NULL AND w.gave_up_at IS NULL AND w.next_attempt_at <= {now}
                          AND NOT EXISTS (
                              SELECT 1 FROM webhook_deliveries AS f
                              WHERE f.subscription_id = w.subscription_id AND f.delivered_at IS NULL AND f.gave_up_at IS NULL
                                AND f.claimed_until > {now})
                        ORDER BY w.subscription_id, w.next_attempt_at, w.created_at)
                  AND c.delivered_at IS NULL AND c.gave_up_at IS NULL AND c.next_attempt_at <= {now}
                  AND (c.claimed_until IS NULL OR c.claimed_until <= {now})
                ORDER BY c.next_attempt_at
                LIMIT {free}
                FOR UPDATE SKIP LOCKED)
            RETURNING d.*
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return;
        }
        var subscriptionIds = claimed.Select(d => d.SubscriptionId).ToList();
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => subscriptionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var delivery in claimed)
        {
            await slots.WaitAsync(cancellationToken);
            sending[delivery.Id] = Task.Run(async () =>
            {
                try
                {
                    await SendAsync(delivery, subscriptions[delivery.SubscriptionId], cancellationToken);
                }
                finally
                {
                    sending.TryRemove(delivery.Id, out _);
                    slots.Release();
                }
            }, CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Sends stop with the service; an unrecorded attempt stays claimed until its lease ends, then is sent again.
        await Task.WhenAll(sending.Values).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken stopping)
    {
        var (statusCode, failure) = await PostAsync(delivery, subscription, stopping);
        if (stopping.IsCancellationRequested)
        {
            return;
        }
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        db.Attach(delivery);
        delivery.Attempted(statusCode, failure, Clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(stopping);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogClaimLost(Logger, delivery.Id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRecordFailed(Logger, delivery.Id, exception);
        }
    }

    /// <summary>One POST; the answer's body is never read, redirects are not followed, and a failure is named by category only.</summary>
    private async Task<(int? StatusCode, string? Failure)> PostAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken stopping)
    {
        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.CallbackUrl)
        {
            Content = new StringContent(delivery.Payload, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-BrandPlatform-Delivery", delivery.Id.ToString());
        request.Headers.Add("X-BrandPlatform-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-BrandPlatform-Signature", WebhookDelivery.Signature(subscription.Secret, timestamp, delivery.Payload));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stopping);
            var code = (int)response.StatusCode;
            return (code, code switch
            {
                >= 200 and < 300 => null,
                >= 300 and < 400 => DeliveryFailures.RedirectRefused,
                _ => DeliveryFailures.ReceiverError,
            });
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (null, DeliveryFailures.Timeout);
        }
        catch (HttpRequestException exception)
        {
            return (null, Categorise(exception));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(Logger, delivery.Id, exception);
            return (null, DeliveryFailures.RequestFailed);
        }
    }

    private static string Categorise(HttpRequestException exception) => exception switch
    {
        { InnerException: CallbackAddressRefusedException } => DeliveryFailures.AddressNotAllowed,
        { HttpRequestError: HttpRequestError.NameResolutionError } => DeliveryFailures.NameNotResolved,
        { InnerException: SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } } =>
            DeliveryFailures.NameNotResolved,
        { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => DeliveryFailures.ConnectionRefused,
        { HttpRequestError: HttpRequestError.SecureConnectionError } => DeliveryFailures.TlsFailed,
        { HttpRequestError: HttpRequestError.ConnectionError } => DeliveryFailures.ConnectionFailed,
        _ => DeliveryFailures.RequestFailed,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: the claim ran out and another sender took it; its attempt is not recorded here")]
    private static partial void LogClaimLost(ILogger logger, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: recording the attempt failed; it is sent again when its claim runs out")]
    private static partial void LogRecordFailed(ILogger logger, Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: the request failed")]
    private static partial void LogSendFailed(ILogger logger, Guid deliveryId, Exception exception);
}
