using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Engagement;

/// <summary>
/// /api/liaison/events/{id}/registrations: an enterprise contact registers its own enterprise for an event (stating a
/// need, at a 银企对接会 the financing it looks for) and may withdraw (and register again) until the event starts; the
/// office registers any enterprise or bank. Cadres read every registration, withdrawn ones marked; an enterprise contact its own.
/// </summary>
public static class EventRegistrations
{
    public const int OrganisationNameMaxLength = 200;
    public const int PositionMaxLength = 100;

    public sealed record RegistrationRequest(
        ParticipantKind? Kind, string? OrganisationName, string? CreditCode, string? AttendeeName, string? AttendeePosition, string? Need, decimal? NeedAmount);

    public sealed record Response(
        Guid Id, Guid EventId, ParticipantKind Kind, string OrganisationName, string CreditCode, string AttendeeName, string? AttendeePosition,
        string? Need, decimal? NeedAmountInTenThousandYuan, DateTimeOffset RegisteredAt, DateTimeOffset? WithdrawnAt, bool? Attended)
    {
        public static Response From(EventRegistration r) => new(
            r.Id, r.EventId, r.Kind, r.OrganisationName, r.CreditCode, r.AttendeeName, r.AttendeePosition, r.Need, r.NeedAmountInTenThousandYuan,
            r.RegisteredAt, r.WithdrawnAt, r.Attended);
    }

    public sealed class RegistrationValidator : AbstractValidator<RegistrationRequest>
    {
        public RegistrationValidator()
        {
            RuleFor(r => r.Kind).IsInEnum();
            RuleFor(r => r.OrganisationName).MaximumLength(OrganisationNameMaxLength);
            RuleFor(r => r.CreditCode).CreditCode().When(r => !string.IsNullOrWhiteSpace(r.CreditCode));
            RuleFor(r => r.AttendeeName).NotEmpty().MaximumLength(EventRegistration.AttendeeMaxLength);
            RuleFor(r => r.AttendeePosition).MaximumLength(PositionMaxLength);
            RuleFor(r => r.Need).MaximumLength(EventRegistration.NeedMaxLength);
            RuleFor(r => r.NeedAmount).Amount();
            RuleFor(r => r.Need).Empty().WithMessage(_ => LiaisonTexts.NeedOfEnterprise).When(r => r.Kind == ParticipantKind.Bank);
            RuleFor(r => r.NeedAmount).Null().WithMessage(_ => LiaisonTexts.NeedOfEnterprise).When(r => r.Kind == ParticipantKind.Bank);
        }
    }

    public static RouteGroupBuilder MapEventRegistrations(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/events/{id:guid}/registrations", ListAsync)
            .RequirePersonAccess(read, LiaisonAccess.EventReaders)
            .WithName("ListEventRegistrations")
            .WithSummary("Who registered, in the order they did, withdrawn ones marked (an enterprise contact: its own registration); follow 'next'");
        liaison.MapPost("/events/{id:guid}/registrations", RegisterAsync)
            .Validate<RegistrationRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Registrars)
            .WithName("RegisterForEngagementEvent")
            .WithSummary("An enterprise contact registers its own enterprise (name and code from its account); the office registers an enterprise or a bank by name and credit code; once per organisation and event (409; after a withdrawal the same registration is taken up again), until the event starts (409)");
        liaison.MapPost("/events/{id:guid}/registrations/{registrationId:guid}/withdraw", WithdrawAsync)
            .RequirePersonAccess(write, LiaisonAccess.Registrars)
            .WithName("WithdrawEventRegistration")
            .WithSummary("The enterprise withdraws its registration (or the office any) until the event starts (409 after, or when withdrawn already); the record stays, marked withdrawn");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, string? cursor, int? limit, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        if (!await db.EngagementEvents.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return EngagementEvents.NotFound();
        }
        var page = await Visible(db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id), context.Caller())
            .PageAsync(paging, r => r.RegisteredAt, r => r.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(Response.From));
    }

    internal static async Task<Results<Created<Response>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Guid id, RegistrationRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var (details, invalid) = DetailsFor(caller, request);
        if (invalid.Count > 0)
        {
            return FieldProblems.Invalid(invalid);
        }
        if (details is null)
        {
            return FieldProblems.Unprocessable("creditCode", LiaisonTexts.OwnEnterpriseOnly_Title, LiaisonTexts.OwnEnterpriseOnly);
        }
        var engagement = await db.EngagementEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return EngagementEvents.NotFound();
        }
        var now = timeProvider.GetUtcNow();
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == id && r.CreditCode == details.CreditCode, cancellationToken);
        if (registration is null)
        {
            registration = EventRegistration.For(engagement, details, caller.UserId!.Value, now);
            db.EventRegistrations.Add(registration);
        }
        else
        {
            registration.Renew(engagement, details, caller.UserId!.Value, now);
        }
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return TypedResults.Problem(title: LiaisonTexts.AlreadyRegistered_Title, detail: LiaisonTexts.AlreadyRegistered_Detail, statusCode: StatusCodes.Status409Conflict);
        }
        return TypedResults.Created($"/api/liaison/events/{id}/registrations", Response.From(registration));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> WithdrawAsync(
        Guid id, Guid registrationId, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var registration = await Visible(db.EventRegistrations.Where(r => r.EventId == id && r.Id == registrationId), context.Caller())
            .SingleOrDefaultAsync(cancellationToken);
        var engagement = await db.EngagementEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (registration is null || engagement is null)
        {
            return NotFound();
        }
        registration.Withdraw(engagement, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Response.From(registration));
    }

    /// <summary>An enterprise contact sees its own enterprise's registrations; everyone else admitted sees all.</summary>
    internal static IQueryable<EventRegistration> Visible(IQueryable<EventRegistration> registrations, Caller caller)
    {
        if (!caller.Roles.Contains(PlatformRoles.EnterpriseContact))
        {
            return registrations;
        }
        var own = caller.OwnEnterprise?.Code ?? "";
        return registrations.Where(r => r.CreditCode == own);
    }

    /// <summary>
    /// The registration's party: an enterprise contact's own enterprise (null when it names another organisation or a
    /// bank, or its account names no enterprise), or for the office the enterprise or bank it names (its fields checked).
    /// </summary>
    private static (EventRegistration.Details? Details, Dictionary<string, string[]> Invalid) DetailsFor(Caller caller, RegistrationRequest request)
    {
        var invalid = new Dictionary<string, string[]>();
        var code = string.IsNullOrWhiteSpace(request.CreditCode) ? null : UnifiedSocialCreditCode.Normalize(request.CreditCode);
        var name = request.OrganisationName?.Trim();
        var kind = request.Kind ?? ParticipantKind.Enterprise;
        if (caller.Roles.Contains(PlatformRoles.EnterpriseContact))
        {
            return caller.OwnEnterprise is { } own && kind == ParticipantKind.Enterprise && (code is null || code == own.Code)
                ? (Of(own.Code, own.Name), invalid)
                : (null, invalid);
        }
        if (request.Kind is null)
        {
            invalid["kind"] = [LiaisonTexts.ParticipantKindRequired];
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            invalid["organisationName"] = [LiaisonTexts.OrganisationNameRequired];
        }
        if (code is null)
        {
            invalid["creditCode"] = [LiaisonTexts.CreditCodeRequired];
        }
        return (invalid.Count > 0 ? null : Of(code!, name!), invalid);

        EventRegistration.Details Of(string code, string name) =>
            new(kind, name, code, request.AttendeeName!, request.AttendeePosition, request.Need, request.NeedAmount);
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.RegistrationNotFound_Title, detail: LiaisonTexts.RegistrationNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}

internal static class AmountRules
{
    /// <summary>The most any amount in 万元 may be: 100 billion yuan.</summary>
    public const decimal MaxInTenThousandYuan = 10_000_000m;

    /// <summary>An amount in 万元: positive, at most <see cref="MaxInTenThousandYuan"/>, to two decimals.</summary>
    public static IRuleBuilderOptions<T, decimal?> Amount<T>(this IRuleBuilder<T, decimal?> rule) => rule
        .GreaterThan(0m).LessThanOrEqualTo(MaxInTenThousandYuan).PrecisionScale(12, 2, ignoreTrailingZeros: true);
}
