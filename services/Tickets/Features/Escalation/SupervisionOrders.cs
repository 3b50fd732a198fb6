using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Audit;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Escalation;

/// <summary>
/// 督办单: a liaison leader's escalation inbox, the leader's instructions and the handling unit's answer, each recorded.
/// People only: a government system neither reads orders nor writes a leader's instructions or a unit's answer.
/// </summary>
public static class SupervisionOrders
{
    /// <param name="Instructions">The latest instructions; <paramref name="History"/> keeps every one, oldest first.</param>
    public sealed record OrderResponse(
        Guid Id, Guid TicketId, string TicketNumber, string TicketTitle, Guid? LeaderId, DateTimeOffset IssuedAt,
        string? Instructions, DateTimeOffset? InstructedAt, string? Answer, DateTimeOffset? AnsweredAt, IReadOnlyList<EntryResponse> History);

    public sealed record EntryResponse(string Kind, string Text, string By, DateTimeOffset At);

    public sealed record TextRequest(string? Text);

    public sealed class TextValidator : AbstractValidator<TextRequest>
    {
        public TextValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(SupervisionOrder.TextMaxLength);
    }

    private static readonly string[] InboxReaders = [PlatformRoles.LiaisonLeader, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    public static RouteGroupBuilder MapSupervisionOrders(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/supervision-orders", InboxAsync)
            .RequirePersonAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], InboxReaders)
            .WithName("ListSupervisionOrders")
            .WithSummary("督办单 inbox: a leader's own orders (and those without a linked leader); the office sees all");
        tickets.MapPost("/supervision-orders/{orderId:guid}/instructions", (Guid orderId, TextRequest request, HttpContext context,
                TicketsDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken) =>
                RecordAsync(orderId, context, db, cancellationToken, order =>
                {
                    order.Instruct(request.Text!, context.Caller().Signature, clock.GetUtcNow());
                    audit.Record(TicketsAudit.SupervisionInstructed, true, order.Id.ToString(), request.Text);
                }))
            .Validate<TextRequest>()
            .RequirePersonAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], PlatformRoles.LiaisonLeader)
            .WithName("InstructSupervisionOrder")
            .WithSummary("The leader's instructions (批示) on a supervision order");
        tickets.MapPost("/supervision-orders/{orderId:guid}/answer", (Guid orderId, TextRequest request, HttpContext context,
                TicketsDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken) =>
                RecordAsync(orderId, context, db, cancellationToken, order =>
                {
                    order.AnswerWith(request.Text!, context.Caller().Signature, clock.GetUtcNow());
                    audit.Record(TicketsAudit.SupervisionAnswered, true, order.Id.ToString(), request.Text);
                }))
            .Validate<TextRequest>()
            .RequirePersonAccess([TicketAccess.HandleScope], TicketAccess.Handlers)
            .WithName("AnswerSupervisionOrder")
            .WithSummary("The handling unit's answer to a supervision order");
        return tickets;
    }

    internal static async Task<Results<Ok<Page<OrderResponse>>, ValidationProblem>> InboxAsync(
        string? cursor, int? limit, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var caller = context.Caller();
        IQueryable<SupervisionOrder> orders = db.Set<SupervisionOrder>().AsNoTracking().Include(o => o.Entries);
        if (!caller.IsInAnyRole([PlatformRoles.OfficeStaff, PlatformRoles.Administrator]))
        {
            var me = caller.UserId;
            orders = orders.Where(o => o.LeaderId == null || o.LeaderId == me);
        }
        var page = await orders.PageAsync(paging, o => o.IssuedAt, o => o.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, cancellationToken)));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> RecordAsync(
        Guid orderId, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken, Action<SupervisionOrder> record)
    {
        var caller = context.Caller();
        var order = await db.Set<SupervisionOrder>().Include(o => o.Entries).SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        var visible = order is not null && await db.Tickets.VisibleTo(caller).AnyAsync(t => t.Id == order.TicketId, cancellationToken)
            && (!caller.Roles.Contains(PlatformRoles.LiaisonLeader) || order.LeaderId is null || order.LeaderId == caller.UserId
                || caller.IsInAnyRole(TicketAccess.Dispatchers));
        if (!visible)
        {
            return NotFound();
        }
        record(order!);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await ResponsesAsync(db, [order!], cancellationToken))[0]);
    }

    private static async Task<IReadOnlyList<OrderResponse>> ResponsesAsync(
        TicketsDbContext db, IReadOnlyList<SupervisionOrder> orders, CancellationToken cancellationToken)
    {
        var ticketIds = orders.Select(o => o.TicketId).Distinct().ToList();
        var tickets = await db.Tickets.AsNoTracking().Where(t => ticketIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Number, t.Title }).ToDictionaryAsync(t => t.Id, cancellationToken);
        return [.. orders.Select(o => new OrderResponse(o.Id, o.TicketId, tickets[o.TicketId].Number.Value, tickets[o.TicketId].Title, o.LeaderId,
            o.IssuedAt, o.Instructions, o.InstructedAt, o.Answer, o.AnsweredAt,
            [.. o.Entries.OrderBy(e => e.At).Select(e => new EntryResponse(e.Kind, e.Text, e.By, e.At))]))];
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(title: TicketApiTexts.SupervisionOrderNotFound_Title,
        detail: TicketApiTexts.SupervisionOrderNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
