using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Features.Visits;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Engagement;

/// <summary>
/// /api/liaison/events/{id}/outcomes: after an event was held the office records what came of it for each enterprise
/// that attended: a financing need matched with a bank that attended, a problem raised (the tickets service files it as
/// a ticket, channel event, and the outcome follows the ticket), or another result. The event's page lists them.
/// </summary>
public static class EngagementOutcomes
{
    public sealed record ProblemRequest(string? Title, TicketCategory? Category, string? Description);

    public sealed record OutcomeRequest(
        OutcomeKind? Kind, Guid? EnterpriseRegistrationId, Guid? BankRegistrationId, decimal? Amount, string? Note, ProblemRequest? Problem);

    public sealed record Response(
        Guid Id, OutcomeKind Kind, Guid EnterpriseRegistrationId, string EnterpriseName, string? Need, string? BankName, decimal? AmountInTenThousandYuan,
        string? Note, Guid? ProblemId, string? ProblemTitle, string? TicketNumber, string? TicketState, DateTimeOffset RecordedAt);

    internal sealed record Visible(Guid EventId, Response Response);

    public sealed class ProblemValidator : AbstractValidator<ProblemRequest>
    {
        public ProblemValidator()
        {
            RuleFor(p => p.Title).NotEmpty().MaximumLength(TicketFields.TitleMaxLength);
            RuleFor(p => p.Category).NotNull().EnterpriseCategory();
            RuleFor(p => p.Description).NotEmpty().MaximumLength(TicketFields.DescriptionMaxLength);
        }
    }

    public sealed class OutcomeValidator : AbstractValidator<OutcomeRequest>
    {
        public OutcomeValidator()
        {
            RuleFor(o => o.Kind).NotNull().IsInEnum();
            RuleFor(o => o.EnterpriseRegistrationId).NotEmpty();
            RuleFor(o => o.Note).MaximumLength(EngagementOutcome.NoteMaxLength);
            RuleFor(o => o.Amount).Amount();
            RuleFor(o => o.BankRegistrationId).NotEmpty().WithMessage(_ => LiaisonTexts.BankForFinancing).When(o => o.Kind == OutcomeKind.FinancingMatched);
            RuleFor(o => o.BankRegistrationId).Null().WithMessage(_ => LiaisonTexts.BankForFinancing).When(o => o.Kind != OutcomeKind.FinancingMatched);
            RuleFor(o => o.Amount).Null().WithMessage(_ => LiaisonTexts.BankForFinancing).When(o => o.Kind != OutcomeKind.FinancingMatched);
            RuleFor(o => o.Problem).NotNull().WithMessage(_ => LiaisonTexts.ProblemForProblemRaised).When(o => o.Kind == OutcomeKind.ProblemRaised);
            RuleFor(o => o.Problem).Null().WithMessage(_ => LiaisonTexts.ProblemForProblemRaised).When(o => o.Kind != OutcomeKind.ProblemRaised);
            RuleFor(o => o.Problem!).SetValidator(new ProblemValidator()).When(o => o.Problem is not null);
            RuleFor(o => o.Note).NotEmpty().WithMessage(_ => LiaisonTexts.NoteForOther).When(o => o.Kind == OutcomeKind.Other);
        }
    }

    public static RouteGroupBuilder MapEngagementOutcomes(this RouteGroupBuilder liaison)
    {
        liaison.MapPost("/events/{id:guid}/outcomes", RecordAsync)
            .Validate<OutcomeRequest>()
            .RequirePersonAccess([LiaisonAccess.WriteScope], LiaisonAccess.Office)
            .WithName("RecordEngagementOutcome")
            .WithSummary("The office records an outcome of a held event for an enterprise that attended: financingMatched (with a bank that attended and the amount in 万元), problemRaised (filed as a ticket, channel event; announced as ProblemRaised) or other; announced as EngagementOutcomeRecorded");
        return liaison;
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> RecordAsync(
        Guid id, OutcomeRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var engagement = await db.EngagementEvents.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return EngagementEvents.NotFound();
        }
        var enterprise = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == id && r.Id == request.EnterpriseRegistrationId, cancellationToken);
        if (enterprise is null)
        {
            return FieldProblems.Unprocessable("enterpriseRegistrationId", LiaisonTexts.RegistrationNotFound_Title, LiaisonTexts.RegistrationNotFound_Detail);
        }
        EventRegistration? bank = null;
        if (request.BankRegistrationId is { } bankId
            && (bank = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == id && r.Id == bankId, cancellationToken)) is null)
        {
            return FieldProblems.Unprocessable("bankRegistrationId", LiaisonTexts.RegistrationNotFound_Title, LiaisonTexts.RegistrationNotFound_Detail);
        }
        var caller = context.Caller();
        var now = timeProvider.GetUtcNow();
        var problem = request.Problem is { } raised
            ? RaisedProblem.AtEvent(engagement, enterprise, raised.Title!, raised.Category!.Value, raised.Description!, new Visitor(caller.UserId!.Value, caller.DisplayName), now)
            : null;
        var outcome = EngagementOutcome.Of(engagement, request.Kind!.Value, enterprise, bank, request.Amount, request.Note, problem, caller.UserId!.Value, now);
        db.EngagementOutcomes.Add(outcome);
        if (problem is not null)
        {
            db.Problems.Add(problem);
        }
        await db.SaveChangesAsync(cancellationToken);
        var recorded = await VisibleAsync(db, [id], caller, cancellationToken);
        return TypedResults.Created($"/api/liaison/events/{id}", recorded.Single(o => o.Response.Id == outcome.Id).Response);
    }

    /// <summary>The outcomes of the events the caller may read: all of them, or for an enterprise contact its enterprise's.</summary>
    internal static async Task<IReadOnlyList<Visible>> VisibleAsync(LiaisonDbContext db, IReadOnlyList<Guid> eventIds, Caller caller, CancellationToken cancellationToken)
    {
        var enterprises = EventRegistrations.Visible(db.EventRegistrations.AsNoTracking(), caller);
        var rows = await (
            from outcome in db.EngagementOutcomes.AsNoTracking()
            where eventIds.Contains(outcome.EventId)
            join enterprise in enterprises on outcome.EnterpriseRegistrationId equals enterprise.Id
            join bank in db.EventRegistrations.AsNoTracking() on outcome.BankRegistrationId equals bank.Id into banks
            from bank in banks.DefaultIfEmpty()
            join problem in db.Problems.AsNoTracking() on outcome.ProblemId equals problem.Id into problems
            from problem in problems.DefaultIfEmpty()
            orderby outcome.RecordedAt, outcome.Id
            select new
            {
                outcome, enterprise.OrganisationName, enterprise.Need, BankName = bank == null ? null : bank.OrganisationName,
                ProblemTitle = problem == null ? null : problem.Title, TicketNumber = problem == null ? null : problem.TicketNumber,
                TicketState = problem == null ? null : problem.TicketState,
            }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Visible(r.outcome.EventId, new Response(
            r.outcome.Id, r.outcome.Kind, r.outcome.EnterpriseRegistrationId, r.OrganisationName, r.Need, r.BankName, r.outcome.AmountInTenThousandYuan,
            r.outcome.Note, r.outcome.ProblemId, r.ProblemTitle, r.TicketNumber, r.TicketState, r.outcome.RecordedAt)))];
    }
}
