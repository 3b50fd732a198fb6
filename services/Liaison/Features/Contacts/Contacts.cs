using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Features.Audit;
using BrandPlatform.Liaison.Features.Organisations;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Contacts;

/// <summary>
/// /api/liaison/contacts: the people the department keeps in touch with. Every cadre reads them with phone numbers
/// masked (a cadre's own with ?mine=true); the whole number is a read of its own, for the responsible cadre and the
/// office only, and audited. The office registers contacts and hands them to cadres; the responsible cadre and the
/// office keep a contact's details.
/// </summary>
public static class Contacts
{
    public sealed record Response(
        Guid Id, string Name, ContactCategory Category, Guid? OrganisationId, string? OrganisationName, IReadOnlyList<string> Positions,
        string? EnterpriseName, string? EnterpriseCreditCode, string MaskedPhone, Guid ResponsibleCadreId, string ResponsibleCadreName,
        DateTimeOffset RegisteredAt, DateTimeOffset LastChangedAt, int Version)
    {
        public static string ETagOf(UnitedFrontContact c) => $"\"{c.Version}\"";
    }

    /// <summary>What only the responsible cadre and the office read, each read audited.</summary>
    public sealed record PersonalDataResponse(Guid Id, string Name, string Phone);

    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/contacts", ListAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("ListContacts")
            .WithSummary("Contacts by name, phone numbers masked; ?category=, ?organisationId=, ?q= part of the name or enterprise, ?mine=true the caller's own; follow 'next'");
        liaison.MapGet("/contacts/{id:guid}", GetAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("GetContact")
            .WithSummary("One contact, phone number masked; the ETag is its version");
        liaison.MapGet("/contacts/{id:guid}/personal-data", ReadPersonalDataAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("ReadContactPersonalData")
            .WithSummary("The contact's whole phone number, for the responsible cadre and the office only (403 for other cadres); every read is audited");
        liaison.MapPost("/contacts", RegisterAsync)
            .Validate<ContactRegistrationRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("RegisterContact")
            .WithSummary("The office registers a contact with the cadre responsible for them (a person of the directory: 422 otherwise); announced as ContactRegistered");
        liaison.MapPut("/contacts/{id:guid}", ReviseAsync)
            .Validate<ContactDetailsRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(write, LiaisonAccess.Cadres)
            .WithName("ReviseContact")
            .WithSummary("The responsible cadre or the office changes a contact's details (403 for other cadres); If-Match with the ETag it read");
        liaison.MapPost("/contacts/{id:guid}/reassign", ReassignAsync)
            .Validate<ReassignmentRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("ReassignContact")
            .WithSummary("The office hands a contact to another cadre; announced as ContactReassigned");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        QueryCode<ContactCategory>? category, Guid? organisationId, string? q, bool? mine, string? cursor, int? limit, HttpContext context,
        LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        if (q?.Length > Organisations.Organisations.SearchMaxLength)
        {
            problems["q"] = [string.Format(CultureInfo.CurrentCulture, LiaisonTexts.SearchTooLong, Organisations.Organisations.SearchMaxLength)];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var contacts = db.Contacts.AsNoTracking();
        if (category is { Value: var wanted })
        {
            contacts = contacts.Where(c => c.Category == wanted);
        }
        if (organisationId is not null)
        {
            contacts = contacts.Where(c => c.OrganisationId == organisationId);
        }
        if (mine == true)
        {
            var me = context.Caller().UserId ?? Guid.Empty;
            contacts = contacts.Where(c => c.ResponsibleCadreId == me);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = LikePatterns.Containing(q.Trim());
            contacts = contacts.Where(c => EF.Functions.ILike(EF.Property<string>(c, LiaisonDbContext.ContactSearchText), pattern, LikePatterns.Escape));
        }
        var page = await contacts.PageAsync(paging, c => c.Name, c => c.Id, context, cancellationToken);
        var names = await OrganisationNamesAsync(db, page.Items, cancellationToken);
        return TypedResults.Ok(page.Select(c => From(c, names)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = Response.ETagOf(contact);
        return TypedResults.Ok(From(contact, await OrganisationNamesAsync(db, [contact], cancellationToken)));
    }

    internal static async Task<Results<Ok<PersonalDataResponse>, ProblemHttpResult>> ReadPersonalDataAsync(
        Guid id, HttpContext context, LiaisonDbContext db, AuditTrail audit, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }
        var caller = context.Caller();
        if (!caller.IsOffice() && !contact.IsKeptBy(caller.UserId))
        {
            return PersonalDataKept();
        }
        audit.Record(LiaisonAudit.PersonalDataRead, true, contact.Id.ToString(), $"{contact.Name} phone");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PersonalDataResponse(contact.Id, contact.Name, contact.Phone));
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> RegisterAsync(
        ContactRegistrationRequest request, HttpContext context, LiaisonDbContext db, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (await MissingOrganisationAsync(db, request.OrganisationId, cancellationToken) is { } missing)
        {
            return missing;
        }
        if (await db.UnitMembers.CurrentNameAsync(request.ResponsibleCadreId!.Value, cancellationToken) is not { } cadreName)
        {
            return CadreNotFound();
        }
        var contact = UnitedFrontContact.Register(ContactDetails.Of(request), request.ResponsibleCadreId.Value, cadreName, timeProvider.GetUtcNow());
        db.Contacts.Add(contact);
        audit.Record(LiaisonAudit.ContactRegistered, true, contact.Id.ToString(), Described(contact));
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = Response.ETagOf(contact);
        return TypedResults.Created($"/api/liaison/contacts/{contact.Id}", From(contact, await OrganisationNamesAsync(db, [contact], cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReviseAsync(
        Guid id, ContactDetailsRequest request, HttpContext context, LiaisonDbContext db, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }
        var caller = context.Caller();
        if (!caller.IsOffice() && !contact.IsKeptBy(caller.UserId))
        {
            return ContactKept();
        }
        if (context.StaleIfMatch(Response.ETagOf(contact)) is { } stale)
        {
            return stale;
        }
        if (await MissingOrganisationAsync(db, request.OrganisationId, cancellationToken) is { } missing)
        {
            return missing;
        }
        var before = Described(contact);
        contact.Revise(ContactDetails.Of(request), timeProvider.GetUtcNow());
        audit.Record(LiaisonAudit.ContactUpdated, true, contact.Id.ToString(), $"{before} → {Described(contact)}");
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = Response.ETagOf(contact);
        return TypedResults.Ok(From(contact, await OrganisationNamesAsync(db, [contact], cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReassignAsync(
        Guid id, ReassignmentRequest request, HttpContext context, LiaisonDbContext db, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }
        if (await db.UnitMembers.CurrentNameAsync(request.ResponsibleCadreId!.Value, cancellationToken) is not { } cadreName)
        {
            return CadreNotFound();
        }
        var previous = contact.ResponsibleCadreName;
        contact.Reassign(request.ResponsibleCadreId.Value, cadreName, timeProvider.GetUtcNow());
        audit.Record(LiaisonAudit.ContactReassigned, true, contact.Id.ToString(), $"{contact.Name}: {previous} → {cadreName} {request.ResponsibleCadreId}");
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = Response.ETagOf(contact);
        return TypedResults.Ok(From(contact, await OrganisationNamesAsync(db, [contact], cancellationToken)));
    }

    private static async Task<ProblemHttpResult?> MissingOrganisationAsync(LiaisonDbContext db, Guid? organisationId, CancellationToken cancellationToken) =>
        organisationId is { } id && !await db.Organisations.AnyAsync(o => o.Id == id, cancellationToken)
            ? FieldProblems.Unprocessable("organisationId", LiaisonTexts.OrganisationNotFound_Title, LiaisonTexts.OrganisationUnknown_Detail)
            : null;

    private static async Task<Dictionary<Guid, string>> OrganisationNamesAsync(
        LiaisonDbContext db, IEnumerable<UnitedFrontContact> contacts, CancellationToken cancellationToken)
    {
        var ids = contacts.Where(c => c.OrganisationId is not null).Select(c => c.OrganisationId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    /// <summary>What the audit keeps of a contact: never the whole phone number.</summary>
    private static string Described(UnitedFrontContact c) =>
        $"{c} {c.Category.ToString()} organisation {c.OrganisationId?.ToString() ?? "none"} enterprise {c.EnterpriseCreditCode ?? "none"}";

    private static Response From(UnitedFrontContact c, Dictionary<Guid, string> organisations) => new(
        c.Id, c.Name, c.Category, c.OrganisationId, c.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, c.Positions,
        c.EnterpriseName, c.EnterpriseCreditCode, c.MaskedPhone, c.ResponsibleCadreId, c.ResponsibleCadreName, c.RegisteredAt, c.LastChangedAt,
        c.Version);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.ContactNotFound_Title, detail: LiaisonTexts.ContactNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult CadreNotFound() =>
        FieldProblems.Unprocessable("responsibleCadreId", LiaisonTexts.CadreNotFound_Title, LiaisonTexts.CadreNotFound_Detail);

    internal static ProblemHttpResult PersonalDataKept() => TypedResults.Problem(
        title: LiaisonTexts.PersonalDataKept_Title, detail: LiaisonTexts.PersonalDataKept_Detail, statusCode: StatusCodes.Status403Forbidden);

    internal static ProblemHttpResult ContactKept() => TypedResults.Problem(
        title: LiaisonTexts.ContactKept_Title, detail: LiaisonTexts.ContactKept_Detail, statusCode: StatusCodes.Status403Forbidden);
}
