using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Webhooks;

/// <summary>
/// Government systems subscribe to status changes of the tickets they filed. Each notification is a POST of JSON with
/// X-BrandPlatform-Delivery (unique, the same on retries), X-BrandPlatform-Timestamp and X-BrandPlatform-Signature
/// (sha256=HMAC-SHA256 of "{timestamp}.{body}" with the subscription's secret); non-2xx answers are retried with back-off.
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
        public SubscribeValidator(IHostEnvironment environment)
        {
            RuleFor(r => r.CallbackUrl).NotEmpty().MaximumLength(WebhookSubscription.UrlMaxLength)
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment())))
                .WithMessage("回调地址须为 https 绝对地址");
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
            .WithName("ListWebhooks").WithSummary("This system's subscriptions");
        webhooks.MapDelete("/{id:guid}", CancelAsync).RequireAccess(Scopes)
            .WithName("CancelWebhook").WithSummary("Stop a subscription (its delivery log stays readable)");
        webhooks.MapGet("/{id:guid}/deliveries", DeliveriesAsync).RequireAccess(Scopes)
            .WithName("ListWebhookDeliveries").WithSummary("The delivery log: each notification with its attempts and last answer");
        return tickets;
    }

    internal static async Task<Created<SubscriptionResponse>> SubscribeAsync(
        SubscribeRequest request, HttpContext context, TicketsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = WebhookSubscription.Create(context.Caller().Subject, request.CallbackUrl!, clock.GetUtcNow());
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/tickets/webhooks/{subscription.Id}",
            new SubscriptionResponse(subscription.Id, subscription.CallbackUrl, subscription.CreatedAt, null, subscription.Secret));
    }

    internal static async Task<Ok<List<SubscriptionResponse>>> ListAsync(HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        var owner = context.Caller().Subject;
        return TypedResults.Ok(await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Owner == owner).OrderBy(s => s.CreatedAt)
            .Select(s => new SubscriptionResponse(s.Id, s.CallbackUrl, s.CreatedAt, s.CancelledAt, null)).ToListAsync(cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        Guid id, HttpContext context, TicketsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var owner = context.Caller().Subject;
        var subscription = await db.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == id && s.Owner == owner, cancellationToken);
        if (subscription is null)
        {
            return NotFound(id);
        }
        subscription.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
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
            return NotFound(id);
        }
        var page = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id)
            .PageAsync(paging, d => d.CreatedAt, d => d.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(d =>
            new DeliveryResponse(d.Id, d.TicketId, d.CreatedAt, d.Attempts, d.DeliveredAt, d.GaveUpAt, d.NextAttemptAt, d.LastStatusCode, d.LastError)));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "订阅不存在", detail: $"No subscription of this system has id {id}.", statusCode: StatusCodes.Status404NotFound);
}
