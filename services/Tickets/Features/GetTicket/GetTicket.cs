using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.GetTicket;

public static class GetTicket
{
    public static RouteHandlerBuilder MapGetTicket(this RouteGroupBuilder group) => group
        .MapGet("/{id:guid}", HandleAsync)
        .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope], TicketAccess.Readers)
        .WithName("GetTicket")
        .WithSummary("Read one ticket");

    internal static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        // Another enterprise's ticket is answered as missing: its existence is not the caller's business.
        return ticket is null || !context.Caller().MayActForEnterprise(ticket.UnifiedSocialCreditCode)
            ? TypedResults.Problem(title: "工单不存在", detail: $"No ticket has id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(TicketResponse.From(ticket));
    }
}
