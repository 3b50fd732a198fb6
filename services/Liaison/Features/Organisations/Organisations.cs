using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Organisations;

/// <summary>
/// /api/liaison/organisations: the democratic parties' committees, chambers of commerce, new-social-class associations
/// and the federation the department works with. The office registers and revises them; the cadres read them.
/// </summary>
public static class Organisations
{
    public const int SearchMaxLength = 100;

    public sealed record RegistrationRequest(string? Name, OrganisationCategory? Category, string? Description);

    public sealed record RevisionRequest(string? Name, string? Description);

    public sealed record Response(
        Guid Id, string Name, OrganisationCategory Category, string? Description, DateTimeOffset RegisteredAt, DateTimeOffset LastChangedAt, int Version)
    {
        public static Response From(UnitedFrontOrganisation o) => new(o.Id, o.Name, o.Category, o.Description, o.RegisteredAt, o.LastChangedAt, o.Version);

        public static string ETagOf(UnitedFrontOrganisation o) => $"\"{o.Version}\"";
    }

    public sealed class RegistrationValidator : AbstractValidator<RegistrationRequest>
    {
        public RegistrationValidator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(UnitedFrontOrganisation.NameMaxLength);
            RuleFor(r => r.Category).NotNull().IsInEnum();
            RuleFor(r => r.Description).MaximumLength(UnitedFrontOrganisation.DescriptionMaxLength);
        }
    }

    public sealed class RevisionValidator : AbstractValidator<RevisionRequest>
    {
        public RevisionValidator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(UnitedFrontOrganisation.NameMaxLength);
            RuleFor(r => r.Description).MaximumLength(UnitedFrontOrganisation.DescriptionMaxLength);
        }
    }

    public static RouteGroupBuilder MapOrganisations(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/organisations", ListAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("ListOrganisations")
            .WithSummary("Organisations by name; ?category= one category, ?q= part of the name; follow 'next'");
        liaison.MapGet("/organisations/{id:guid}", GetAsync)
            .RequirePersonAccess(read, LiaisonAccess.Cadres)
            .WithName("GetOrganisation")
            .WithSummary("One organisation; the ETag is its version");
        liaison.MapPost("/organisations", RegisterAsync)
            .Validate<RegistrationRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("RegisterOrganisation")
            .WithSummary("The office registers an organisation (names are unique: 409); announced as OrganisationRegistered");
        liaison.MapPut("/organisations/{id:guid}", ReviseAsync)
            .Validate<RevisionRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("ReviseOrganisation")
            .WithSummary("The office renames an organisation or changes its description (its category stays); If-Match with the ETag it read");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        QueryCode<OrganisationCategory>? category, string? q, string? cursor, int? limit, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        if (q?.Length > SearchMaxLength)
        {
            problems["q"] = [string.Format(CultureInfo.CurrentCulture, LiaisonTexts.SearchTooLong, SearchMaxLength)];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var organisations = db.Organisations.AsNoTracking();
        if (category is { Value: var wanted })
        {
            organisations = organisations.Where(o => o.Category == wanted);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            organisations = organisations.Where(o => o.Name.Contains(text));
        }
        var page = await organisations.PageAsync(paging, o => o.Name, o => o.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(Response.From));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = Response.ETagOf(organisation);
        return TypedResults.Ok(Response.From(organisation));
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> RegisterAsync(
        RegistrationRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var organisation = UnitedFrontOrganisation.Register(request.Name!, request.Category!.Value, request.Description, timeProvider.GetUtcNow());
        db.Organisations.Add(organisation);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return NameTaken(organisation.Name);
        }
        context.Response.Headers.ETag = Response.ETagOf(organisation);
        return TypedResults.Created($"/api/liaison/organisations/{organisation.Id}", Response.From(organisation));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReviseAsync(
        Guid id, RevisionRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(Response.ETagOf(organisation)) is { } stale)
        {
            return stale;
        }
        organisation.Revise(request.Name!, request.Description, timeProvider.GetUtcNow());
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return NameTaken(request.Name!.Trim());
        }
        context.Response.Headers.ETag = Response.ETagOf(organisation);
        return TypedResults.Ok(Response.From(organisation));
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.OrganisationNotFound_Title, detail: LiaisonTexts.OrganisationNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult NameTaken(string name) => TypedResults.Problem(title: LiaisonTexts.OrganisationNameTaken_Title,
        statusCode: StatusCodes.Status409Conflict, detail: string.Format(CultureInfo.CurrentCulture, LiaisonTexts.OrganisationNameTaken_Detail, name));
}
