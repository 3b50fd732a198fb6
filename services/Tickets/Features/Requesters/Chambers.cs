using System.Globalization;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Audit;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Requesters;

/// <summary>
/// 商会 and 市领导挂钩联系重点商会: the chambers are liaison's organisations (this list is their copy, kept from liaison's
/// events); the office marks the key ones and links each to a city leader for a period. A 督办单 for a member's ticket
/// goes to the leader linked on that day.
/// </summary>
public static class Chambers
{
    public sealed record Request(bool? IsKey);

    public sealed record LinkRequest(Guid? LeaderId, string? LeaderName, DateOnly? From, DateOnly? To);

    public sealed record EndLinkRequest(DateOnly? On);

    public sealed record LinkResponse(Guid Id, Guid LeaderId, string LeaderName, DateOnly From, DateOnly? To);

    public sealed record Response(Guid Id, string Name, bool IsKey, Guid? CurrentLeaderId, IReadOnlyList<LinkResponse> LeaderLinks);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.IsKey).NotNull();
        }
    }

    public sealed class LinkValidator : AbstractValidator<LinkRequest>
    {
        public LinkValidator()
        {
            RuleFor(r => r.LeaderId).NotEmpty();
            RuleFor(r => r.LeaderName).NotEmpty().MaximumLength(ChamberLeaderLink.LeaderNameMaxLength);
            RuleFor(r => r.From).NotNull();
            RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).When(r => r.To is not null && r.From is not null)
                .WithMessage(_ => TicketTexts.LinkEndsBeforeItBegins_Title);
        }
    }

    public sealed class EndLinkValidator : AbstractValidator<EndLinkRequest>
    {
        public EndLinkValidator() => RuleFor(r => r.On).NotNull();
    }

    public static RouteGroupBuilder MapChambers(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/chambers", ListAsync)
            .RequireAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], TicketAccess.Readers)
            .WithName("ListChambers")
            .WithSummary("Chambers of commerce (liaison's, registered there) with their key flag and linked leaders, by name; follow 'next'");
        tickets.MapPut("/chambers/{id:guid}", UpdateAsync)
            .Validate<Request>()
            .RequireAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("UpdateChamber")
            .WithSummary("Mark a chamber as key (重点商会) or not; its name is liaison's (POST /api/liaison/organisations, PUT …/{id})");
        tickets.MapPost("/chambers/{id:guid}/leader-links", LinkAsync)
            .Validate<LinkRequest>()
            .RequireAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("LinkChamberLeader")
            .WithSummary("Link a city leader to the chamber for a period; periods never overlap (409)");
        tickets.MapPost("/chambers/{id:guid}/leader-links/{linkId:guid}/end", EndLinkAsync)
            .Validate<EndLinkRequest>()
            .RequireAccess([TicketAccess.HandleScope], TicketAccess.Dispatchers)
            .WithName("EndChamberLeaderLink")
            .WithSummary("End a leader's link on a day");
        return tickets;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        string? cursor, int? limit, HttpContext context, TicketsDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<string, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var page = await db.Chambers.AsNoTracking().Include(c => c.LeaderLinks)
            .PageAsync(paging, c => c.Name, c => c.Id, context, cancellationToken);
        var today = timeProvider.Today();
        return TypedResults.Ok(page.Select(c => From(c, today)));
    }

    internal static Task<Results<Ok<Response>, ProblemHttpResult>> UpdateAsync(
        Guid id, Request request, TicketsDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, timeProvider, cancellationToken, chamber =>
        {
            chamber.MarkKey(request.IsKey!.Value);
            audit.Record(TicketsAudit.ChamberUpdated, true, chamber.Id.ToString(), $"{chamber.Name} key {chamber.IsKey}");
        });

    internal static Task<Results<Ok<Response>, ProblemHttpResult>> LinkAsync(
        Guid id, LinkRequest request, TicketsDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, timeProvider, cancellationToken, chamber =>
        {
            chamber.LinkLeader(request.LeaderId!.Value, request.LeaderName!, request.From!.Value, request.To);
            audit.Record(TicketsAudit.LeaderLinked, true, chamber.Id.ToString(),
                $"{chamber.Name} ← {request.LeaderName} {request.LeaderId} from {request.From:yyyy-MM-dd} to {request.To:yyyy-MM-dd}");
        });

    internal static Task<Results<Ok<Response>, ProblemHttpResult>> EndLinkAsync(
        Guid id, Guid linkId, EndLinkRequest request, TicketsDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        ChangeAsync(id, db, timeProvider, cancellationToken, chamber =>
        {
            chamber.EndLink(linkId, request.On!.Value);
            audit.Record(TicketsAudit.LeaderLinkEnded, true, chamber.Id.ToString(), $"{chamber.Name} link {linkId} ends {request.On:yyyy-MM-dd}");
        });

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> ChangeAsync(
        Guid id, TicketsDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken, Action<Chamber> change)
    {
        var chamber = await db.Chambers.Include(c => c.LeaderLinks).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (chamber is null)
        {
            return NotFound();
        }
        change(chamber);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(From(chamber, timeProvider.Today()));
    }

    private static Response From(Chamber chamber, DateOnly today) => new(
        chamber.Id, chamber.Name, chamber.IsKey, chamber.LeaderOn(today),
        [.. chamber.LeaderLinks.OrderBy(l => l.From).Select(l => new LinkResponse(l.Id, l.LeaderId, l.LeaderName, l.From, l.To))]);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: TicketApiTexts.ChamberNotFound_Title, detail: TicketApiTexts.ChamberNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
