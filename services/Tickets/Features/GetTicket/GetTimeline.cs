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
        if (!await db.Tickets.VisibleTo(context.Caller()).AnyAsync(t => t.Id == id, cancellationToken))
        {
            return TicketAccess.NotFound();
        }
        var entries = await db.Set<TimelineEntry>().AsNoTracking()
            .Where(e => e.TicketId == id).OrderBy(e => e.Id)
            .Select(e => new EntryResponse(e.At, e.Action, e.FromState, e.ToState, e.ActorName, e.ActorRole, e.UnitId, e.Note))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}

public static class GetAttachments
{
    public sealed record AttachmentResponse(
        Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset AddedAt, string AddedBy);

    public static RouteHandlerBuilder MapGetAttachments(this RouteGroupBuilder group) => group
        .MapGet("/{id:guid}/attachments", HandleAsync)
        .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope, TicketAccess.HandleScope], TicketAccess.Readers)
        .WithName("GetTicketAttachments")
        .WithSummary("The descriptions of the files sent with a ticket (name, type, size, SHA-256, who added them when)");

    internal static async Task<Results<Ok<List<AttachmentResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.VisibleTo(context.Caller()).AnyAsync(t => t.Id == id, cancellationToken))
        {
            return TicketAccess.NotFound();
        }
        return TypedResults.Ok(await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.TicketId == id).OrderBy(a => a.AddedAt).ThenBy(a => a.Id)
            .Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.AddedAt, a.AddedBy))
            .ToListAsync(cancellationToken));
    }
}
