using System.Globalization;
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
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Features.Directory;

/// <summary>People: registration with roles and a branch, moves between units, role changes, deactivation.</summary>
public static class People
{
    public sealed record MembershipResponse(Guid UnitId, UnitKind UnitKind, DateOnly ValidFrom, DateOnly? ValidTo);

    public sealed record PersonResponse(
        Guid Id, string UserName, string DisplayName, string? PhoneNumber, IReadOnlyList<string> Roles, Guid? BranchId,
        string? ExternalOrganisation, string? EnterpriseCode, string? EnterpriseName, bool Active,
        IReadOnlyList<MembershipResponse> Memberships)
    {
        public static PersonResponse From(Person person, IReadOnlyList<string> roles) => new(
            person.Id, person.UserName!, person.DisplayName, MaskPhone(person.PhoneNumber), roles, person.CurrentBranch?.UnitId,
            person.ExternalOrganisation, person.EnterpriseCode, person.EnterpriseName, person.IsActive,
            [.. person.Memberships.OrderBy(m => m.ValidFrom).Select(m => new MembershipResponse(m.UnitId, m.UnitKind, m.ValidFrom, m.ValidTo))]);
    }

    public sealed record RegisterRequest(
        string? UserName, string? DisplayName, string? Password, string[]? Roles, Guid? BranchId, string? PhoneNumber,
        string? ExternalOrganisation, string? EnterpriseCode, string? EnterpriseName);

    public sealed record JoinRequest(Guid? UnitId, DateOnly? On);

    public sealed record LeaveRequest(DateOnly? On);

    public sealed record RolesRequest(string[]? Roles);

    public sealed class RegisterValidator : AbstractValidator<RegisterRequest>
    {
        public RegisterValidator()
        {
            RuleFor(r => r.UserName).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._@-]+$")
                .WithMessage(_ => IdentityTexts.UserNameCharacters);
            RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(Person.DisplayNameMaxLength);
            RuleFor(r => r.Password).NotEmpty();
            RuleFor(r => r.Roles).NotEmpty();
            RuleForEach(r => r.Roles).Must(role => PlatformRoles.All.Contains(role)).WithMessage((_, role) => UnknownRole(role));
            RuleFor(r => r.PhoneNumber).Matches(@"^1\d{10}$").When(r => r.PhoneNumber is not null).WithMessage(_ => IdentityTexts.PhoneNumberFormat);
            RuleFor(r => r.ExternalOrganisation).MaximumLength(Person.OrganisationMaxLength);
            RuleFor(r => r.EnterpriseName).MaximumLength(Person.OrganisationMaxLength);
            RuleFor(r => r.EnterpriseCode).NotEmpty().When(r => r.Roles?.Contains(PlatformRoles.EnterpriseContact) == true)
                .WithMessage(_ => IdentityTexts.EnterpriseCodeRequired);
            RuleFor(r => r.EnterpriseName).NotEmpty().When(r => r.Roles?.Contains(PlatformRoles.EnterpriseContact) == true);
            RuleFor(r => r.EnterpriseCode)
                .Must(code => UnifiedSocialCreditCode.IsValid(UnifiedSocialCreditCode.Normalize(code!)))
                .When(r => !string.IsNullOrWhiteSpace(r.EnterpriseCode))
                .WithMessage(_ => IdentityTexts.EnterpriseCodeInvalid);
        }
    }

    public sealed class JoinValidator : AbstractValidator<JoinRequest>
    {
        public JoinValidator() => RuleFor(r => r.UnitId).NotEmpty();
    }

    public sealed class RolesValidator : AbstractValidator<RolesRequest>
    {
        public RolesValidator()
        {
            RuleFor(r => r.Roles).NotEmpty();
            RuleForEach(r => r.Roles).Must(role => PlatformRoles.All.Contains(role)).WithMessage((_, role) => UnknownRole(role));
        }
    }

    public static void MapPeople(this RouteGroupBuilder directory)
    {
        directory.MapGet("/me", MeAsync)
            .RequireAccess(DirectoryApi.ReadScopes, [.. PlatformRoles.All])
            .WithName("GetMe").WithSummary("The signed-in person's own directory entry");
        var people = directory.MapGroup("/people");
        people.MapGet("/", ListAsync)
            .RequireAccess(DirectoryApi.ReadScopes, DirectoryApi.Readers)
            .WithName("ListPeople").WithSummary("List people, optionally current members of one unit or holders of one role");
        people.MapGet("/{id:guid}", GetAsync)
            .RequireAccess(DirectoryApi.ReadScopes, DirectoryApi.Readers)
            .WithName("GetPerson").WithSummary("Read one person with their membership history");
        people.MapPost("/", RegisterAsync).Validate<RegisterRequest>()
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("RegisterPerson").WithSummary("Register a person with roles, a password meeting the policy, and optionally a branch");
        people.MapPost("/{id:guid}/memberships", JoinAsync).Validate<JoinRequest>()
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("JoinUnit").WithSummary("Add a person to a unit; joining another branch moves them (the old membership ends)");
        people.MapPost("/{id:guid}/memberships/{unitId:guid}/end", LeaveAsync)
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("LeaveUnit").WithSummary("End a person's membership of a unit (kept in the history)");
        people.MapPut("/{id:guid}/roles", ChangeRolesAsync).Validate<RolesRequest>()
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("ChangeRoles").WithSummary("Replace a person's roles");
        people.MapPost("/{id:guid}/deactivate", DeactivateAsync)
            .RequireAccess(DirectoryApi.ManageScopes, DirectoryApi.Managers)
            .WithName("DeactivatePerson").WithSummary("Deactivate a person: memberships end, sign-in stops, history stays");
    }

    internal static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> MeAsync(
        HttpContext context, IdentityDbContext db, UserManager<Person> users, CancellationToken cancellationToken) =>
        context.Caller().UserId is { } id ? await GetAsync(id, db, users, cancellationToken) : NotFound(IdentityTexts.CallerNotInDirectory_Detail);

    internal static async Task<Results<Ok<Page<PersonResponse>>, ValidationProblem>> ListAsync(
        Guid? unitId, string? role, string? cursor, int? limit, HttpContext context, IdentityDbContext db, UserManager<Person> users,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        // The role filter names one of the platform's roles (an empty or unknown one would reach Identity's role store).
        if (role is not null && !PlatformRoles.All.Contains(role))
        {
            problems["role"] = [UnknownRole(role)];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var query = db.Users.AsNoTracking().Include(p => p.Memberships).AsQueryable();
        if (unitId is not null)
        {
            query = query.Where(p => p.Memberships.Any(m => m.UnitId == unitId && m.ValidTo == null));
        }
        if (role is not null)
        {
            var holders = (await users.GetUsersInRoleAsync(role)).Select(p => p.Id).ToList();
            query = query.Where(p => holders.Contains(p.Id));
        }
        var page = await query.PageAsync(paging, p => p.DisplayName, p => p.Id, context, cancellationToken);
        var roles = await RolesOfAsync(db, [.. page.Items.Select(p => p.Id)], cancellationToken);
        return TypedResults.Ok(page.Select(p => PersonResponse.From(p, roles.GetValueOrDefault(p.Id, []))));
    }

    internal static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> GetAsync(
        Guid id, IdentityDbContext db, UserManager<Person> users, CancellationToken cancellationToken)
    {
        var person = await db.Users.AsNoTracking().Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return person is null ? NotFound() : TypedResults.Ok(PersonResponse.From(person, [.. await users.GetRolesAsync(person)]));
    }

    internal static async Task<Results<Created<PersonResponse>, ProblemHttpResult, ValidationProblem>> RegisterAsync(
        RegisterRequest request, IdentityDbContext db, UserManager<Person> users, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        OrganisationUnit? branch = null;
        if (request.BranchId is { } branchId
            && (branch = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == branchId, cancellationToken)) is null)
        {
            return FieldProblems.Unprocessable("branchId", IdentityTexts.BranchNotFound, IdentityTexts.BranchNotFound_Detail);
        }
        var roles = request.Roles!.Distinct().ToArray();
        var now = timeProvider.GetUtcNow();
        var enterprise = string.IsNullOrWhiteSpace(request.EnterpriseCode)
            ? ((string, string)?)null
            : (UnifiedSocialCreditCode.Normalize(request.EnterpriseCode), request.EnterpriseName!.Trim());
        var person = Person.Register(request.UserName!.Trim(), request.DisplayName!.Trim(), request.PhoneNumber,
            request.ExternalOrganisation?.Trim(), enterprise, now);
        // Password policy and user-name uniqueness are checked before anything is written.
        var problems = new Dictionary<string, string[]>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, person, request.Password);
            if (!check.Succeeded)
            {
                problems["password"] = [.. check.Errors.Select(e => e.Description)];
            }
        }
        if (await users.FindByNameAsync(person.UserName!) is not null)
        {
            problems["userName"] = [IdentityTexts.UserNameTaken];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }

        await db.InTransactionAsync(async ct =>
        {
            Succeeded(await users.CreateAsync(person, request.Password!));
            Succeeded(await users.AddToRolesAsync(person, roles));
            person.AnnounceRegistration(roles, now);
            if (branch is not null)
            {
                person.Join(branch, timeProvider.Today(), now);
            }
            audit.Record(AuditActions.PersonRegistered, true, person.Id.ToString(), $"{person.UserName} {person.DisplayName} roles {string.Join(',', roles)}");
            return person;
        }, cancellationToken);
        return TypedResults.Created($"/api/directory/people/{person.Id}", PersonResponse.From(person, roles));
    }

    internal static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> JoinAsync(
        Guid id, JoinRequest request, IdentityDbContext db, UserManager<Person> users, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var person = await db.Users.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        var unit = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Id == request.UnitId, cancellationToken);
        if (unit is null)
        {
            return FieldProblems.Unprocessable("unitId", IdentityTexts.UnitNotFound_Title, IdentityTexts.JoinedUnitNotFound_Detail);
        }
        person.Join(unit, request.On ?? timeProvider.Today(), timeProvider.GetUtcNow());
        audit.Record(AuditActions.PersonJoinedUnit, true, person.Id.ToString(), $"{person.DisplayName} joined {unit.Kind} {unit.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PersonResponse.From(person, [.. await users.GetRolesAsync(person)]));
    }

    internal static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> LeaveAsync(
        Guid id, Guid unitId, LeaveRequest? request, IdentityDbContext db, UserManager<Person> users, AuditTrail audit,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var person = await db.Users.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        // The refusal names the unit; a unit the directory never had is not found rather than "not a member".
        if (!await db.OrganisationUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            return Units.NotFound();
        }
        person.Leave(unitId, request?.On ?? timeProvider.Today(), timeProvider.GetUtcNow());
        audit.Record(AuditActions.PersonLeftUnit, true, person.Id.ToString(), $"{person.DisplayName} left unit {unitId}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PersonResponse.From(person, [.. await users.GetRolesAsync(person)]));
    }

    internal static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> ChangeRolesAsync(
        Guid id, RolesRequest request, IdentityDbContext db, UserManager<Person> users, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var person = await db.Users.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        person.EnsureActive();
        var roles = request.Roles!.Distinct().ToArray();
        await db.InTransactionAsync(async ct =>
        {
            // The transaction's retry starts from a clean change tracker: read the person again inside it.
            var tracked = await db.Users.SingleAsync(p => p.Id == id, ct);
            var current = await users.GetRolesAsync(tracked);
            Succeeded(await users.RemoveFromRolesAsync(tracked, current.Except(roles)));
            Succeeded(await users.AddToRolesAsync(tracked, roles.Except(current)));
            // Tokens already issued keep the old roles until they expire; refresh tokens pick up the new ones.
            Succeeded(await users.UpdateSecurityStampAsync(tracked));
            tracked.AnnounceRoles(roles, timeProvider.GetUtcNow());
            audit.Record(AuditActions.PersonRolesChanged, true, id.ToString(), $"{string.Join(',', current)} -> {string.Join(',', roles)}");
            return tracked;
        }, cancellationToken);
        return TypedResults.Ok(PersonResponse.From(person, roles));
    }

    internal static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> DeactivateAsync(
        Guid id, LeaveRequest? request, IdentityDbContext db, UserManager<Person> users, AuditTrail audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var person = await db.Users.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        person.Deactivate(request?.On ?? timeProvider.Today(), timeProvider.GetUtcNow());
        audit.Record(AuditActions.PersonDeactivated, true, person.Id.ToString(), $"{person.UserName} {person.DisplayName}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PersonResponse.From(person, [.. await users.GetRolesAsync(person)]));
    }

    /// <summary>Phone numbers are personal data: lists and answers show 138****5678.</summary>
    public static string? MaskPhone(string? phone) =>
        phone is { Length: 11 } ? $"{phone[..3]}****{phone[7..]}" : phone is null ? null : "****";

    private static async Task<Dictionary<Guid, string[]>> RolesOfAsync(IdentityDbContext db, List<Guid> people, CancellationToken cancellationToken) =>
        (await db.UserRoles.Where(ur => people.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken))
        .GroupBy(x => x.UserId)
        .ToDictionary(g => g.Key, g => g.Select(x => x.Name!).Order().ToArray());

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RuleViolation(Texts.Text(nameof(IdentityTexts.AccountOperationFailed_Title)),
                Texts.Text(nameof(IdentityTexts.AccountOperationFailed_Detail), string.Join(" ", result.Errors.Select(e => e.Description))));
        }
    }

    private static string UnknownRole(string? role) => string.Format(CultureInfo.CurrentCulture, IdentityTexts.UnknownRole, role);

    private static ProblemHttpResult NotFound(string? detail = null) => TypedResults.Problem(
        title: IdentityTexts.PersonNotFound_Title, detail: detail ?? IdentityTexts.PersonNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
