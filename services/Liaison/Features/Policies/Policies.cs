using System.Globalization;
using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Liaison.Resources;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features.Policies;

/// <summary>
/// /api/liaison/policies: the 政策库. The office publishes, revises and withdraws policies; the cadres, task-force handlers
/// and enterprise contacts search them in Chinese (?q=, every word must match, a Chinese word where its characters stand
/// together) and read them whole. Handlers cite them in a ticket's answer (the tickets service keeps a copy).
/// </summary>
public static class Policies
{
    public const int QueryMaxLength = 100;

    public sealed record PolicyRequest(
        string? Title, string? Issuer, DateOnly? IssuedOn, string? Region, string? Summary, string? FullText, IReadOnlyList<string>? Tags);

    /// <summary>A policy as a search lists it: without its full text.</summary>
    public sealed record Listed(Guid Id, string Title, string Issuer, DateOnly IssuedOn, string Region, string Summary, IReadOnlyList<string> Tags, bool InForce);

    public sealed record Response(
        Guid Id, string Title, string Issuer, DateOnly IssuedOn, string Region, string Summary, string FullText, IReadOnlyList<string> Tags,
        bool InForce, DateTimeOffset PublishedAt, DateTimeOffset LastChangedAt, DateTimeOffset? WithdrawnAt, int Version)
    {
        public static Response From(Policy p) => new(
            p.Id, p.Title, p.Issuer, p.IssuedOn, p.Region, p.Summary, p.FullText, p.Tags, !p.IsWithdrawn, p.PublishedAt, p.LastChangedAt, p.WithdrawnAt, p.Version);

        public static string ETagOf(Policy p) => $"\"{p.Version}\"";
    }

    public sealed class PolicyValidator : AbstractValidator<PolicyRequest>
    {
        public PolicyValidator()
        {
            RuleFor(r => r.Title).NotEmpty().MaximumLength(Policy.TitleMaxLength);
            RuleFor(r => r.Issuer).NotEmpty().MaximumLength(Policy.IssuerMaxLength);
            RuleFor(r => r.IssuedOn).NotNull();
            RuleFor(r => r.Region).NotEmpty().MaximumLength(Policy.RegionMaxLength);
            RuleFor(r => r.Summary).NotEmpty().MaximumLength(Policy.SummaryMaxLength);
            RuleFor(r => r.FullText).NotEmpty().MaximumLength(Policy.FullTextMaxLength);
            RuleFor(r => r.Tags).Must(t => t is null || t.Count <= Policy.MaxTags)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LiaisonTexts.TagsAtMost, Policy.MaxTags));
            RuleForEach(r => r.Tags).NotEmpty().MaximumLength(Policy.TagMaxLength);
        }
    }

    /// <summary>Who reads the 政策库: the cadres, task-force handlers (who cite it) and enterprise contacts.</summary>
    private static readonly string[] Readers = [.. LiaisonAccess.Cadres, PlatformRoles.TaskForceHandler, PlatformRoles.EnterpriseContact];

    public static RouteGroupBuilder MapPolicies(this RouteGroupBuilder liaison)
    {
        string[] read = [LiaisonAccess.ReadScope];
        string[] write = [LiaisonAccess.WriteScope];
        liaison.MapGet("/policies", ListAsync)
            .RequirePersonAccess(read, Readers)
            .WithName("SearchPolicies")
            .WithSummary("The 政策库, latest issued first, policies in force only unless ?includeWithdrawn=true; ?q= words that must all match (Chinese included), ?region=, ?tag=; follow 'next'");
        liaison.MapGet("/policies/{id:guid}", GetAsync)
            .RequirePersonAccess(read, Readers)
            .WithName("GetPolicy")
            .WithSummary("One policy with its full text; the ETag is its version");
        liaison.MapPost("/policies", PublishAsync)
            .Validate<PolicyRequest>()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("PublishPolicy")
            .WithSummary("The office publishes a policy to the 政策库 (issued on a day not after today); announced as PolicyPublished");
        liaison.MapPut("/policies/{id:guid}", ReviseAsync)
            .Validate<PolicyRequest>()
            .ChecksIfMatch()
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("RevisePolicy")
            .WithSummary("The office corrects a policy in force; If-Match with the ETag it read; announced as PolicyRevised");
        liaison.MapPost("/policies/{id:guid}/withdraw", WithdrawAsync)
            .RequirePersonAccess(write, LiaisonAccess.Office)
            .WithName("WithdrawPolicy")
            .WithSummary("The office withdraws a policy no longer in force (it stays readable, marked, and is no longer cited); announced as PolicyWithdrawn");
        return liaison;
    }

    internal static async Task<Results<Ok<Page<Listed>>, ValidationProblem>> ListAsync(
        string? q, string? region, string? tag, bool? includeWithdrawn, string? cursor, int? limit, HttpContext context, LiaisonDbContext db,
        CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var paging = KeysetPaging.Read<DateOnly, Guid>(cursor, limit, problems);
        var query = ChineseSearch.Query(q);
        if (q?.Length > QueryMaxLength)
        {
            problems["q"] = [string.Format(CultureInfo.CurrentCulture, LiaisonTexts.SearchTooLong, QueryMaxLength)];
        }
        else if (!string.IsNullOrWhiteSpace(q) && query is null)
        {
            problems["q"] = [LiaisonTexts.SearchNothing];
        }
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems);
        }
        var policies = db.Policies.AsNoTracking();
        if (includeWithdrawn != true)
        {
            policies = policies.Where(p => p.WithdrawnAt == null);
        }
        if (query is not null)
        {
            policies = policies.Where(p => p.SearchVector.Matches(EF.Functions.ToTsQuery(ChineseSearch.Configuration, query)));
        }
        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim();
            policies = policies.Where(p => p.Region == wanted);
        }
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var wanted = tag.Trim();
            policies = policies.Where(p => p.Tags.Contains(wanted));
        }
        var page = await policies.PageAsync(paging, p => p.IssuedOn, p => p.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(page.Select(p => new Listed(p.Id, p.Title, p.Issuer, p.IssuedOn, p.Region, p.Summary, p.Tags, !p.IsWithdrawn)));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context, LiaisonDbContext db, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return policy is null ? NotFound() : Answer(context, policy);
    }

    internal static async Task<Results<Created<Response>, ProblemHttpResult>> PublishAsync(
        PolicyRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var policy = Policy.Publish(DetailsOf(request), timeProvider.GetUtcNow());
        db.Policies.Add(policy);
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = Response.ETagOf(policy);
        return TypedResults.Created($"/api/liaison/policies/{policy.Id}", Response.From(policy));
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> ReviseAsync(
        Guid id, PolicyRequest request, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (policy is null)
        {
            return NotFound();
        }
        if (context.StaleIfMatch(Response.ETagOf(policy)) is { } stale)
        {
            return stale;
        }
        policy.Revise(DetailsOf(request), timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Answer(context, policy);
    }

    internal static async Task<Results<Ok<Response>, ProblemHttpResult>> WithdrawAsync(
        Guid id, HttpContext context, LiaisonDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var policy = await db.Policies.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (policy is null)
        {
            return NotFound();
        }
        policy.Withdraw(timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Answer(context, policy);
    }

    private static Policy.Details DetailsOf(PolicyRequest r) =>
        new(r.Title!, r.Issuer!, r.IssuedOn!.Value, r.Region!, r.Summary!, r.FullText!, r.Tags ?? []);

    private static Ok<Response> Answer(HttpContext context, Policy policy)
    {
        context.Response.Headers.ETag = Response.ETagOf(policy);
        return TypedResults.Ok(Response.From(policy));
    }

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: LiaisonTexts.PolicyNotFound_Title, detail: LiaisonTexts.PolicyNotFound_Detail, statusCode: StatusCodes.Status404NotFound);
}
