using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.SubmitTicket;

/// <summary>An enterprise files a problem (受理前的登记): the ticket enters the closed loop as Submitted.</summary>
public static class SubmitTicket
{
    public sealed record Request(
        string? Title,
        TicketCategory? Category,
        string? Description,
        string? EnterpriseName,
        string? UnifiedSocialCreditCode,
        TicketPriority? Priority = null,
        TicketChannel? Channel = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(Ticket.TitleMaxLength);
            RuleFor(r => r.Category).NotNull();
            RuleFor(r => r.Description).NotEmpty().MaximumLength(Ticket.DescriptionMaxLength);
            RuleFor(r => r.EnterpriseName).NotEmpty().MaximumLength(Ticket.EnterpriseNameMaxLength);
            RuleFor(r => r.UnifiedSocialCreditCode).NotEmpty();
            RuleFor(r => r.UnifiedSocialCreditCode)
                .Custom((code, context) =>
                {
                    var problem = UnifiedSocialCreditCode.Check(UnifiedSocialCreditCode.Normalize(code!));
                    if (problem != CreditCodeProblem.None)
                    {
                        context.AddFailure(CreditCodeMessages.For(problem));
                    }
                })
                .When(r => !string.IsNullOrWhiteSpace(r.UnifiedSocialCreditCode));
        }
    }

    public static RouteHandlerBuilder MapSubmitTicket(this RouteGroupBuilder group) => group
        .MapPost("/", HandleAsync)
        .Validate<Request>()
        .RequireAccess([TicketAccess.WriteScope], TicketAccess.Submitters)
        .WithName("SubmitTicket")
        .WithSummary("Submit an enterprise-service ticket")
        .WithDescription("Files a problem for an enterprise. Answers 201 with the ticket and its Location; bad input answers 400 with field errors and writes nothing.");

    internal static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> HandleAsync(
        Request request, HttpContext context, TicketsDbContext db, DeadlinePolicy deadlines, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var creditCode = UnifiedSocialCreditCode.Normalize(request.UnifiedSocialCreditCode!);
        if (!caller.MayActForEnterprise(creditCode))
        {
            return TypedResults.Problem(title: "只能为本企业提交诉求", statusCode: StatusCodes.Status403Forbidden,
                detail: "An enterprise contact submits tickets for its own enterprise only.");
        }
        var ticket = await db.InTransactionAsync(async ct =>
        {
            var now = timeProvider.GetUtcNow();
            var number = await db.NextAsync(now, ct);
            var submitted = Ticket.Submit(
                number, request.Title!, request.Category!.Value, request.Description!, request.EnterpriseName!,
                creditCode, request.Priority ?? TicketPriority.Normal, request.Channel ?? DefaultChannel(caller),
                caller.AsTicketActor(TicketAccess.Submitters), deadlines, now);
            db.Tickets.Add(submitted);
            return submitted;
        }, cancellationToken);

        context.Response.Headers.ETag = TicketResponse.ETagOf(ticket);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", TicketResponse.From(ticket));
    }

    /// <summary>Enterprises use the portal; another government system is its own channel; staff file on behalf.</summary>
    private static TicketChannel DefaultChannel(Caller caller) =>
        caller.IsSystem ? TicketChannel.GovernmentSystem
        : caller.Roles.Contains(PlatformRoles.EnterpriseContact) ? TicketChannel.Portal
        : TicketChannel.Handler;
}

internal static class CreditCodeMessages
{
    public static string For(CreditCodeProblem problem) => problem switch
    {
        CreditCodeProblem.WrongLength => "统一社会信用代码应为18位",
        CreditCodeProblem.InvalidCharacter => "统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）",
        CreditCodeProblem.InvalidDivisionCode => "统一社会信用代码第3至8位应为行政区划数字代码",
        CreditCodeProblem.WrongCheckCharacter => "统一社会信用代码校验位不正确",
        _ => "统一社会信用代码无效",
    };
}
