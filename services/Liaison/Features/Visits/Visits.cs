using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Visits;

/// <summary>
/// /api/liaison/visits: a cadre records a visit after making it (from a phone, on the way back): whom they met, what
/// they found and the problems the enterprises raised, each of which the tickets service files as a ticket (channel
/// visit). A visit is read by those who went and by the office; the problems show their tickets' numbers and states.
/// </summary>
public static class Visits
{
    public const int MaxProblems = 10;

    public sealed record ProblemRequest(Guid? ContactId, string? Title, TicketCategory? Category, string? Description);

    public sealed record VisitRequest(
        VisitKind? Kind, DateOnly? VisitedOn, string? Place, IReadOnlyList<Guid>? ContactIds, IReadOnlyList<Guid>? FellowVisitorIds,
        string? Findings, IReadOnlyList<ProblemRequest>? Problems);

    public sealed record ContactMet(Guid Id, string Name, ContactCategory Category, string? EnterpriseName);

    public sealed record ProblemResponse(
        Guid Id, Guid ContactId, string Title, TicketCategory Category, string Description, string EnterpriseName, Guid? TicketId,
        string? TicketNumber, string? TicketState);

    public sealed record Response(
        Guid Id, VisitKind Kind, DateOnly VisitedOn, string Place, IReadOnlyList<Visitor> Visitors, IReadOnlyList<ContactMet> Contacts,
        string Findings, IReadOnlyList<ProblemResponse> Problems, DateTimeOffset RecordedAt);

    public sealed class ProblemValidator : AbstractValidator<ProblemRequest>
    {
        public ProblemValidator()
        {
            RuleFor(p => p.ContactId).NotEmpty();
            RuleFor(p => p.Title).NotEmpty().MaximumLength(TicketFields.TitleMaxLength);
            RuleFor(p => p.Category).NotNull().EnterpriseCategory();
            RuleFor(p => p.Description).NotEmpty().MaximumLength(TicketFields.DescriptionMaxLength);
        }
    }

    public sealed class VisitValidator : AbstractValidator<VisitRequest>
    {
        public VisitValidator()
        {
            RuleFor(v => v.Kind).NotNull().IsInEnum();
            RuleFor(v => v.VisitedOn).NotNull();
            RuleFor(v => v.Place).NotEmpty().MaximumLength(Visit.PlaceMaxLength);
            RuleFor(v => v.Findings).NotEmpty().MaximumLength(Visit.FindingsMaxLength);
            RuleFor(v => v.ContactIds).NotEmpty().WithMessage(_ => LiaisonTexts.ContactsRequired)
                .Must(c => c!.Count <= Visit.MaxContacts).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.ContactsAtMost, Visit.MaxContacts));
            RuleFor(v => v.FellowVisitorIds).Must(f => f is null || f.Count < Visit.MaxVisitors)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.VisitorsAtMost, Visit.MaxVisitors - 1));
            RuleFor(v => v.Problems).Must(p => p is null || p.Count <= MaxProblems)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.ProblemsAtMost, MaxProblems));
            RuleForEach(v => v.Problems).EachValid(new ProblemValidator());
            RuleForEach(v => v.Problems).Must((visit, problem) => problem?.ContactId is null || visit.ContactIds?.Contains(problem.ContactId.Value) == true)
                .WithMessage(_ => LiaisonTexts.ProblemContactNotMet);
        }
    }

    public static RouteGroupBuilder MapVisits(this RouteGroupBuilder liaison)
    {
        liaison.MapGet("/visits", ListAsync)
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.Cadres)
            .WithName("ListVisits")
            .WithSummary("Visits, latest first: the office all of them, a cadre those they went on; ?contactId= visits that met a contact; follow 'next'");
        liaison.MapGet("/visits/{id:guid}", GetAsync)
            .RequirePersonAccess([LiaisonAccess.ReadScope], LiaisonAccess.Cadres)
            .WithName("GetVisit")
            .WithSummary("One visit with its problems and their tickets (for those who went and the office; 404 for others)");
        liaison.MapPost("/visits", RecordAsync)
            .Validate<VisitRequest>()
            .RequirePersonAccess([LiaisonAccess.WriteScope], LiaisonAccess.Cadres)
            .WithName("RecordVisit")
            .WithSummary("A cadre records a visit they made (with fellow visitors from the directory) and the problems raised on it; each problem becomes a ticket (channel visit); announced as VisitRecorded and ProblemRaised");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        Guid? contactId, string? cursor, int? limit, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateOnly, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var visits = Visible(db.Visits.AsNoTracking(), context.Caller());
        if (contactId is { } contact)
        {
            visits = visits.Where(v => v.ContactIds.Contains(contact));
        }
        var page = await visits.PageAsync(paging, v => v.VisitedOn, v => v.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(items => ResponsesAsync(db, items, cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var visit = await Visible(db.Visits.AsNoTracking(), context.Caller()).SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        return visit is null ? NotFound() : TypedResults.Ok((await ResponsesAsync(db, [visit], cancellationToken))[0]);
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> RecordAsync(
        VisitRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var contactIds = request.ContactIds!.Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (contacts.Count != contactIds.Count)
        {
            return FieldProblems.Unprocessable("contactIds", LiaisonTexts.ContactNotFound_Title, LiaisonTexts.ContactsUnknown_Detail);
        }
        var fellowIds = (request.FellowVisitorIds ?? []).Where(id => id != caller.UserId).Distinct().ToList();
        var fellows = await db.UnitMembers.AsNoTracking().Current().Where(m => fellowIds.Contains(m.PersonId))
            .GroupBy(m => m.PersonId).Select(g => new Visitor(g.Key, g.Min(m => m.DisplayName)!)).ToListAsync(cancellationToken);
        if (fellows.Count != fellowIds.Count)
        {
            return FieldProblems.Unprocessable("fellowVisitorIds", LiaisonTexts.CadreNotFound_Title, LiaisonTexts.VisitorsUnknown_Detail);
        }
        var problems = request.Problems ?? [];
        if (problems.Select(p => contacts.Single(c => c.Id == p.ContactId)).FirstOrDefault(c => c.EnterpriseCreditCode is null) is not null)
        {
            return FieldProblems.Unprocessable("problems", LiaisonTexts.ProblemWithoutEnterprise_Title, LiaisonTexts.ProblemWithoutEnterprise_Detail);
        }
        var now = timeProvider.GetUtcNow();
        var recorder = new Visitor(caller.UserId!.Value, caller.DisplayName);
        var visit = Visit.Record(request.Kind!.Value, request.VisitedOn!.Value, request.Place!, [recorder, .. fellows], contacts, request.Findings!,
            recorder.PersonId, problems.Count, now);
        db.Visits.Add(visit);
        db.Problems.AddRange(problems.Select(p => RaisedProblem.OnVisit(
            visit, contacts.Single(c => c.Id == p.ContactId), p.Title!, p.Category!.Value, p.Description!, recorder, now)));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/liaison/visits/{visit.Id}", (await ResponsesAsync(db, [visit], cancellationToken))[0]);
    }

    /// <summary>The office reads every visit; a cadre those they went on.</summary>
    private static IQueryable<Visit> Visible(IQueryable<Visit> visits, Caller caller)
    {
        if (caller.IsOffice())
        {
            return visits;
        }
        var me = caller.UserId ?? Guid.Empty;
        return visits.Where(v => v.VisitorIds.Contains(me));
    }

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(LiaisonDbContext db, IReadOnlyList<Visit> visits, CancellationToken cancellationToken)
    {
        var visitIds = visits.Select(v => v.Id).ToList();
        var contactIds = visits.SelectMany(v => v.ContactIds).Distinct().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new ContactMet(c.Id, c.Name, c.Category, c.EnterpriseName), cancellationToken);
        var problems = await db.Problems.AsNoTracking().Where(p => p.Origin == ProblemOrigin.Visit && visitIds.Contains(p.OriginId)).OrderBy(p => p.RaisedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. visits.Select(v => new Response(
            v.Id, v.Kind, v.VisitedOn, v.Place, v.Visitors, [.. v.ContactIds.Where(contacts.ContainsKey).Select(id => contacts[id])], v.Findings,
            [.. problems.Where(p => p.OriginId == v.Id).Select(p => new ProblemResponse(
                p.Id, p.ContactId!.Value, p.Title, p.Category, p.Description, p.EnterpriseName, p.TicketId, p.TicketNumber, p.TicketState))],
            v.RecordedAt))];
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.VisitNotFound_Title, detail: LiaisonTexts.VisitNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}

internal static class ProblemRules
{
    /// <summary>
    /// An enterprise's problem is about one of the enterprise categories: liaison's visits, engagement events and key
    /// projects meet enterprises, and a 民生 category (a resident's housing, say) would file an enterprise's problem among
    /// residents' and route it to the department that serves residents. Residents' problems come from community services.
    /// </summary>
    public static IRuleBuilderOptions<T, TicketCategory?> EnterpriseCategory<T>(this IRuleBuilder<T, TicketCategory?> rule) => rule
        .IsInEnum().Must(c => c is not { } category || TicketCategories.IsEnterprise(category)).WithMessage(_ => LiaisonTexts.EnterpriseProblemCategory);
}
