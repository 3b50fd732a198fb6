using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Webhooks;
using BrandPlatform.Tickets.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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

    public sealed record ConfirmRequest(Satisfaction? Satisfaction, string? Note);

    public sealed record ReturnVisitRequest(bool? Answered, Satisfaction? Satisfaction, bool? ReallySolved, bool? ImproperRequest, string? Note);

    public sealed record WithdrawalReviewRequest(bool? PressedByUnit, string? Note);

    public sealed class ReturnVisitValidator : AbstractValidator<ReturnVisitRequest>
    {
        public ReturnVisitValidator()
        {
            RuleFor(r => r.Answered).NotNull();
            RuleFor(r => r.Satisfaction).NotNull().When(r => r.Answered == true).WithMessage("接通回访须记录满意度");
            RuleFor(r => r.ReallySolved).NotNull().When(r => r.Answered == true).WithMessage("接通回访须记录问题是否真正解决");
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
            RuleFor(r => r.LeadUnitId).NotEmpty().When(r => r.Uphold == true).WithMessage("支持异议时须指定新的主办单位");
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
        public AssignValidator()
        {
            RuleFor(r => r.LeadUnitId).NotEmpty();
            RuleFor(r => r.CoHandlingUnitIds).Must(ids => ids is null || ids.Length <= 10).WithMessage("协办单位最多10个");
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
        tickets.MapStep<AssignRequest>("assign", "交办 Assign to a lead unit with optional co-handling units", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.Assign(r.LeadUnitId!.Value, r.CoHandlingUnitIds ?? [], s.Actor, s.Now));
        tickets.MapStep<NoteRequest>("start", "Start handling (first contact with the requester)", handle, TicketAccess.Handlers,
            (t, r, s) => t.StartHandling(r.Note, s.Actor, s.Now));
        tickets.MapStep<RequiredNote>("respond", "阶段性答复 Stage reply to the requester", handle, TicketAccess.Handlers,
            (t, r, s) => t.Respond(r.Note!, s.Actor, s.Now));
        tickets.MapStep<RequiredNote>("resolve", "办结 Report the problem solved", handle, TicketAccess.Handlers,
            (t, r, s) => t.Resolve(r.Note!, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<ReasonRequest>("pause", "Pause while waiting for the requester's material (the clocks stop)", handle, TicketAccess.Handlers,
            (t, r, s) => t.Pause(r.Reason!, s.Actor, s.Now));
        tickets.MapStep<NoteRequest>("resume", "Resume when the material arrives (deadlines move by the paused working time)", handle, TicketAccess.Handlers,
            (t, r, s) => t.Resume(r.Note, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<ReasonRequest>("objection", "交办异议 The lead unit objects within one working day of the assignment", handle, TicketAccess.Handlers,
            (t, r, s) => t.ObjectToAssignment(r.Reason!, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<ObjectionDecisionRequest>("objection-decision", "The office upholds (naming the new lead unit) or dismisses an objection", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.DecideObjection(r.Uphold!.Value, r.LeadUnitId, r.Note, s.Actor, s.Now));
        tickets.MapStep<ExtensionRequest>("extension-request", "延期申请 at least one working day before the deadline", handle, TicketAccess.Handlers,
            (t, r, s) => t.RequestExtension(r.RequestedDue!.Value.ToUniversalTime(), r.Reason!, s.Actor, s.Deadlines, s.Now));
        tickets.MapStep<ExtensionDecisionRequest>("extension-decision", "The office approves (the original deadline stays for statistics) or refuses", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.DecideExtension(r.Approve!.Value, r.Note, s.Actor, s.Now));
        tickets.MapStep<ReasonRequest>("reopen", "退回重办 Reopen a resolved or confirmed ticket", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.Reopen(r.Reason!, s.Actor, s.Now));
        tickets.MapStep<ConfirmRequest>("confirm", "企业确认 The requester confirms and rates; dissatisfied reopens", [TicketAccess.WriteScope], TicketAccess.Requesters,
            (t, r, s) => t.Confirm(r.Satisfaction!.Value, r.Note, s.Actor, s.Now));
        tickets.MapStep<ReasonRequest>("withdraw", "撤单 The requester withdraws the ticket (only the requester: a withdrawal counts only then)",
            [TicketAccess.WriteScope], [PlatformRoles.EnterpriseContact],
            (t, r, s) => t.Withdraw(r.Reason!, s.Actor, s.Now));
        tickets.MapStep<ReturnVisitRequest>("return-visit", "回访 Office staff record a phone return visit; an answered one confirms or reopens", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.RecordReturnVisit(r.Answered!.Value, r.Satisfaction, r.ReallySolved, r.ImproperRequest, r.Note, s.Actor, s.Now));
        tickets.MapStep<WithdrawalReviewRequest>("withdrawal-review", "撤单质检 The office reviews a withdrawal; one pressed by a unit reopens the ticket", handle, TicketAccess.Dispatchers,
            (t, r, s) => t.ReviewWithdrawal(r.PressedByUnit!.Value, r.Note, s.Actor, s.Now));
    }

    /// <summary>What a step needs besides the ticket and the request.</summary>
    public sealed record StepContext(TicketActor Actor, DeadlinePolicy Deadlines, DateTimeOffset Now);

    private static void MapStep<TRequest>(
        this RouteGroupBuilder tickets, string step, string summary, string[] scopes, string[] roles,
        Action<Ticket, TRequest, StepContext> apply) where TRequest : class
    {
        tickets.MapPost($"/{{id:guid}}/{step}", async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> (
                Guid id, TRequest request, HttpContext context, TicketsDbContext db, DeadlinePolicy deadlines,
                TimeProvider timeProvider, CancellationToken cancellationToken) =>
            {
                var caller = context.Caller();
                var ticket = await db.Tickets.VisibleTo(caller).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
                if (ticket is null)
                {
                    return TicketAccess.NotFound(id);
                }
                if (context.Request.Headers.IfMatch is { Count: > 0 } ifMatch && !ifMatch.Contains(TicketResponse.ETagOf(ticket)) && !ifMatch.Contains("*"))
                {
                    return TypedResults.Problem(title: "工单已被他人修改", statusCode: StatusCodes.Status412PreconditionFailed,
                        detail: $"The ticket is at version {TicketResponse.ETagOf(ticket)}, not {ifMatch}; read it again and retry.");
                }
                var before = ticket.State;
                var now = timeProvider.GetUtcNow();
                apply(ticket, request, new StepContext(caller.AsTicketActor(roles), deadlines, now));
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
