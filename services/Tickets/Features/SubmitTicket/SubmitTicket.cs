using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Platform.Security;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Requesters;
using BrandPlatform.Tickets.Infrastructure;
using BrandPlatform.Tickets.Resources;
using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
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
        [property: Description("The enterprise's name, with its unifiedSocialCreditCode, unless requesterId is given. Default for an " +
            "enterprise contact: its own enterprise's registered name (its requester profile, else the name its account holds).")]
        string? EnterpriseName = null,
        [property: Description("The enterprise's unified social credit code (18 characters). Default for an enterprise contact: the " +
            "enterprise its token names; another enterprise's code is 403.")]
        string? UnifiedSocialCreditCode = null,
        TicketPriority? Priority = null,
        TicketChannel? Channel = null,
        /// <summary>The calling government system's own number for this request; unique for that system.</summary>
        string? ExternalReference = null,
        [property: Description("A registered requester profile (a named person, or an enterprise) instead of the enterprise's name and " +
            "code; an enterprise contact may name only its own enterprise's profile.")]
        Guid? RequesterId = null,
        IReadOnlyList<AttachmentRequest>? Attachments = null,
        [property: Description("The party-building brand (in reporting's registry) the ticket is filed under; the brand's page lists it.")]
        Guid? BrandId = null,
        [property: Description("One of that brand's measures; only with brandId.")]
        Guid? BrandMeasureId = null) : IBrandReference;

    /// <summary>A file the requester sent, described (the bytes go to the document store).</summary>
    public sealed record AttachmentRequest(string? FileName, string? ContentType, long? SizeBytes, string? Sha256)
    {
        public AttachmentInfo ToInfo() => new(FileName!, ContentType!.ToLowerInvariant(), SizeBytes!.Value, Sha256!);
    }

    public sealed class AttachmentValidator : AbstractValidator<AttachmentRequest>
    {
        public AttachmentValidator()
        {
            RuleFor(a => a.FileName).NotEmpty().MaximumLength(AttachmentInfo.FileNameMaxLength)
                .Must(name => name!.IndexOfAny(['/', '\\', '\0']) < 0).WithMessage(_ => TicketApiTexts.FileNameHasPath);
            RuleFor(a => a.ContentType).NotEmpty()
                .Must(type => AttachmentInfo.AllowedContentTypes.Contains(type!.ToLowerInvariant()))
                .WithMessage(_ => TicketApiTexts.ContentTypeNotAllowed);
            RuleFor(a => a.SizeBytes).NotNull().InclusiveBetween(1, AttachmentInfo.MaxSizeBytes).WithMessage(_ => TicketApiTexts.FileSizeOutOfRange);
            RuleFor(a => a.Sha256).NotEmpty().Matches("^[0-9a-fA-F]{64}$").WithMessage(_ => TicketApiTexts.Sha256Format);
        }
    }

    /// <param name="http">Whose request it is: an enterprise contact's own enterprise fills in what its body leaves out.</param>
    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(IHttpContextAccessor http)
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(Ticket.TitleMaxLength);
            RuleFor(r => r.Category).NotNull();
            RuleFor(r => r.Description).NotEmpty().MaximumLength(Ticket.DescriptionMaxLength);
            When(r => r.RequesterId is null, () =>
            {
                var namedByToken = () => http.HttpContext?.Caller().OwnEnterprise is not null;
                RuleFor(r => r.EnterpriseName).NotEmpty().WithMessage(_ => TicketApiTexts.EnterpriseNameRequired).Unless(_ => namedByToken());
                RuleFor(r => r.EnterpriseName).MaximumLength(Requester.NameMaxLength);
                RuleFor(r => r.UnifiedSocialCreditCode).NotEmpty().WithMessage(_ => TicketApiTexts.CreditCodeRequired).Unless(_ => namedByToken());
                RuleFor(r => r.UnifiedSocialCreditCode).CreditCode().When(r => !string.IsNullOrWhiteSpace(r.UnifiedSocialCreditCode));
            }).Otherwise(() =>
            {
                RuleFor(r => r.EnterpriseName).Empty().WithMessage(_ => TicketApiTexts.EnterpriseNameWithRequester);
                RuleFor(r => r.UnifiedSocialCreditCode).Empty().WithMessage(_ => TicketApiTexts.CreditCodeWithRequester);
            });
            RuleFor(r => r.Attachments).Must(a => a is null || a.Count <= Ticket.MaxAttachments).WithMessage(_ => string.Format(CultureInfo.CurrentCulture, TicketApiTexts.AttachmentsAtMost, Ticket.MaxAttachments));
            RuleForEach(r => r.Attachments).EachValid(new AttachmentValidator());
            RuleFor(r => r.ExternalReference).MaximumLength(Domain.ExternalReference.MaxLength).Matches("^[A-Za-z0-9._:/-]+$")
                .When(r => r.ExternalReference is not null).WithMessage(_ => TicketApiTexts.ExternalReferenceFormat);
            Include(new BrandReferenceValidator());
        }
    }

    public static RouteHandlerBuilder MapSubmitTicket(this RouteGroupBuilder group) => group
        .MapPost("/", HandleAsync)
        .Validate<Request>()
        .RequireAccess([TicketAccess.WriteScope], TicketAccess.Submitters)
        .HonoursIdempotencyKey(IdempotencyRecord.KeyMaxLength)
        .WithName("SubmitTicket")
        .WithSummary("Submit an enterprise-service ticket")
        .WithDescription("Files a problem for an enterprise. An enterprise contact files for its own enterprise: it may leave out " +
            "enterpriseName and unifiedSocialCreditCode (the enterprise its token names is used, with its registered name); " +
            "naming another enterprise, by code or by requesterId, is 403. Handlers and the office name the enterprise or a registered " +
            "requester. Answers 201 with the ticket, its Location and ETag; bad input answers 400 " +
            "with field errors and writes nothing. With an Idempotency-Key header a retry answers the ticket the first request " +
            "made (Idempotent-Replayed: true) and never creates a second one; the same key with a different body is 422. A " +
            "government system's externalReference is unique for that system (a second ticket with it is 409). The ticket's number " +
            "(QY-<year>-<six digits>, restarting each year in China time) is unique and increases within the year in the order " +
            "submissions take it; a submission refused after taking one (a duplicate externalReference) leaves a gap, so the " +
            "numbers of a year need not be consecutive.");

    public const string IdempotencyKeyHeader = Preconditions.IdempotencyKeyHeader;

    internal static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> HandleAsync(
        Request request, HttpContext context, TicketsDbContext db, DeadlinePolicy deadlines, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var own = caller.OwnEnterprise;
        var namedName = string.IsNullOrWhiteSpace(request.EnterpriseName) ? null : request.EnterpriseName;
        var creditCode = request.RequesterId is not null ? null
            : string.IsNullOrWhiteSpace(request.UnifiedSocialCreditCode) ? own?.Code
            : UnifiedSocialCreditCode.Normalize(request.UnifiedSocialCreditCode);
        Requester? requester = null;
        if (request.RequesterId is { } requesterId)
        {
            requester = await db.Requesters.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requesterId, cancellationToken);
            if (requester is null)
            {
                return FieldProblems.Unprocessable("requesterId", TicketApiTexts.RequesterNotFound_Title, TicketApiTexts.RequesterNotFound_Detail);
            }
            creditCode = requester.UnifiedSocialCreditCode;
        }
        if (caller.Roles.Contains(PlatformRoles.EnterpriseContact) && (creditCode is null || !caller.MayActForEnterprise(creditCode)))
        {
            return OtherEnterpriseProblem(own);
        }
        var idempotencyKey = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (idempotencyKey.Length > IdempotencyRecord.KeyMaxLength)
        {
            return FieldProblems.Unprocessable(IdempotencyKeyHeader,
                string.Format(CultureInfo.CurrentCulture, TicketApiTexts.IdempotencyKeyTooLong, IdempotencyRecord.KeyMaxLength),
                string.Format(CultureInfo.CurrentCulture, TicketApiTexts.IdempotencyKeyTooLong_Detail, IdempotencyRecord.KeyMaxLength));
        }
        var requestHash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        if (idempotencyKey.Length > 0 && await ReplayAsync(db, caller.Subject, idempotencyKey, requestHash, context, cancellationToken) is { } replayed)
        {
            return replayed;
        }
        var external = caller.IsSystem && request.ExternalReference is { } reference ? new ExternalReference(caller.Subject, reference) : null;

        // Past the checks above an enterprise contact's code is its own, so a name it left out is its own enterprise's.
        requester ??= await RequesterProfiles.ForEnterpriseAsync(db, namedName ?? own!.Value.Name, creditCode!, timeProvider.GetUtcNow(), cancellationToken);

        var chamberName = await RequesterProfiles.ChamberNameAsync(db, requester, cancellationToken);

        Ticket ticket;
        try
        {
            ticket = await db.InTransactionAsync(async ct =>
            {
                var now = timeProvider.GetUtcNow();
                var number = await db.NextAsync(now, ct);
                var submitted = Ticket.Submit(
                    number, request.Title!, request.Category!.Value, request.Description!, requester, namedName ?? requester.Name, chamberName,
                    request.Priority ?? TicketPriority.Normal, request.Channel ?? DefaultChannel(caller), external,
                    [.. (request.Attachments ?? []).Select(a => a.ToInfo())], caller.AsTicketActor(TicketAccess.Submitters), deadlines, now,
                    request.BrandId, request.BrandMeasureId);
                db.Tickets.Add(submitted);
                if (idempotencyKey.Length > 0)
                {
                    db.Add(new IdempotencyRecord
                    {
                        Caller = caller.Subject, Key = idempotencyKey, RequestHash = requestHash, TicketId = submitted.Id, CreatedAt = now,
                    });
                }
                return submitted;
            }, cancellationToken);
        }
        catch (DbUpdateException conflict) when (conflict.IsUniqueViolation() && idempotencyKey.Length > 0)
        {
            // A concurrent retry with the same key committed first: answer with its ticket.
            db.ChangeTracker.Clear();
            if (await ReplayAsync(db, caller.Subject, idempotencyKey, requestHash, context, cancellationToken) is { } replay)
            {
                return replay;
            }
            throw; // another unique rule (an external reference already used): 409
        }

        context.Response.Headers.ETag = TicketResponse.ETagOf(ticket);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", TicketResponse.From(ticket));
    }

    private static async Task<Results<Created<TicketResponse>, ProblemHttpResult>?> ReplayAsync(
        TicketsDbContext db, string caller, string key, string requestHash, HttpContext context, CancellationToken cancellationToken)
    {
        var record = await db.Set<IdempotencyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }
        if (record.RequestHash != requestHash)
        {
            return IdempotencyKeyReused();
        }
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == record.TicketId, cancellationToken);
        context.Response.Headers["Idempotent-Replayed"] = "true";
        context.Response.Headers.ETag = TicketResponse.ETagOf(ticket);
        return TypedResults.Created($"/api/tickets/{ticket.Id}", TicketResponse.From(ticket));
    }

    /// <summary>An enterprise contact names another enterprise (or has none on its account): what it may do instead.</summary>
    public static ProblemHttpResult OtherEnterpriseProblem((string Code, string Name)? ownEnterprise) => TypedResults.Problem(
        title: TicketApiTexts.OwnEnterpriseOnly_Title, statusCode: StatusCodes.Status403Forbidden,
        detail: ownEnterprise is { } own
            ? string.Format(CultureInfo.CurrentCulture, TicketApiTexts.OwnEnterpriseOnly_Detail, own.Name, own.Code)
            : TicketApiTexts.OwnEnterpriseOnly_NoEnterprise);

    /// <summary>Enterprises use the portal; another government system is its own channel; staff file on behalf.</summary>
    internal static ProblemHttpResult IdempotencyKeyReused() =>
        FieldProblems.Unprocessable(IdempotencyKeyHeader, TicketApiTexts.IdempotencyKeyReused, TicketApiTexts.IdempotencyKeyReused_Detail);

    private static TicketChannel DefaultChannel(Caller caller) =>
        caller.IsSystem ? TicketChannel.GovernmentSystem
        : caller.Roles.Contains(PlatformRoles.EnterpriseContact) ? TicketChannel.Portal
        : TicketChannel.Handler;
}
