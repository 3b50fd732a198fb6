using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.GetTicket;

public static class GetTimeline
{
    public sealed record EntryResponse(
        DateTimeOffset At, string Action, TicketState? FromState, TicketState ToState, string ActorName, string? ActorRole,
        Guid? UnitId, string? Note);

    public static RouteHandlerBuilder MapGetTimeline(this RouteGroupBuilder group) => group
        .MapGet("/{id:guid}/timeline", HandleAsync)
        .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope, TicketAccess.HandleScope], TicketAccess.Readers)
        .WithName("GetTicketTimeline")
        .WithSummary("Every change of one ticket, oldest first (who, in which role and unit, when, with what note)");

    internal static async Task<Results<Ok<List<EntryResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(context.Caller()).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return TicketAccess.NotFound(id);
        }
        var entries = await db.Set<TimelineEntry>().AsNoTracking()
            .Where(e => e.TicketId == id).OrderBy(e => e.Id)
            .Select(e => new EntryResponse(e.At, e.Action, e.FromState, e.ToState, e.ActorName, e.ActorRole, e.UnitId, e.Note))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
