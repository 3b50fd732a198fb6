using System.Globalization;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Features.Audit;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>
/// Government systems subscribe to status changes of the tickets they filed. Each notification is a POST of JSON with
/// X-BrandPlatform-Delivery (unique, the same on retries), X-BrandPlatform-Timestamp and X-BrandPlatform-Signature
/// (sha256=HMAC-SHA256 of "{timestamp}.{body}" with the subscription's secret); non-2xx answers are retried with back-off.
/// A callback must be a public https address (<see cref="CallbackAddresses"/>); a client holds a bounded number of
/// active subscriptions.
/// </summary>
public static class WebhookEndpoints
{
    public sealed record SubscribeRequest(string? CallbackUrl);

    public sealed record SubscriptionResponse(Guid Id, string CallbackUrl, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt, string? Secret);

    public sealed record DeliveryResponse(
        Guid Id, Guid TicketId, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? DeliveredAt, DateTimeOffset? GaveUpAt,
        DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError);

    public sealed class SubscribeValidator : AbstractValidator<SubscribeRequest>
    {
        public SubscribeValidator(CallbackAddresses callbacks)
        {
            RuleFor(r => r.CallbackUrl).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength)
                .CustomAsync(async (url, context, cancellationToken) =>
                {
                    if (await callbacks.RefusalAsync(url!, cancellationToken) is { } refusal)
                    {
                        context.AddFailure(CallbackAddresses.Message(refusal));
                    }
                });
        }
    }

    /// <summary>Only government systems subscribe: people have the portal.</summary>
    private static readonly string[] Scopes = [TicketAccess.ReadScope, TicketAccess.WriteScope];

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder tickets)
    {
        var webhooks = tickets.MapGroup("/webhooks");
        webhooks.MapPost("/", SubscribeAsync).Validate<SubscribeRequest>().RequireAccess(Scopes)
            .WithName("SubscribeWebhook").WithSummary("Subscribe to status changes of the tickets this system filed; the answer shows the signing secret once");
        webhooks.MapGet("/", ListAsync).RequireAccess(Scopes)
            .WithName("ListWebhooks").WithSummary("This system's subscriptions, cancelled ones included, oldest first; follow 'next'");
        webhooks.MapDelete("/{id:guid}", CancelAsync).RequireAccess(Scopes)
            .WithName("CancelWebhook").WithSummary("Stop a subscription (its delivery log stays readable)");
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).RequireAccess(Scopes)
            .WithName("ListWebhookDeliveries").WithSummary("The delivery log: each notification with its attempts and last answer");
        return tickets;
    }

    internal static async Task<Results<Created<SubscriptionResponse>, ProblemHttpResult>> SubscribeAsync(
        SubscribeRequest request, HttpContext context, TicketsDbContext db, IOptions<WebhookOptions> options, AuditTrail audit,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = context.Caller().Subject;
        var limit = options.Value.MaxActiveSubscriptionsPerClient;
        var subscription = await db.InTransactionAsync(async ct =>
        {
            // One client's subscribe requests take turns, so concurrent ones cannot both pass the count.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"webhook-subscriptions:" + owner}))", ct);
            if (await db.Set<WebhookSubscription>().CountAsync(s => s.Owner == owner && s.CancelledAt == null, ct) >= limit)
            {
                return null;
            }
            var created = WebhookSubscription.Create(owner, request.CallbackUrl!, clock.GetUtcNow());
            db.Add(created);
            audit.Record(TicketsAudit.WebhookSubscribed, true, created.Id.ToString(), created.CallbackUrl);
            return created;
        }, cancellationToken);
        if (subscription is null)
        {
            return LimitReached(limit);
        }
        return TypedResults.Created($"/api/tickets/webhooks/{subscription.Id}",
            new SubscriptionResponse(subscription.Id, subscription.CallbackUrl, subscription.CreatedAt, null, subscription.Secret));
    }

    internal static async Task<Results<Ok<Page<SubscriptionResponse>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var owner = context.Caller().Subject;
        var page = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Owner == owner)
            .PageAsync(paging, s => s.CreatedAt, s => s.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(s => new SubscriptionResponse(s.Id, s.CallbackUrl, s.CreatedAt, s.CancelledAt, null)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        Guid id, HttpContext context, TicketsDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = context.Caller().Subject;
        var subscription = await db.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == id && s.Owner == owner, cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        subscription.Cancel(now);
        audit.Record(TicketsAudit.WebhookCancelled, true, subscription.Id.ToString(), subscription.CallbackUrl);
        await db.SaveChangesAsync(cancellationToken);
        // The sender already skips a cancelled subscription; marking its pending deliveries shows that in the log.
        await db.Set<WebhookDelivery>()
            .Where(d => d.SubscriptionId == id && d.DeliveredAt == null && d.GaveUpAt == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.GaveUpAt, now).SetProperty(x => x.LastError, DeliveryFailures.SubscriptionCancelled), cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<Page<DeliveryResponse>>, ValidationProblem, ProblemHttpResult>> DeliveriesAsync(
        Guid id, string? cursor, int? limit, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var owner = context.Caller().Subject;
        if (!await db.Set<WebhookSubscription>().AnyAsync(s => s.Id == id && s.Owner == owner, cancellationToken))
        {
            return NotFound();
        }
        var page = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id)
            .PageAsync(paging, d => d.CreatedAt, d => d.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(d =>
            new DeliveryResponse(d.Id, d.TicketId, d.CreatedAt, d.Attempts, d.DeliveredAt, d.GaveUpAt, d.NextAttemptAt, d.LastStatusCode, d.LastError)));
    }

    internal static ProblemHttpResult LimitReached(int limit) => TypedResults.Problem(title: TicketApiTexts.SubscriptionLimit_Title,
        statusCode: StatusCodes.Status409Conflict, detail: string.Format(CultureInfo.CurrentCulture, TicketApiTexts.SubscriptionLimit_Detail, limit));

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: TicketApiTexts.SubscriptionNotFound_Title, detail: TicketApiTexts.SubscriptionNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
