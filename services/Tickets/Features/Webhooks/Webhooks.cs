using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>A government system's subscription to status changes of the tickets it filed.</summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 500;

    private WebhookSubscription() { }

    public Guid Id { get; private set; }
    public string Owner { get; private set; } = "";
    public string CallbackUrl { get; private set; } = "";
    /// <summary>The HMAC-SHA256 key, shown to the subscriber once, when the subscription is made.</summary>
    public string Secret { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    public static WebhookSubscription Create(string owner, string callbackUrl, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Owner = owner,
        CallbackUrl = callbackUrl,
        Secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(),
        CreatedAt = now,
    };

    public void Cancel(DateTimeOffset now) => CancelledAt ??= now;
}

/// <summary>
/// One notification to one subscriber, written in the same transaction as the change it reports, then sent by
/// <see cref="WebhookSender"/> with retries. Its id is the X-BrandPlatform-Delivery header, the same on every retry, so a
/// subscriber can discard duplicates; every attempt is logged, with the receiver's status code or one of the fixed
/// <see cref="DeliveryFailures"/>, never text that could name an internal host.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxAttempts = 8;
    public const int ErrorMaxLength = 200;

    private WebhookDelivery() { }

    public Guid Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public Guid TicketId { get; private set; }
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public DateTimeOffset? GaveUpAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>A sender replica's lease on this delivery: no other replica takes it before then.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }
    /// <summary>Which claim holds the lease: a replica whose lease ran out and was taken over cannot record its attempt.</summary>
    public Guid? ClaimToken { get; private set; }

    public static WebhookDelivery For(WebhookSubscription subscription, Ticket ticket, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        return new WebhookDelivery
        {
            Id = id,
            SubscriptionId = subscription.Id,
            TicketId = ticket.Id,
            Payload = JsonSerializer.Serialize(new
            {
                deliveryId = id,
                type = "ticket.status-changed",
                ticketId = ticket.Id,
                number = ticket.Number.Value,
                externalReference = ticket.External?.Reference,
                state = ticket.State.ToCode(),
                version = ticket.Version,
                changedAt = now,
            }),
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>Records an attempt; failures are retried after 10 s, 20 s, 40 s ... (at most an hour apart), eight tries in all.</summary>
    public void Attempted(int? statusCode, string? error, DateTimeOffset now)
    {
        Attempts++;
        ClaimedUntil = null;
        LastStatusCode = statusCode;
        LastError = error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error;
        if (statusCode is >= 200 and < 300)
        {
            DeliveredAt = now;
            return;
        }
        if (Attempts >= MaxAttempts)
        {
            GaveUpAt = now;
            return;
        }
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Attempts - 1)));
    }

    /// <summary>sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}")): the timestamp stops replays of old notifications.</summary>
    public static string Signature(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"))).ToLowerInvariant();
}

/// <summary>What the delivery log says when an attempt got no status code, or one that is not a success.</summary>
public static class DeliveryFailures
{
    public const string Timeout = "timeout";
    public const string ConnectionRefused = "connection refused";
    public const string ConnectionFailed = "connection failed";
    public const string AddressNotAllowed = "address not allowed";
    public const string NameNotResolved = "name not resolved";
    public const string TlsFailed = "tls handshake failed";
    public const string RedirectRefused = "redirect refused";
    public const string ReceiverError = "receiver answered an error";
    public const string RequestFailed = "request failed";
    public const string SubscriptionCancelled = "subscription cancelled";
}

public static class WebhookQueue
{
    /// <summary>Adds a delivery for every active subscription of the system that filed the ticket.</summary>
    public static async Task EnqueueAsync(TicketsDbContext db, Ticket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Set<WebhookSubscription>()
            .Where(s => s.Owner == ticket.SubmittedBy && s.CancelledAt == null).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            db.Add(WebhookDelivery.For(subscription, ticket, now));
        }
    }
}
