using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Directory;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Registrations;

/// <summary>
/// /api/community/registrations: 在职党员到社区报到. A member registers themself with the community where they live,
/// once a year; their branch's keepers (or the office) confirm it, for the community's contact or for the branch. A
/// member reads their own, keepers their branch's, the office all; anyone else's registration does not exist (404).
/// </summary>
public static class Registrations
{
    public sealed record RegisterRequest(Guid? CommunityId, DateOnly? RegisteredOn);

    public sealed record ConfirmRequest(ConfirmedBy? ConfirmedBy, DateOnly? ConfirmedOn, string? Note);

    public sealed record Response(
        Guid Id, Guid PersonId, string PersonName, Guid BranchId, string BranchName, Guid CommunityId, string CommunityName, int Year,
        DateOnly RegisteredOn, RegistrationState State, ConfirmedBy? ConfirmedBy, DateOnly? ConfirmedOn, int Version);

    public sealed class RegisterValidator : AbstractValidator<RegisterRequest>
    {
        public RegisterValidator()
        {
            RuleFor(r => r.CommunityId).NotEmpty();
            RuleFor(r => r.RegisteredOn).NotNull().Must(d => d!.Value.Year is >= Periods.FirstYear and <= Periods.LastYear).WithMessage(_ => YearQuery.RangeMessage);
        }
    }

    public sealed class ConfirmValidator : AbstractValidator<ConfirmRequest>
    {
        public ConfirmValidator()
        {
            RuleFor(r => r.ConfirmedBy).NotNull().IsInEnum();
            RuleFor(r => r.ConfirmedOn).NotNull();
            RuleFor(r => r.Note).MaximumLength(CommunityRegistration.NoteMaxLength);
        }
    }

    public static RouteGroupBuilder MapRegistrations(this RouteGroupBuilder community)
    {
        community.MapPost("/registrations", RegisterAsync)
            .Validate<RegisterRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Everyone)
            .WithName("RegisterWithCommunity")
            .WithSummary("报到: a member registers themself with the community where they live (one open registration a year: 409; not dated in the future: 422); announced as MemberRegisteredWithCommunity");
        community.MapGet("/registrations", ListAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("ListRegistrations")
            .WithSummary("Registrations, latest first: one's own, a keeper's branch's, all for the office; ?year=, ?branchId=, ?communityId=, ?state=");
        community.MapGet("/registrations/mine", MineAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("GetMyRegistration")
            .WithSummary("The caller's open registration of a year (this year when ?year= is not given); 404 when they have not registered");
        community.MapGet("/registrations/{id:guid}", GetAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("GetRegistration")
            .WithSummary("One registration (the member's own, their branch's for keepers, any for the office)");
        community.MapPost("/registrations/{id:guid}/confirm", ConfirmAsync)
            .Validate<ConfirmRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Keepers)
            .WithName("ConfirmRegistration")
            .WithSummary("The member's branch keepers or the office confirm the registration, for the community's contact or the branch (409 unless pending); announced as MemberRegistrationConfirmed");
        community.MapPost("/registrations/{id:guid}/end", EndAsync)
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Everyone)
            .WithName("EndRegistration")
            .WithSummary("The member (moved house), their keepers or the office end a registration; announced as MemberRegistrationEnded");
        return community;
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var now = timeProvider.GetUtcNow();
        if (caller is not { UserId: { } personId, BranchId: { } branchId })
        {
            return TypedResults.Problem(title: CommunityTexts.NoBranch_Title, detail: CommunityTexts.NoBranch_Detail,
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        if (request.RegisteredOn!.Value > ChinaCalendar.DateOf(now))
        {
            return FieldProblems.Unprocessable("registeredOn", CommunityTexts.InFuture_Title, CommunityTexts.InFuture_Detail);
        }
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == request.CommunityId, cancellationToken);
        if (community is null)
        {
            return FieldProblems.Unprocessable("communityId", CommunityTexts.CommunityNotFound_Title, CommunityTexts.CommunityUnknown_Detail);
        }
        var name = await db.UnitMembers.CurrentNameAsync(personId, cancellationToken) ?? caller.DisplayName;
        var registration = CommunityRegistration.Register(personId, name, branchId, community, request.RegisteredOn.Value, now);
        db.Registrations.Add(registration);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return TypedResults.Problem(title: CommunityTexts.AlreadyRegistered_Title, statusCode: StatusCodes.Status409Conflict,
                detail: string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.AlreadyRegistered_Detail, registration.Year));
        }
        return TypedResults.Created($"/api/community/registrations/{registration.Id}", await ResponseAsync(db, registration, cancellationToken));
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        int? year, Guid? branchId, Guid? communityId, QueryCode<RegistrationState>? state, string? cursor, int? limit, HttpContext context,
        CommunityDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateOnly, Guid>(cursor, limit, problems);
        YearQuery.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var registrations = Visible(db.Registrations.AsNoTracking(), context.Caller());
        if (year is { } y)
        {
            registrations = registrations.Where(r => r.Year == y);
        }
        if (branchId is { } branch)
        {
            registrations = registrations.Where(r => r.BranchId == branch);
        }
        if (communityId is { } wanted)
        {
            registrations = registrations.Where(r => r.CommunityId == wanted);
        }
        if (state is { Value: var wantedState })
        {
            registrations = registrations.Where(r => r.State == wantedState);
        }
        var page = await registrations.PageAsync(paging, r => r.RegisteredOn, r => r.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await ResponsesAsync(db, page, cancellationToken));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult, ValidationProblem>> MineAsync(
        int? year, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        YearQuery.Check(year, problems);
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var wanted = year ?? ChinaCalendar.DateOf(timeProvider.GetUtcNow()).Year;
        var personId = context.Caller().UserId;
        var registration = await db.Registrations.AsNoTracking()
            .SingleOrDefaultAsync(r => r.PersonId == personId && r.Year == wanted && r.State != RegistrationState.Ended, cancellationToken);
        return registration is null ? NotFound() : TypedResults.Ok(await ResponseAsync(db, registration, cancellationToken));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var registration = await Visible(db.Registrations.AsNoTracking(), context.Caller()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return registration is null ? NotFound() : TypedResults.Ok(await ResponseAsync(db, registration, cancellationToken));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ConfirmAsync(
        Guid id, ConfirmRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var registration = await Visible(db.Registrations, caller).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }
        var now = timeProvider.GetUtcNow();
        if (request.ConfirmedOn!.Value > ChinaCalendar.DateOf(now))
        {
            return FieldProblems.Unprocessable("confirmedOn", CommunityTexts.InFuture_Title, CommunityTexts.InFuture_Detail);
        }
        registration.Confirm(request.ConfirmedBy!.Value, request.ConfirmedOn.Value, request.Note, caller.Signature, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, registration, cancellationToken));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> EndAsync(
        Guid id, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var registration = await Visible(db.Registrations, context.Caller()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (registration is null)
        {
            return NotFound();
        }
        registration.End(timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, registration, cancellationToken));
    }

    /// <summary>The office sees every registration, a keeper their branch's and their own, a member only their own.</summary>
    private static IQueryable<CommunityRegistration> Visible(IQueryable<CommunityRegistration> registrations, Caller caller)
    {
        if (caller.IsOffice())
        {
            return registrations;
        }
        var personId = caller.UserId ?? Guid.Empty;
        if (caller.IsInAnyRole(PlatformRoles.BranchKeepers) && caller.BranchId is { } branch)
        {
            return registrations.Where(r => r.BranchId == branch || r.PersonId == personId);
        }
        return registrations.Where(r => r.PersonId == personId);
    }

    private static async Task<Response> ResponseAsync(CommunityDbContext db, CommunityRegistration registration, CancellationToken cancellationToken) =>
        (await ResponsesAsync(db, new Page<CommunityRegistration>([registration], null), cancellationToken)).Items[0];

    private static async Task<Page<Response>> ResponsesAsync(CommunityDbContext db, Page<CommunityRegistration> page, CancellationToken cancellationToken)
    {
        var branches = await Units.NamesAsync(db, page.Items.Select(r => r.BranchId), cancellationToken);
        return page.Select(r => new Response(r.Id, r.PersonId, r.PersonName, r.BranchId, branches.NameIn(r.BranchId), r.CommunityId, r.CommunityName,
            r.Year, r.RegisteredOn, r.State, r.ConfirmedBy, r.ConfirmedOn, r.Version));
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.RegistrationNotFound_Title, detail: CommunityTexts.RegistrationNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
