using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Directory;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Publicity;

/// <summary>
/// /api/community/publicity/items: a branch's keepers draft items (from a record, or from nothing) and put them to the
/// office; the office comments, returns or approves, and approval publishes to 同心网, the WeChat editor's article and
/// the A3 bulletin sheet. Keepers see their branch's items, the office all; anyone else's item does not exist (404).
/// </summary>
public static class PublicityItems
{
    public sealed record DraftRequest(PublicityKind? Kind, Guid? BranchId, string? Title, string? Summary, string? Body, PublicitySource? SourceKind, Guid? SourceId);

    public sealed record ReviseRequest(string? Title, string? Summary, string? Body);

    public sealed record CommentRequest(string? Text);

    public sealed record ReasonRequest(string? Reason);

    public sealed record Response(
        Guid Id, PublicityKind Kind, Guid BranchId, string BranchName, string Title, string Summary, string Body, PublicitySource? SourceKind, Guid? SourceId,
        DateTimeOffset? SourceOccurredAt, PublicityState State, string DraftedByName, DateTimeOffset DraftedAt, DateTimeOffset? SubmittedAt,
        DateTimeOffset? PublishedAt, int? HighlightedYear, IReadOnlyList<ReviewComment> Comments, int Version);

    public sealed class DraftValidator : AbstractValidator<DraftRequest>
    {
        public DraftValidator()
        {
            RuleFor(r => r.Kind).NotNull().IsInEnum();
            RuleFor(r => r.BranchId).NotEmpty();
            RuleFor(r => r.Title).NotEmpty().MaximumLength(PublicityItem.TitleMaxLength);
            RuleFor(r => r.Summary).NotEmpty().MaximumLength(PublicityItem.SummaryMaxLength);
            RuleFor(r => r.Body).NotEmpty().MaximumLength(PublicityItem.BodyMaxLength);
            RuleFor(r => r.SourceKind).IsInEnum();
            RuleFor(r => r.SourceId).NotEmpty().When(r => r.SourceKind is not null).WithMessage(_ => CommunityTexts.SourceRequired);
            RuleFor(r => r.SourceKind).NotNull().When(r => r.SourceId is not null).WithMessage(_ => CommunityTexts.SourceRequired);
        }
    }

    public sealed class ReviseValidator : AbstractValidator<ReviseRequest>
    {
        public ReviseValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(PublicityItem.TitleMaxLength);
            RuleFor(r => r.Summary).NotEmpty().MaximumLength(PublicityItem.SummaryMaxLength);
            RuleFor(r => r.Body).NotEmpty().MaximumLength(PublicityItem.BodyMaxLength);
        }
    }

    public sealed class CommentValidator : AbstractValidator<CommentRequest>
    {
        public CommentValidator() => RuleFor(r => r.Text).NotEmpty().MaximumLength(PublicityItem.CommentMaxLength);
    }

    public sealed class ReasonValidator : AbstractValidator<ReasonRequest>
    {
        public ReasonValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(PublicityItem.CommentMaxLength);
    }

    private const string Item = "/publicity/items/{id:guid}";

    public static RouteGroupBuilder MapPublicityItems(this RouteGroupBuilder community)
    {
        community.MapGet("/publicity/items", ListAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Keepers)
            .WithName("ListPublicityItems")
            .WithSummary("Items, latest drafted first: the branch's for keepers, all for the office (the review queue is ?state=inReview); ?state=, ?kind=, ?branchId=");
        community.MapGet(Item, GetAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Keepers)
            .WithName("GetPublicityItem")
            .WithSummary("One item with its review comments; the ETag is its version");
        community.MapPost("/publicity/items", DraftAsync)
            .Validate<DraftRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Keepers)
            .WithName("DraftPublicityItem")
            .WithSummary("A branch's keepers (or the office) draft an item, from a record (sourceKind, sourceId: see the prefill) or from nothing; announced as PublicityItemDrafted");
        community.MapPut(Item, ReviseAsync)
            .Validate<ReviseRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Keepers)
            .WithName("RevisePublicityItem")
            .WithSummary("The branch's keepers or the office reword a draft or a returned item (409 otherwise); If-Match");
        MapStep(community, "/submit", "SubmitPublicityItem", CommunityAccess.Keepers,
            "Put a draft or a returned item to the office (state inReview); announced as PublicityItemSubmitted",
            (item, caller, now) => item.Submit(now));
        MapStep<CommentRequest>(community, "/comments", "CommentOnPublicityItem", CommunityAccess.Office,
            "The office comments on an item in review", (item, r, caller, now) => item.Comment(caller.Signature, r.Text!, now));
        MapStep<ReasonRequest>(community, "/return", "ReturnPublicityItem", CommunityAccess.Office,
            "The office returns an item in review with its reason (state returned); announced as PublicityItemReturned",
            (item, r, caller, now) => item.Return(caller.Signature, r.Reason!, now));
        MapStep(community, "/approve", "ApprovePublicityItem", CommunityAccess.Office,
            "The office approves an item in review: it is published to 同心网, the WeChat article and the bulletin sheet; announced as PublicityItemPublished",
            (item, caller, now) => item.Approve(caller.Signature, now));
        MapStep<ReasonRequest>(community, "/withdraw", "WithdrawPublicityItem", CommunityAccess.Office,
            "The office takes a published item down with its reason; announced as PublicityItemWithdrawn",
            (item, r, caller, now) => item.Withdraw(caller.Signature, r.Reason!, now));
        MapStep(community, "/highlight", "HighlightGoodPractice", CommunityAccess.Office,
            "The office selects a published good practice (好经验好做法) as one of its year's highlights for the brand registry; announced as GoodPracticeHighlighted",
            (item, caller, now) => item.Highlight(now));
        return community;
    }

    /// <summary>A step without a body: POST to the item's step path.</summary>
    private static void MapStep(
        RouteGroupBuilder community, string step, string name, string[] roles, string summary, Action<PublicityItem, Caller, DateTimeOffset> apply) =>
        community.MapPost(Item + step, (Guid id, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                StepAsync(id, (item, caller, now) => apply(item, caller, now), context, db, timeProvider, cancellationToken))
            .RequirePersonAccess(CommunityAccess.Write, roles).WithName(name).WithSummary(summary);

    /// <summary>A step whose body is validated before the item is read.</summary>
    private static void MapStep<TRequest>(
        RouteGroupBuilder community, string step, string name, string[] roles, string summary, Action<PublicityItem, TRequest, Caller, DateTimeOffset> apply)
        where TRequest : class =>
        community.MapPost(Item + step, (Guid id, TRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                StepAsync(id, (item, caller, now) => apply(item, request, caller, now), context, db, timeProvider, cancellationToken))
            .Validate<TRequest>()
            .RequirePersonAccess(CommunityAccess.Write, roles).WithName(name).WithSummary(summary);

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> StepAsync(
        Guid id, Action<PublicityItem, Caller, DateTimeOffset> apply, HttpContext context, CommunityDbContext db,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        var item = await Visible(db.PublicityItems, caller).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        apply(item, caller, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, item, cancellationToken));
    }

    internal static async Task<Results<Ok<Page<Response>>, ValidationProblem>> ListAsync(
        QueryCode<PublicityState>? state, QueryCode<PublicityKind>? kind, Guid? branchId, string? cursor, int? limit, HttpContext context,
        CommunityDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var items = Visible(db.PublicityItems.AsNoTracking(), context.Caller());
        if (state is { Value: var wantedState })
        {
            items = items.Where(i => i.State == wantedState);
        }
        if (kind is { Value: var wantedKind })
        {
            items = items.Where(i => i.Kind == wantedKind);
        }
        if (branchId is { } branch)
        {
            items = items.Where(i => i.BranchId == branch);
        }
        var page = await items.PageAsync(paging, i => i.DraftedAt, i => i.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(list => ResponsesAsync(db, list, cancellationToken)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var item = await Visible(db.PublicityItems.AsNoTracking(), context.Caller()).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = ETagOf(item);
        return TypedResults.Ok(await ResponseAsync(db, item, cancellationToken));
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> DraftAsync(
        DraftRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if (!caller.MayKeepBranch(request.BranchId!.Value))
        {
            return Communities.Communities.NotYourBranch();
        }
        if (!await db.Units.AnyAsync(u => u.Id == request.BranchId && u.Kind == UnitKinds.Branch, cancellationToken))
        {
            return FieldProblems.Unprocessable("branchId", CommunityTexts.BranchUnknown_Title, CommunityTexts.BranchUnknown_Detail);
        }
        (PublicitySource, Guid, DateTimeOffset)? source = null;
        if (request is { SourceKind: { } sourceKind, SourceId: { } sourceId })
        {
            var found = await Sources.FindAsync(db, caller, sourceKind, sourceId, cancellationToken);
            if (found.Prefill is not { } prefill)
            {
                return found.Problem!;
            }
            source = (sourceKind, sourceId, prefill.SourceOccurredAt);
        }
        var name = caller.UserId is { } personId ? await db.UnitMembers.CurrentNameAsync(personId, cancellationToken) ?? caller.DisplayName : caller.DisplayName;
        var item = PublicityItem.Draft(request.Kind!.Value, request.BranchId.Value, request.Title!, request.Summary!, request.Body!, source, name,
            timeProvider.GetUtcNow());
        db.PublicityItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(item);
        return TypedResults.Created($"/api/community/publicity/items/{item.Id}", await ResponseAsync(db, item, cancellationToken));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReviseAsync(
        Guid id, ReviseRequest request, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var item = await Visible(db.PublicityItems, context.Caller()).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(ETagOf(item)) is { } stale)
        {
            return stale;
        }
        item.Revise(request.Title!, request.Summary!, request.Body!);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = ETagOf(item);
        return TypedResults.Ok(await ResponseAsync(db, item, cancellationToken));
    }

    /// <summary>The office sees every item, keepers their branch's.</summary>
    internal static IQueryable<PublicityItem> Visible(IQueryable<PublicityItem> items, Caller caller) =>
        caller.BranchScope() is { } branch ? items.Where(i => i.BranchId == branch) : items;

    internal static string ETagOf(PublicityItem item) => $"\"{item.Version}\"";

    private static async Task<Response> ResponseAsync(CommunityDbContext db, PublicityItem item, CancellationToken cancellationToken) =>
        (await ResponsesAsync(db, [item], cancellationToken))[0];

    private static async Task<IReadOnlyList<Response>> ResponsesAsync(CommunityDbContext db, IReadOnlyList<PublicityItem> items, CancellationToken cancellationToken)
    {
        var branches = await Units.NamesAsync(db, items.Select(i => i.BranchId), cancellationToken);
        return [.. items.Select(i => new Response(i.Id, i.Kind, i.BranchId, branches.NameIn(i.BranchId), i.Title, i.Summary, i.Body, i.SourceKind, i.SourceId,
            i.SourceOccurredAt, i.State, i.DraftedByName, i.DraftedAt, i.SubmittedAt, i.PublishedAt, i.HighlightedYear, i.Comments, i.Version))];
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.ItemNotFound_Title, detail: CommunityTexts.ItemNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
