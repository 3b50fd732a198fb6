using BrandPlatform.Identity.Domain;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Identity.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>Organisation units: the organ committee, its branches and party groups, groups, task forces, departments.</summary>
public static class Units
{
    public sealed record UnitResponse(
        Guid Id, string Name, UnitKind Kind, Guid? ParentId, DateOnly ValidFrom, DateOnly? ValidTo, int CurrentMembers)
    {
        public static UnitResponse From(OrganisationUnit unit, int currentMembers) =>
            new(unit.Id, unit.Name, unit.Kind, unit.ParentId, unit.ValidFrom, unit.ValidTo, currentMembers);
    }

    public sealed record CreateRequest(string? Name, UnitKind? Kind, Guid? ParentId, DateOnly? ValidFrom);

    public sealed record MoveRequest(Guid? ParentId);

    public sealed record DeactivateRequest(DateOnly? On);

    public sealed class CreateValidator : AbstractValidator<CreateRequest>
    {
        public CreateValidator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(OrganisationUnit.NameMaxLength);
            RuleFor(r => r.Kind).NotNull();
            RuleFor(r => r.ParentId).NotEmpty().When(r => r.Kind is not null and not UnitKind.OrganCommittee);
        }
    }

    public sealed class MoveValidator : AbstractValidator<MoveRequest>
    {
        public MoveValidator() => RuleFor(r => r.ParentId).NotEmpty();
    }

    public static void MapUnits(this RouteGroupBuilder directory)
    {
        var units = directory.MapGroup("/units");
        units.MapGet("/", ListAsync)
            .RequireAccess(DirectoryApi.ReadScopes, DirectoryApi.Readers)
            .WithName("ListUnits").WithSummary("List organisation units, optionally of one kind or under one parent");
        units.MapGet("/{id:guid}", GetAsync)
            .RequireAccess(DirectoryApi.ReadScopes, DirectoryApi.Readers)
            .WithName("GetUnit").WithSummary("Read one organisation unit");
        units.MapPost("/", CreateAsync).Validate<CreateRequest>()
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("CreateUnit").WithSummary("Create a unit under its parent (a branch under the organ committee, a party group under a branch, ...)");
        units.MapPost("/{id:guid}/move", MoveAsync).Validate<MoveRequest>()
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("MoveUnit").WithSummary("Move a unit under another parent of the right kind");
        units.MapPost("/{id:guid}/deactivate", DeactivateAsync)
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("DeactivateUnit").WithSummary("End a unit from a date (never deleted); refused while it has members or sub-units");
    }

    /// <param name="kind">A unit kind as in JSON (branch, partyGroup, taskForce, ...).</param>
    internal static async Task<Results<Ok<Page<UnitResponse>>, ValidationProblem>> ListAsync(
        string? kind, Guid? parentId, bool? includeInactive, string? cursor, int? limit, HttpContext context, IdentityDbContext db,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        var today = timeProvider.Today();
        var query = db.OrganisationUnits.AsNoTracking();
        if (kind is not null)
        {
            if (!Enum.TryParse<UnitKind>(kind, ignoreCase: true, out var parsed) || int.TryParse(kind, out _))
            {
                problems["kind"] = [IdentityTexts.UnknownUnitKind];
            }
            query = query.Where(u => u.Kind == parsed);
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        if (parentId is not null)
        {
            query = query.Where(u => u.ParentId == parentId);
        }
        if (includeInactive != true)
        {
            query = query.Where(u => u.ValidTo == null || u.ValidTo > today);
        }
        var page = await query.PageAsync(paging, u => u.Name, u => u.Id, context, cancellationToken);
        var ids = page.Items.Select(u => u.Id).ToList();
        var members = await db.UnitMemberships.Where(m => ids.Contains(m.UnitId) && m.ValidTo == null)
            .GroupBy(m => m.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return TypedResults.Ok(page.Select(u => UnitResponse.From(u, members.GetValueOrDefault(u.Id))));
    }

    internal static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> GetAsync(
        Guid id, IdentityDbContext db, CancellationToken cancellationToken)
    {
        var unit = await db.OrganisationUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return unit is null
            ? NotFound()
            : TypedResults.Ok(UnitResponse.From(unit, await db.UnitMemberships.CountAsync(m => m.UnitId == id && m.ValidTo == null, cancellationToken)));
    }

    internal static async Task<Results<Created<UnitResponse>, ProblemHttpResult>> CreateAsync(
        CreateRequest request, IdentityDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        OrganisationUnit? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == parentId, cancellationToken);
            if (parent is null)
            {
                return ParentNotFound();
            }
        }
        var unit = await db.InTransactionAsync(async ct =>
        {
            var created = OrganisationUnit.Create(request.Name!.Trim(), request.Kind!.Value, parent,
                request.ValidFrom ?? timeProvider.Today(), timeProvider.GetUtcNow());
            db.OrganisationUnits.Add(created);
            audit.Record(AuditActions.UnitCreated, true, created.Id.ToString(), $"{created.Kind} {created.Name} under {parent?.Name}");
            return await Task.FromResult(created);
        }, cancellationToken);
        return TypedResults.Created($"/api/directory/units/{unit.Id}", UnitResponse.From(unit, 0));
    }

    internal static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> MoveAsync(
        Guid id, MoveRequest request, IdentityDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var unit = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }
        var parent = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == request.ParentId, cancellationToken);
        if (parent is null)
        {
            return ParentNotFound();
        }
        unit.MoveTo(parent, timeProvider.Today(), timeProvider.GetUtcNow());
        audit.Record(AuditActions.UnitMoved, true, unit.Id.ToString(), $"{unit.Name} moved under {parent.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UnitResponse.From(unit, await db.UnitMemberships.CountAsync(m => m.UnitId == id && m.ValidTo == null, cancellationToken)));
    }

    internal static async Task<Results<Ok<UnitResponse>, ProblemHttpResult>> DeactivateAsync(
        Guid id, DeactivateRequest? request, IdentityDbContext db, AuditTrail audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var unit = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return NotFound();
        }
        var on = request?.On ?? timeProvider.Today();
        var hasChildren = await db.OrganisationUnits.AnyAsync(u => u.ParentId == id && (u.ValidTo == null || u.ValidTo > on), cancellationToken);
        var hasMembers = await db.UnitMemberships.AnyAsync(m => m.UnitId == id && m.ValidTo == null, cancellationToken);
        unit.Deactivate(on, hasChildren, hasMembers, timeProvider.GetUtcNow());
        audit.Record(AuditActions.UnitDeactivated, true, unit.Id.ToString(), $"{unit.Name} ends {on:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UnitResponse.From(unit, 0));
    }

    internal static ProblemHttpResult NotFound() =>
        TypedResults.Problem(title: IdentityTexts.UnitNotFound_Title, detail: IdentityTexts.UnitNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult ParentNotFound() =>
        FieldProblems.Unprocessable("parentId", IdentityTexts.ParentNotFound, IdentityTexts.ParentNotFound_Detail);
}
