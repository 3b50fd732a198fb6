using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Synchronisation;

/// <summary>
/// What other government systems need to keep their own records in step: find a ticket by their own reference, and
/// page through every ticket changed since a moment (keyset paging, stable under concurrent changes).
/// </summary>
public static class Synchronisation
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapSynchronisation(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/by-external-reference/{reference}", ByExternalReferenceAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope], TicketAccess.Readers)
            .WithName("GetTicketByExternalReference")
            .WithSummary("The ticket a government system filed under its own reference (source = the calling system; staff name it with ?source=)");
        tickets.MapGet("/changes", ChangesAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.WriteScope, TicketAccess.HandleScope], TicketAccess.Readers)
            .WithName("ListTicketChanges")
            .WithSummary("Tickets changed since a moment, oldest change first; follow 'next' until it is null");
        return tickets;
    }

    internal static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> ByExternalReferenceAsync(
        string reference, string? source, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var from = caller.IsSystem ? caller.Subject : source ?? "";
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(caller)
            .SingleOrDefaultAsync(t => t.External != null && t.External.Source == from && t.External.Reference == reference, cancellationToken);
        if (ticket is null)
        {
            return NotFound(from, reference);
        }
        context.Response.Headers.ETag = TicketResponse.ETagOf(ticket);
        return TypedResults.Ok(TicketResponse.From(ticket));
    }

    /// <param name="since">Changes after this moment (ISO 8601).</param>
    /// <param name="cursor">From the 'next' link of the previous page.</param>
    internal static async Task<Results<Ok<Page<TicketResponse>>, ValidationProblem>> ChangesAsync(
        DateTimeOffset? since, string? cursor, int? limit, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid, defaultLimit: 100, maxLimit: MaxPageSize))
        {
            return invalid;
        }
        var query = db.Tickets.AsNoTracking().VisibleTo(context.Caller());
        if (paging.After is null && since is not null)
        {
            var from = since.Value.ToUniversalTime();
            query = query.Where(t => t.LastChangedAt > from);
        }
        var page = await query.PageAsync(paging, t => t.LastChangedAt, t => t.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(TicketResponse.From));
    }

    internal static ProblemHttpResult NotFound(string source, string reference) => TypedResults.Problem(title: TicketApiTexts.TicketNotFound_Title,
        statusCode: StatusCodes.Status404NotFound, detail: string.Format(CultureInfo.CurrentCulture, TicketApiTexts.ExternalTicketNotFound_Detail, source, reference));
}
