using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.GetTicket;

public static class GetTicket
{
    public static RouteHandlerBuilder MapGetTicket(this RouteGroupBuilder group) => group
        .MapGet("/{id:guid}", HandleAsync)
        .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope, TicketAccess.HandleScope], TicketAccess.Readers)
        .WithName("GetTicket")
        .WithSummary("Read one ticket");

    internal static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(context.Caller()).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return TicketAccess.NotFound();
        }
        context.Response.Headers.ETag = TicketResponse.ETagOf(ticket);
        return TypedResults.Ok(TicketResponse.From(ticket));
    }
}
