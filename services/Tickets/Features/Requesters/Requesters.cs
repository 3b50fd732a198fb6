using System.Globalization;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Audit;
using BrandPlatform.Tickets.Features.SubmitTicket;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Requesters;

/// <summary>
/// 诉求人档案: enterprises and named persons with their chamber and contacts. Lists show phone numbers masked; the
/// profile itself shows them whole to those who call requesters (handlers and the office) and to the enterprise itself.
/// Government systems have no access to profiles: filing a ticket with an enterprise's public credit code gives a system
/// no right to read or rewrite that enterprise's contacts or chamber; the ticket it filed carries what it sent.
/// </summary>
public static class Requesters
{
    public sealed record ContactRequest(string? Name, string? Phone, string? Position);

    public sealed record Request(
        RequesterKind? Kind, string? Name, string? UnifiedSocialCreditCode, PersonCategory? PersonCategory, Guid? ChamberId,
        IReadOnlyList<ContactRequest>? Contacts);

    public sealed record UpdateRequest(string? Name, Guid? ChamberId, IReadOnlyList<ContactRequest>? Contacts);

    public sealed record ContactResponse(string Name, string Phone, string? Position);

    public sealed record Response(
        Guid Id, RequesterKind Kind, string Name, string? UnifiedSocialCreditCode, PersonCategory? PersonCategory, Guid? ChamberId,
        string? ChamberName, IReadOnlyList<ContactResponse> Contacts, DateTimeOffset CreatedAt);

    public sealed class ContactValidator : AbstractValidator<ContactRequest>
    {
        public ContactValidator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(RequesterContact.NameMaxLength);
            // Required on its own: the condition below would otherwise lift the requirement with the format check.
            RuleFor(c => c.Phone).NotEmpty();
            RuleFor(c => c.Phone).PhoneNumber().When(c => !string.IsNullOrWhiteSpace(c.Phone));
            RuleFor(c => c.Position).MaximumLength(RequesterContact.PositionMaxLength);
        }
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).NotNull();
            RuleFor(r => r.Name).NotEmpty().MaximumLength(Requester.NameMaxLength);
            When(r => r.Kind == RequesterKind.Enterprise, () =>
            {
                RuleFor(r => r.UnifiedSocialCreditCode).NotEmpty();
                RuleFor(r => r.UnifiedSocialCreditCode).CreditCode().When(r => !string.IsNullOrWhiteSpace(r.UnifiedSocialCreditCode));
                RuleFor(r => r.PersonCategory).Null().WithMessage(_ => TicketApiTexts.PersonCategoryForEnterprise);
            });
            When(r => r.Kind == RequesterKind.Person, () =>
            {
                RuleFor(r => r.PersonCategory).NotNull().WithMessage(_ => TicketApiTexts.PersonCategoryRequired);
                RuleFor(r => r.UnifiedSocialCreditCode).Empty().WithMessage(_ => TicketApiTexts.CreditCodeForPerson);
            });
            RuleFor(r => r.Contacts).Must(c => c is null || c.Count <= Requester.MaxContacts).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, TicketApiTexts.ContactsAtMost, Requester.MaxContacts));
            RuleForEach(r => r.Contacts).EachValid(new ContactValidator());
        }
    }

    public sealed class UpdateValidator : AbstractValidator<UpdateRequest>
    {
        public UpdateValidator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(Requester.NameMaxLength);
            RuleFor(r => r.Contacts).Must(c => c is null || c.Count <= Requester.MaxContacts).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, TicketApiTexts.ContactsAtMost, Requester.MaxContacts));
            RuleForEach(r => r.Contacts).EachValid(new ContactValidator());
        }
    }

    /// <summary>Those who register requesters on their behalf: handlers and the office.</summary>
    private static readonly string[] Keepers = [PlatformRoles.TaskForceHandler, PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    public static RouteGroupBuilder MapRequesters(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/requesters", ListAsync)
            .RequirePersonAccess([TicketAccess.ReadScope, TicketAccess.HandleScope], [.. Keepers, PlatformRoles.LiaisonLeader])
            .WithName("ListRequesters")
            .WithSummary("Requester profiles by name or credit code, phone numbers masked");
        tickets.MapGet("/requesters/{id:guid}", GetAsync)
            .RequirePersonAccess([TicketAccess.ReadScope, TicketAccess.WriteScope, TicketAccess.HandleScope], [.. Keepers, PlatformRoles.EnterpriseContact])
            .WithName("GetRequester")
            .WithSummary("One requester profile with its contacts' phone numbers (an enterprise contact sees only its own)");
        tickets.MapPost("/requesters", CreateAsync)
            .Validate<Request>()
            .RequirePersonAccess([TicketAccess.HandleScope], Keepers)
            .WithName("RegisterRequester")
            .WithSummary("Register an enterprise (credit code unique: 409 when already registered) or a named person without one");
        tickets.MapPut("/requesters/{id:guid}", UpdateAsync)
            .Validate<UpdateRequest>()
            .RequirePersonAccess([TicketAccess.WriteScope, TicketAccess.HandleScope], [.. Keepers, PlatformRoles.EnterpriseContact])
            .WithName("UpdateRequester")
            .WithSummary("Change a requester's name, chamber and contacts (an enterprise contact its own name and contacts only)");
        return tickets;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        string? q, Guid? chamberId, string? cursor, int? limit, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<string, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var requesters = db.Requesters.AsNoTracking().Include(r => r.Contacts).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            requesters = requesters.Where(r => r.Name.Contains(text) || r.UnifiedSocialCreditCode == text.ToUpperInvariant());
        }
        if (chamberId is not null)
        {
            requesters = requesters.Where(r => r.ChamberId == chamberId);
        }
        var page = await requesters.PageAsync(paging, r => r.Name, r => r.Id, context, cancellationToken);
        var chambers = await ChamberNamesAsync(db, page.Items, cancellationToken);
        return TypedResults.Ok(page.Select(r => From(r, chambers, masked: true)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, TicketsDbContext db, CancellationToken cancellationToken)
    {
        var requester = await FindVisibleAsync(db, id, context.Caller(), cancellationToken);
        if (requester is null)
        {
            return NotFound();
        }
        return TypedResults.Ok(From(requester, await ChamberNamesAsync(db, [requester], cancellationToken), masked: false));
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> CreateAsync(
        Request request, TicketsDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (await MissingChamberAsync(db, request.ChamberId, cancellationToken) is { } missing)
        {
            return missing;
        }
        var now = timeProvider.GetUtcNow();
        var requester = request.Kind == RequesterKind.Enterprise
            ? Requester.Enterprise(request.Name!, UnifiedSocialCreditCode.Normalize(request.UnifiedSocialCreditCode!), request.ChamberId, now)
            : Requester.Person(request.Name!, request.PersonCategory!.Value, request.ChamberId, now);
        requester.ReplaceContacts(Contacts(request.Contacts));
        db.Requesters.Add(requester);
        audit.Record(TicketsAudit.RequesterRegistered, true, requester.Id.ToString(), Described(requester));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException conflict) when (conflict.IsUniqueViolation())
        {
            return EnterpriseRegistered(requester.UnifiedSocialCreditCode!);
        }
        return TypedResults.Created($"/api/tickets/requesters/{requester.Id}",
            From(requester, await ChamberNamesAsync(db, [requester], cancellationToken), masked: false));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> UpdateAsync(
        Guid id, UpdateRequest request, HttpContext context, TicketsDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var requester = await FindVisibleAsync(db, id, caller, cancellationToken, tracked: true);
        if (requester is null)
        {
            return NotFound();
        }
        var ownEnterprise = caller.Roles.Contains(PlatformRoles.EnterpriseContact) && !caller.IsInAnyRole(Keepers);
        if (ownEnterprise && request.ChamberId != requester.ChamberId)
        {
            return ChamberKeptByOffice();
        }
        if (await MissingChamberAsync(db, request.ChamberId, cancellationToken) is { } missing)
        {
            return missing;
        }
        var before = Described(requester);
        requester.Update(request.Name!, request.ChamberId);
        requester.ReplaceContacts(Contacts(request.Contacts));
        audit.Record(TicketsAudit.RequesterUpdated, true, requester.Id.ToString(), $"{before} → {Described(requester)}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(From(requester, await ChamberNamesAsync(db, [requester], cancellationToken), masked: false));
    }

    /// <summary>What the audit keeps of a profile: name, chamber and contacts, phone numbers masked.</summary>
    private static string Described(Requester requester) =>
        $"{requester.Name} chamber {requester.ChamberId?.ToString() ?? "none"} contacts {string.Join(", ", requester.Contacts.Select(c => $"{c.Name} {c.MaskedPhone}"))}";

    private static async Task<Requester?> FindVisibleAsync(TicketsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.Requesters.Include(r => r.Contacts).Where(r => r.Id == id);
        if (!caller.IsInAnyRole(Keepers))
        {
            var code = caller.EnterpriseCode ?? "";
            query = query.Where(r => r.UnifiedSocialCreditCode == code);
        }
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<ProblemHttpResult?> MissingChamberAsync(TicketsDbContext db, Guid? chamberId, CancellationToken cancellationToken) =>
        chamberId is { } id && !await db.Chambers.AnyAsync(c => c.Id == id, cancellationToken)
            ? ChamberMissing()
            : null;

    private static List<(string Name, string Phone, string? Position)> Contacts(IReadOnlyList<ContactRequest>? contacts) =>
        [.. (contacts ?? []).Select(c => (c.Name!, c.Phone!, c.Position))];

    private static async Task<Dictionary<Guid, string>> ChamberNamesAsync(TicketsDbContext db, IEnumerable<Requester> requesters, CancellationToken cancellationToken)
    {
        var ids = requesters.Where(r => r.ChamberId is not null).Select(r => r.ChamberId!.Value).Distinct().ToList();
        return await db.Chambers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
    }

    private static Response From(Requester requester, Dictionary<Guid, string> chambers, bool masked) => new(
        requester.Id, requester.Kind, requester.Name, requester.UnifiedSocialCreditCode, requester.PersonCategory, requester.ChamberId,
        requester.ChamberId is { } chamber ? chambers.GetValueOrDefault(chamber) : null,
        [.. requester.Contacts.Select(c => new ContactResponse(c.Name, masked ? c.MaskedPhone : c.Phone, c.Position))],
        requester.CreatedAt);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: TicketApiTexts.RequesterNotFound_Title, detail: TicketApiTexts.RequesterNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult ChamberMissing() =>
        FieldProblems.Unprocessable("chamberId", TicketApiTexts.ChamberNotFound_Title, TicketApiTexts.ChamberNotFound_Detail);

    internal static ProblemHttpResult EnterpriseRegistered(string creditCode) => TypedResults.Problem(title: TicketApiTexts.EnterpriseRegistered_Title,
        statusCode: StatusCodes.Status409Conflict, detail: string.Format(CultureInfo.CurrentCulture, TicketApiTexts.EnterpriseRegistered_Detail, creditCode));

    internal static ProblemHttpResult ChamberKeptByOffice() => TypedResults.Problem(
        title: TicketApiTexts.ChamberKeptByOffice_Title, statusCode: StatusCodes.Status403Forbidden, detail: TicketApiTexts.ChamberKeptByOffice_Detail);
}

/// <summary>
/// A profile is made the first time its requester files: an enterprise's, one per credit code, even when two file at once;
/// a resident's, one per name and phone.
/// </summary>
public static class RequesterProfiles
{
    /// <summary>The name of the requester's chamber now, which a ticket keeps as it was when filed.</summary>
    public static Task<string?> ChamberNameAsync(TicketsDbContext db, Requester requester, CancellationToken cancellationToken) =>
        requester.ChamberId is { } chamber
            ? db.Chambers.Where(c => c.Id == chamber).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken)
            : Task.FromResult<string?>(null);

    public static async Task<Requester> ForEnterpriseAsync(
        TicketsDbContext db, string name, string creditCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Requesters.AsNoTracking().SingleOrDefaultAsync(r => r.UnifiedSocialCreditCode == creditCode, cancellationToken) is { } known)
        {
            return known;
        }
        var created = Requester.Enterprise(name, creditCode, null, now);
        db.Requesters.Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(created).State = EntityState.Detached;
            return created;
        }
        catch (DbUpdateException conflict) when (conflict.IsUniqueViolation())
        {
            db.Entry(created).State = EntityState.Detached;
            return await db.Requesters.AsNoTracking().SingleAsync(r => r.UnifiedSocialCreditCode == creditCode, cancellationToken);
        }
    }

    /// <summary>
    /// A resident has no credit code: the resident is known by name and phone, a named person whose one contact, the one a
    /// handler calls back, is the resident (the phone masked wherever contacts' phones are). A person the office registered
    /// with that name and phone is the same resident.
    /// </summary>
    public static Task<Requester> ForResidentAsync(
        TicketsDbContext db, string name, string phone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (resident, number) = (name.Trim(), PhoneNumbers.Normalize(phone));
        return db.InTransactionAsync(async ct =>
        {
            // Nothing unique stops a second profile, so two problems of one resident filed at once take turns.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"resident:" + resident + " " + number}))", ct);
            if (await db.Requesters.AsNoTracking()
                    .Where(r => r.Kind == RequesterKind.Person && r.Name == resident && r.Contacts.Any(c => c.Phone == number))
                    .OrderBy(r => r.CreatedAt).FirstOrDefaultAsync(ct) is { } known)
            {
                return known;
            }
            var created = Requester.Person(resident, PersonCategory.Resident, null, now);
            created.ReplaceContacts([(resident, number, null)]);
            db.Requesters.Add(created);
            return created;
        }, cancellationToken);
    }
}
