using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Routing;
using BrandPlatform.Tickets.Features.Webhooks;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static BrandPlatform.Tickets.Resources.Texts;

namespace BrandPlatform.Tickets.Features.Workflow;

/// <summary>
/// The closed loop's steps as endpoints, POST /api/tickets/{id}/{step}. Each loads the ticket, checks the caller's
/// organisation scope and the If-Match version (412 when stale), and asks the entity to make the transition (409 naming
/// the current state when it is not allowed). The answer carries the new ETag.
/// </summary>
public static class TicketWorkflow
{
    public sealed record NoteRequest(string? Note);

    public sealed record ReasonRequest(string? Reason);

    public sealed record AssignRequest(Guid? LeadUnitId, Guid[]? CoHandlingUnitIds);

    /// <summary>The office names the unit it records feedback for; a co-handling unit's handler need not.</summary>
    public sealed record CoHandlingFeedbackRequest(Guid? UnitId, string? Note);

    public sealed class CoHandlingFeedbackValidator : AbstractValidator<CoHandlingFeedbackRequest>
    {
        public CoHandlingFeedbackValidator() => RuleFor(r => r.Note).NotEmpty().MaximumLength(Ticket.NoteMaxLength);
    }

    public sealed record AttachRequest(IReadOnlyList<SubmitTicket.SubmitTicket.AttachmentRequest>? Attachments);

    public sealed class AttachValidator : AbstractValidator<AttachRequest>
    {
        public AttachValidator()
        {
            RuleFor(r => r.Attachments).NotEmpty().Must(a => a!.Count <= Ticket.MaxAttachments).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, TicketApiTexts.AttachmentsAtMost, Ticket.MaxAttachments));
            RuleForEach(r => r.Attachments).EachValid(new SubmitTicket.SubmitTicket.AttachmentValidator());
        }
    }

    public sealed record CitePolicyRequest(Guid? PolicyId);

    public sealed class CitePolicyValidator : AbstractValidator<CitePolicyRequest>
    {
        public CitePolicyValidator() => RuleFor(r => r.PolicyId).NotEmpty();
    }

    public sealed record ConfirmRequest(Satisfaction? Satisfaction, string? Note);

    public sealed record ReturnVisitRequest(bool? Answered, Satisfaction? Satisfaction, bool? ReallySolved, bool? ImproperRequest, string? Note);

    public sealed record WithdrawalReviewRequest(bool? PressedByUnit, string? Note);

    public sealed class ReturnVisitValidator : AbstractValidator<ReturnVisitRequest>
    {
        public ReturnVisitValidator()
        {
            RuleFor(r => r.Answered).NotNull();
            RuleFor(r => r.Satisfaction).NotNull().When(r => r.Answered == true).WithMessage(_ => TicketApiTexts.ReturnVisitSatisfactionRequired);
            RuleFor(r => r.ReallySolved).NotNull().When(r => r.Answered == true).WithMessage(_ => TicketApiTexts.ReturnVisitSolvedRequired);
            RuleFor(r => r.Note).MaximumLength(Ticket.NoteMaxLength);
        }
    }

    public sealed class WithdrawalReviewValidator : AbstractValidator<WithdrawalReviewRequest>
    {
        public WithdrawalReviewValidator()
        {
            RuleFor(r => r.PressedByUnit).NotNull();
            RuleFor(r => r.Note).NotEmpty().When(r => r.PressedByUnit == true).MaximumLength(Ticket.NoteMaxLength);
        }
    }

    public sealed record ObjectionDecisionRequest(bool? Uphold, Guid? LeadUnitId, string? Note);

    public sealed record ExtensionRequest(DateTimeOffset? RequestedDue, string? Reason);

    public sealed record ExtensionDecisionRequest(bool? Approve, string? Note);

    public sealed class ObjectionDecisionValidator : AbstractValidator<ObjectionDecisionRequest>
    {
        public ObjectionDecisionValidator()
        {
            RuleFor(r => r.Uphold).NotNull();
            RuleFor(r => r.LeadUnitId).NotEmpty().When(r => r.Uphold == true).WithMessage(_ => TicketApiTexts.ObjectionNewLeadRequired);
            RuleFor(r => r.Note).MaximumLength(Ticket.NoteMaxLength);
        }
    }

    public sealed class ExtensionValidator : AbstractValidator<ExtensionRequest>
    {
        public ExtensionValidator()
        {
            RuleFor(r => r.RequestedDue).NotNull();
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(Ticket.NoteMaxLength);
        }
    }

    public sealed class ExtensionDecisionValidator : AbstractValidator<ExtensionDecisionRequest>
    {
        public ExtensionDecisionValidator()
        {
            RuleFor(r => r.Approve).NotNull();
            RuleFor(r => r.Note).MaximumLength(Ticket.NoteMaxLength);
        }
    }

    public sealed class NoteValidator : AbstractValidator<NoteRequest>
    {
        public NoteValidator() => RuleFor(r => r.Note).MaximumLength(Ticket.NoteMaxLength);
    }

    public sealed class RequiredNoteValidator : AbstractValidator<RequiredNote>
    {
        public RequiredNoteValidator() => RuleFor(r => r.Note).NotEmpty().MaximumLength(Ticket.NoteMaxLength);
    }

    /// <summary>A note the step cannot do without (a stage reply, a resolution report).</summary>
    public sealed record RequiredNote(string? Note);

    public sealed class ReasonValidator : AbstractValidator<ReasonRequest>
    {
        public ReasonValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(Ticket.NoteMaxLength);
    }

    public sealed class AssignValidator : AbstractValidator<AssignRequest>
    {
        private const int MaxCoHandlingUnits = 10;

        public AssignValidator()
        {
            RuleFor(r => r.LeadUnitId).NotEqual(Guid.Empty);
            RuleFor(r => r.CoHandlingUnitIds).Must(ids => ids is null || ids.Length <= MaxCoHandlingUnits)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, TicketApiTexts.CoHandlingUnitsAtMost, MaxCoHandlingUnits));
        }
    }

    public sealed class ConfirmValidator : AbstractValidator<ConfirmRequest>
    {
        public ConfirmValidator()
        {
            RuleFor(r => r.Satisfaction).NotNull();
            RuleFor(r => r.Note).MaximumLength(Ticket.NoteMaxLength);
        }
    }

    public static void MapTicketWorkflow(this RouteGroupBuilder tickets)
    {
        string[] handle = [TicketAccess.HandleScope];
        tickets.MapStep<ReasonRequest>("reject", "不予受理 Reject", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.Reject(r.Reason!, s.Actor, s.Now));
        tickets.MapStep<NoteRequest>("accept", "受理 Accept: the stage-reply and resolution clocks start", handle, TicketAccess.Dispatchers,
            (t, _, s) => t.Accept(s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<AssignRequest>("assign",
            "交办 Assign to a lead unit (by default the category's unit in the routing table) with optional co-handling units", handle, TicketAccess.Dispatchers,
            async (t, r, s) =>
            {
                var (lead, coHandling) = await HandlingUnits.ResolveAsync(s.Db, t.Category, r.LeadUnitId, r.CoHandlingUnitIds ?? [], s.CancellationToken);
                t.Assign(lead, coHandling, s.Actor, s.Now);
            });
        tickets.MapLeadStep<NoteRequest>("start", "Start handling (first contact with the requester)", handle,
            (t, r, s) => t.StartHandling(r.Note, s.Actor, s.Now));
        tickets.MapLeadStep<RequiredNote>("respond", "阶段性答复 Stage reply to the requester", handle,
            (t, r, s) => t.Respond(r.Note!, s.Actor, s.Now));
        tickets.MapLeadStep<RequiredNote>("resolve", "办结 Report the problem solved", handle,
            (t, r, s) => t.Resolve(r.Note!, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<CitePolicyRequest>("cite-policy", "引用政策 Cite a policy of the 政策库 (in force) in the answer: the lead unit or the office, while handled or awaiting confirmation",
            handle, TicketAccess.Handlers, RefuseAllButLeadUnit, async (t, r, s) =>
            {
                var policy = await s.Db.CitablePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.PolicyId == r.PolicyId && p.InForce, s.CancellationToken)
                    ?? throw RuleViolation.Unprocessable(Text(nameof(TicketTexts.PolicyNotCitable_Title)), Text(nameof(TicketTexts.PolicyNotCitable_Detail)));
                t.CitePolicy(policy.PolicyId, policy.Title, policy.Issuer, policy.IssuedOn, s.Actor, s.Now);
            });
        tickets.MapLeadStep<ReasonRequest>("pause", "Pause while waiting for the requester's material (the clocks stop)", handle,
            (t, r, s) => t.Pause(r.Reason!, s.Actor, s.Now));
        tickets.MapLeadStep<NoteRequest>("resume", "Resume when the material arrives (deadlines move by the paused working time)", handle,
            (t, r, s) => t.Resume(r.Note, s.Actor, s.Deadlines, s.Now));
        tickets.MapLeadStep<ReasonRequest>("objection", "交办异议 The lead unit objects within one working day of the assignment", handle,
            (t, r, s) => t.ObjectToAssignment(r.Reason!, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<ObjectionDecisionRequest>("objection-decision", "The office upholds (naming the new lead unit) or dismisses an objection", handle, TicketAccess.Dispatchers,
            async (t, r, s) =>
            {
                if (r.Uphold == true)
                {
                    await HandlingUnits.ResolveAsync(s.Db, t.Category, r.LeadUnitId, [], s.CancellationToken);
                }
                t.DecideObjection(r.Uphold!.Value, r.LeadUnitId, r.Note, s.Actor, s.Now);
            });
        tickets.MapStep<CoHandlingFeedbackRequest>("co-handling-feedback",
            "协办意见 A co-handling unit's feedback to the lead unit; the lead unit resolves once every co-handling unit has given it", handle, TicketAccess.Handlers,
            RefuseFeedbackForAnotherUnit, Synchronous<CoHandlingFeedbackRequest>((t, r, s) => t.RecordCoHandlingFeedback(FeedbackUnit(t, r, s.Caller), r.Note!, s.Actor, s.Now)));
        tickets.MapStep<AttachRequest>("attachments", "Add material (attachments' descriptions) to an open ticket, e.g. what a pause waited for",
            [TicketAccess.WriteScope, TicketAccess.HandleScope], TicketAccess.Submitters,
            (t, r, s) => t.Attach([.. r.Attachments!.Select(a => a.ToInfo())], s.Actor, s.Now));
        tickets.MapLeadStep<ExtensionRequest>("extension-request", "延期申请 at least one working day before the deadline", handle,
            (t, r, s) => t.RequestExtension(r.RequestedDue!.Value.ToUniversalTime(), r.Reason!, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<ExtensionDecisionRequest>("extension-decision", "The office approves (the original deadline stays for statistics) or refuses", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.DecideExtension(r.Approve!.Value, r.Note, s.Actor, s.Now));
        tickets.MapStep<ReasonRequest>("reopen", "退回重办 Reopen a resolved or confirmed ticket", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.Reopen(r.Reason!, s.Actor, s.Now));
        tickets.MapStep<ConfirmRequest>("confirm", "企业确认 The requester confirms and rates; dissatisfied reopens", [TicketAccess.WriteScope], TicketAccess.Requesters,
            (t, r, s) => t.Confirm(r.Satisfaction!.Value, r.Note, s.Actor, s.Now, s.ReturnVisits));
        tickets.MapStep<ReasonRequest>("withdraw", "撤单 The requester withdraws the ticket (only the requester: a withdrawal counts only then)",
            [TicketAccess.WriteScope], [PlatformRoles.EnterpriseContact],
            (t, r, s) => t.Withdraw(r.Reason!, s.Actor, s.Now));
        tickets.MapStep<ReturnVisitRequest>("return-visit", "回访 Office staff record a phone return visit; an answered one confirms or reopens", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.RecordReturnVisit(r.Answered!.Value, r.Satisfaction, r.ReallySolved, r.ImproperRequest, r.Note, s.Actor, s.Now));
        tickets.MapStep<WithdrawalReviewRequest>("withdrawal-review", "撤单质检 The office reviews a withdrawal; one pressed by a unit reopens the ticket", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.ReviewWithdrawal(r.PressedByUnit!.Value, r.Note, s.Actor, s.Now));
    }

    private static Guid FeedbackUnit(Ticket ticket, CoHandlingFeedbackRequest request, Caller caller) =>
        request.UnitId ?? ticket.CoHandlingUnitIds.FirstOrDefault(caller.UnitIds.Contains);

    /// <summary>
    /// A handler gives feedback in the name of one of their own co-handling units only; the office records it for any
    /// co-handling unit (what the unit said on the phone). Otherwise a lead unit could answer for its co-handlers and resolve.
    /// </summary>
    private static ProblemHttpResult? RefuseFeedbackForAnotherUnit(Caller caller, Ticket ticket, CoHandlingFeedbackRequest request) =>
        caller.IsInAnyRole(TicketAccess.Dispatchers) || (FeedbackUnit(ticket, request, caller) is var unit
            && caller.UnitIds.Contains(unit) && ticket.CoHandlingUnitIds.Contains(unit))
            ? null
            : TypedResults.Problem(title: TicketApiTexts.FeedbackForOwnUnit_Title, statusCode: StatusCodes.Status403Forbidden,
                detail: TicketApiTexts.FeedbackForOwnUnit_Detail);

    /// <summary>Refuses a lead-unit step to anyone but the lead unit's handlers and the office.</summary>
    private static ProblemHttpResult? RefuseAllButLeadUnit<TRequest>(Caller caller, Ticket ticket, TRequest request) =>
        TicketAccess.MayLead(caller, ticket)
            ? null
            : LeadUnitOnly();

    internal static ProblemHttpResult LeadUnitOnly() => TypedResults.Problem(
        title: TicketApiTexts.LeadUnitStep_Title, statusCode: StatusCodes.Status403Forbidden, detail: TicketApiTexts.LeadUnitStep_Detail);

    /// <summary>412: the caller's If-Match names another version than the ticket's (both quoted by the text, not twice).</summary>
    internal static ProblemHttpResult Stale(string current, string sent) => TypedResults.Problem(title: TicketApiTexts.Stale_Title,
        statusCode: StatusCodes.Status412PreconditionFailed,
        detail: string.Format(CultureInfo.CurrentCulture, TicketApiTexts.Stale_Detail, current.Trim('"'), sent.Trim('"')));

    /// <summary>What a step needs besides the ticket and the request.</summary>
    public sealed record StepContext(
        Caller Caller, TicketActor Actor, DeadlinePolicy Deadlines, ReturnVisitPolicy ReturnVisits, DateTimeOffset Now, TicketsDbContext Db,
        CancellationToken CancellationToken);

    private static void MapStep<TRequest>(
        this RouteGroupBuilder tickets, string step, string summary, string[] scopes, string[] roles,
        Action<Ticket, TRequest, StepContext> apply) where TRequest : class =>
        tickets.MapStep(step, summary, scopes, roles, refuse: null, Synchronous(apply));

    private static void MapStep<TRequest>(
        this RouteGroupBuilder tickets, string step, string summary, string[] scopes, string[] roles,
        Func<Ticket, TRequest, StepContext, Task> apply) where TRequest : class =>
        tickets.MapStep(step, summary, scopes, roles, refuse: null, apply);

    /// <summary>
    /// A handling step only the lead unit (主办) takes, the office acting for it; a co-handling unit's handler is
    /// refused (403) and gives its feedback instead.
    /// </summary>
    private static void MapLeadStep<TRequest>(
        this RouteGroupBuilder tickets, string step, string summary, string[] scopes,
        Action<Ticket, TRequest, StepContext> apply) where TRequest : class =>
        tickets.MapStep(step, summary, scopes, TicketAccess.Handlers, RefuseAllButLeadUnit, Synchronous(apply));

    private static Func<Ticket, TRequest, StepContext, Task> Synchronous<TRequest>(Action<Ticket, TRequest, StepContext> apply) =>
        (ticket, request, context) =>
        {
            apply(ticket, request, context);
            return Task.CompletedTask;
        };

    private static void MapStep<TRequest>(
        this RouteGroupBuilder tickets, string step, string summary, string[] scopes, string[] roles,
        Func<Caller, Ticket, TRequest, ProblemHttpResult?>? refuse, Func<Ticket, TRequest, StepContext, Task> apply) where TRequest : class
    {
        tickets.MapPost($"/{{id:guid}}/{step}", async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> (
                Guid id, TRequest request, HttpContext context, TicketsDbContext db, DeadlinePolicy deadlines,
                ReturnVisitPolicy returnVisits, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            {
                var caller = context.Caller();
                var ticket = await db.Tickets.VisibleTo(caller).Include(t => t.CoHandlingFeedback).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
                if (ticket is null)
                {
                    return TicketAccess.NotFound();
                }
                if (refuse?.Invoke(caller, ticket, request) is { } refused)
                {
                    return refused;
                }
                if (context.Request.Headers.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Contains(TicketResponse.ETagOf(ticket)) && !ifMatch.Contains("*"))
                {
                    return Stale(TicketResponse.ETagOf(ticket), ifMatch.ToString());
                }
                var before = ticket.State;
                var now = timeProvider.GetUtcNow();
                await apply(ticket, request, new StepContext(caller, caller.AsTicketActor(roles), deadlines, returnVisits, now, db, cancellationToken));
                if (ticket.State != before)
                {
                    await WebhookQueue.EnqueueAsync(db, ticket, now, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
                context.Response.Headers.ETag = TicketResponse.ETagOf(ticket);
                return TypedResults.Ok(TicketResponse.From(ticket));
            })
            .Validate<TRequest>()
            .ChecksIfMatch()
            .RequireAccess(scopes, roles)
            .WithName("Ticket" + string.Concat(step.Split('-').Select(word => char.ToUpperInvariant(word[0]) + word[1..])))
            .WithSummary(summary);
    }
}
