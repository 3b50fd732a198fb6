using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Directory;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Community.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Communities;

/// <summary>
/// /api/community/communities and /pairings: the communities the organ works with (the office keeps them) and 近邻党建,
/// each branch paired with communities for a period (the office, or the branch's keepers for their own branch).
/// </summary>
public static class Communities
{
    public const int SearchMaxLength = 100;

    public sealed record CommunityRequest(string? Name, string? Street, string? ContactName, string? ContactPhone);

    public sealed record CommunityResponse(
        Guid Id, string Name, string Street, string ContactName, string ContactPhone, DateTimeOffset RegisteredAt, int Version)
    {
        public static CommunityResponse From(ResidentialCommunity c) => new(c.Id, c.Name, c.Street, c.ContactName, c.ContactPhone, c.RegisteredAt, c.Version);
    }

    public sealed record PairingRequest(Guid? BranchId, Guid? CommunityId, DateOnly? From, DateOnly? To, string? Note);

    public sealed record EndPairingRequest(DateOnly? On);

    public sealed record PairingResponse(
        Guid Id, Guid BranchId, string BranchName, Guid CommunityId, string CommunityName, DateOnly From, DateOnly? To, string? Note, int Version);

    public sealed class CommunityValidator : AbstractValidator<CommunityRequest>
    {
        public CommunityValidator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(ResidentialCommunity.NameMaxLength);
            RuleFor(r => r.Street).NotEmpty().MaximumLength(ResidentialCommunity.StreetMaxLength);
            RuleFor(r => r.ContactName).NotEmpty().MaximumLength(ResidentialCommunity.ContactNameMaxLength);
            RuleFor(r => r.ContactPhone).NotEmpty().PhoneNumber();
        }
    }

    public sealed class PairingValidator : AbstractValidator<PairingRequest>
    {
        public PairingValidator()
        {
            RuleFor(r => r.BranchId).NotEmpty();
            RuleFor(r => r.CommunityId).NotEmpty();
            RuleFor(r => r.From).NotNull();
            RuleFor(r => r.To).GreaterThanOrEqualTo(r => r.From).When(r => r.To is not null && r.From is not null)
                .WithMessage(_ => CommunityTexts.PairingToBeforeFrom);
            RuleFor(r => r.Note).MaximumLength(CommunityPairing.NoteMaxLength);
        }
    }

    public sealed class EndPairingValidator : AbstractValidator<EndPairingRequest>
    {
        public EndPairingValidator() => RuleFor(r => r.On).NotNull();
    }

    public static RouteGroupBuilder MapCommunities(this RouteGroupBuilder community)
    {
        community.MapGet("/communities", ListAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("ListCommunities")
            .WithSummary("Communities by name; ?q= part of the name; follow 'next'");
        community.MapGet("/communities/{id:guid}", GetAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("GetCommunity")
            .WithSummary("One community; the ETag is its version");
        community.MapPost("/communities", RegisterAsync)
            .Validate<CommunityRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Office)
            .WithName("RegisterCommunity")
            .WithSummary("The office registers a community with its sub-district and contact (names are unique: 409)");
        community.MapPut("/communities/{id:guid}", ReviseAsync)
            .Validate<CommunityRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Office)
            .WithName("ReviseCommunity")
            .WithSummary("The office corrects a community; If-Match with the ETag it read");
        community.MapGet("/pairings", ListPairingsAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Everyone)
            .WithName("ListPairings")
            .WithSummary("近邻党建 pairings, latest first: the office sees all, others their branch's; ?branchId=, ?communityId=, ?activeOn=");
        community.MapPost("/pairings", PairAsync)
            .Validate<PairingRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Keepers)
            .WithName("PairBranchWithCommunity")
            .WithSummary("Pair a branch with a community for a period (the office, or the branch's keepers); the same pair overlapping itself is 409");
        community.MapPost("/pairings/{id:guid}/end", EndPairingAsync)
            .Validate<EndPairingRequest>()
            .RequirePersonAccess(CommunityAccess.Write, CommunityAccess.Keepers)
            .WithName("EndPairing")
            .WithSummary("End a pairing on a day (not before it began; once)");
        return community;
    }

    internal static async Task<Results<Ok<Page<CommunityResponse>>, ValidationProblem>> ListAsync(
        string? q, string? cursor, int? limit, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<string, Guid>(cursor, limit, problems);
        if (q?.Length > SearchMaxLength)
        {
            problems["q"] = [string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.SearchTooLong, SearchMaxLength)];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var communities = db.Communities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            communities = communities.Where(c => c.Name.Contains(text) || c.Street.Contains(text));
        }
        var page = await communities.PageAsync(paging, c => c.Name, c => c.Id, context, cancellationToken);
        return TypedResults.Ok(page.Select(CommunityResponse.From));
    }

    internal static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (community is null)
        {
            return NotFound();
        }
        context.Response.Headers.ETag = ETagOf(community);
        return TypedResults.Ok(CommunityResponse.From(community));
    }

    internal static async Task<Results<Created<CommunityResponse>, ProblemHttpResult>> RegisterAsync(
        CommunityRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var community = ResidentialCommunity.Register(request.Name!, request.Street!, request.ContactName!, request.ContactPhone!, timeProvider.GetUtcNow());
        db.Communities.Add(community);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return NameTaken(community.Name);
        }
        context.Response.Headers.ETag = ETagOf(community);
        return TypedResults.Created($"/api/community/communities/{community.Id}", CommunityResponse.From(community));
    }

    internal static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> ReviseAsync(
        Guid id, CommunityRequest request, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (community is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(ETagOf(community)) is { } stale)
        {
            return stale;
        }
        community.Revise(request.Name!, request.Street!, request.ContactName!, request.ContactPhone!);
        if (!await db.SaveUnlessTakenAsync(cancellationToken))
        {
            return NameTaken(community.Name);
        }
        context.Response.Headers.ETag = ETagOf(community);
        return TypedResults.Ok(CommunityResponse.From(community));
    }

    internal static async Task<Results<Ok<Page<PairingResponse>>, ValidationProblem>> ListPairingsAsync(
        Guid? branchId, Guid? communityId, DateOnly? activeOn, string? cursor, int? limit, HttpContext context, CommunityDbContext db,
        CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateOnly, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var pairings = db.Pairings.AsNoTracking();
        if (context.Caller().BranchScope() is { } own)
        {
            pairings = pairings.Where(p => p.BranchId == own);
        }
        if (branchId is { } branch)
        {
            pairings = pairings.Where(p => p.BranchId == branch);
        }
        if (communityId is { } wanted)
        {
            pairings = pairings.Where(p => p.CommunityId == wanted);
        }
        if (activeOn is { } day)
        {
            pairings = pairings.Where(p => p.From <= day && (p.To == null || p.To >= day));
        }
        var page = await pairings.PageAsync(paging, p => p.From, p => p.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await PairingResponsesAsync(db, page, cancellationToken));
    }

    internal static async Task<Results<Created<PairingResponse>, ProblemHttpResult>> PairAsync(
        PairingRequest request, HttpContext context, CommunityDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var caller = context.Caller();
        if (!caller.MayKeepBranch(request.BranchId!.Value))
        {
            return NotYourBranch();
        }
        if (!await db.Units.AnyAsync(u => u.Id == request.BranchId && u.Kind == UnitKinds.Branch && u.ValidTo == null, cancellationToken))
        {
            return FieldProblems.Unprocessable("branchId", CommunityTexts.BranchUnknown_Title, CommunityTexts.BranchUnknown_Detail);
        }
        if (!await db.Communities.AnyAsync(c => c.Id == request.CommunityId, cancellationToken))
        {
            return FieldProblems.Unprocessable("communityId", CommunityTexts.CommunityNotFound_Title, CommunityTexts.CommunityUnknown_Detail);
        }
        var same = await db.Pairings.Where(p => p.BranchId == request.BranchId && p.CommunityId == request.CommunityId).ToListAsync(cancellationToken);
        if (same.Any(p => p.Overlaps(request.From!.Value, request.To)))
        {
            return TypedResults.Problem(title: CommunityTexts.PairingOverlaps_Title, detail: CommunityTexts.PairingOverlaps_Detail,
                statusCode: StatusCodes.Status409Conflict);
        }
        var pairing = CommunityPairing.Pair(request.BranchId.Value, request.CommunityId!.Value, request.From!.Value, request.To, request.Note,
            caller.Signature, timeProvider.GetUtcNow());
        db.Pairings.Add(pairing);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/community/pairings/{pairing.Id}", await PairingResponseAsync(db, pairing, cancellationToken));
    }

    internal static async Task<Results<Ok<PairingResponse>, ProblemHttpResult>> EndPairingAsync(
        Guid id, EndPairingRequest request, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pairing is null || context.Caller().BranchScope() is { } own && own != pairing.BranchId)
        {
            return TypedResults.Problem(title: CommunityTexts.PairingNotFound_Title, detail: CommunityTexts.PairingNotFound_Detail,
                statusCode: StatusCodes.Status404NotFound);
        }
        pairing.End(request.On!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await PairingResponseAsync(db, pairing, cancellationToken));
    }

    private static async Task<PairingResponse> PairingResponseAsync(CommunityDbContext db, CommunityPairing pairing, CancellationToken cancellationToken) =>
        (await PairingResponsesAsync(db, new Page<CommunityPairing>([pairing], null), cancellationToken)).Items[0];

    private static async Task<Page<PairingResponse>> PairingResponsesAsync(CommunityDbContext db, Page<CommunityPairing> page, CancellationToken cancellationToken)
    {
        var branches = await Units.NamesAsync(db, page.Items.Select(p => p.BranchId), cancellationToken);
        var communityIds = page.Items.Select(p => p.CommunityId).Distinct().ToArray();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return page.Select(p => new PairingResponse(p.Id, p.BranchId, branches.NameIn(p.BranchId), p.CommunityId, communities.NameIn(p.CommunityId),
            p.From, p.To, p.Note, p.Version));
    }

    internal static string ETagOf(ResidentialCommunity community) => $"\"{community.Version}\"";

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: CommunityTexts.CommunityNotFound_Title, detail: CommunityTexts.CommunityNotFound_Detail, statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult NotYourBranch() => TypedResults.Problem(
        title: CommunityTexts.NotYourBranch_Title, detail: CommunityTexts.NotYourBranch_Detail, statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult NameTaken(string name) => TypedResults.Problem(title: CommunityTexts.CommunityNameTaken_Title,
        statusCode: StatusCodes.Status409Conflict, detail: string.Format(System.Globalization.CultureInfo.CurrentCulture, CommunityTexts.CommunityNameTaken_Detail, name));
}
