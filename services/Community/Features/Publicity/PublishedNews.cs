using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Directory;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Community.Features.Publicity;

/// <summary>
/// What publication gives: 同心网's public news and feeds (anyone, without signing in: published items only), and for
/// the office and the branch's keepers a published item's WeChat article and A3 bulletin sheet.
/// </summary>
public static class PublishedNews
{
    public const int FeedSize = 50;

    public sealed record NewsResponse(Guid Id, PublicityKind Kind, string BranchName, string Title, string Summary, string Body, DateTimeOffset PublishedAt);

    public static RouteGroupBuilder MapPublishedNews(this RouteGroupBuilder community)
    {
        community.MapGet("/public/news", ListAsync)
            .AllowAnonymous()
            .WithName("ListNews")
            .WithSummary("同心网: published items, latest first (no sign-in); ?kind=; follow 'next'");
        community.MapGet("/public/news/{id:guid}", GetAsync)
            .AllowAnonymous()
            .WithName("GetNews")
            .WithSummary("One published item (no sign-in); 404 for anything not published");
        community.MapGet("/public/feed.rss", RssAsync)
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "application/rss+xml")
            .WithName("GetNewsRss")
            .WithSummary("同心网's RSS 2.0 feed of the latest published items");
        community.MapGet("/public/feed.json", JsonFeedAsync)
            .AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, "application/feed+json")
            .WithName("GetNewsJsonFeed")
            .WithSummary("同心网's JSON Feed 1.1 of the latest published items");
        community.MapGet("/publicity/items/{id:guid}/wechat", WeChatAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Keepers)
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithName("GetWeChatArticle")
            .WithSummary("A published item as the WeChat account's editor takes it (inline-styled HTML, photos referenced by file name); 409 before it is published");
        community.MapGet("/publicity/items/{id:guid}/bulletin", BulletinAsync)
            .RequirePersonAccess(CommunityAccess.Read, CommunityAccess.Keepers)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("GetBulletinSheet")
            .WithSummary("A published item as the bulletin board's printable A3 PDF (Chinese font); 409 before it is published, 503 without the font");
        return community;
    }

    internal static async Task<Results<Ok<Page<NewsResponse>>, ValidationProblem>> ListAsync(
        QueryCode<PublicityKind>? kind, string? cursor, int? limit, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        if (!KeysetPaging.TryRead<DateTimeOffset, Guid>(cursor, limit, out var paging, out var invalid))
        {
            return invalid;
        }
        var items = Published(db);
        if (kind is { Value: var wanted })
        {
            items = items.Where(i => i.Kind == wanted);
        }
        var page = await items.PageAsync(paging, i => i.PublishedAt!.Value, i => i.Id, context, cancellationToken, descending: true);
        return TypedResults.Ok(await page.SelectAsync(async list =>
        {
            var published = await PublishedItemsAsync(db, list, cancellationToken);
            return (IReadOnlyList<NewsResponse>)[.. published.Select(News)];
        }));
    }

    internal static async Task<Results<Ok<NewsResponse>, ProblemHttpResult>> GetAsync(Guid id, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var item = await Published(db).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return item is null ? PublicityItems.NotFound() : TypedResults.Ok(News((await PublishedItemsAsync(db, [item], cancellationToken))[0]));
    }

    internal static async Task<ContentHttpResult> RssAsync(
        HttpContext context, CommunityDbContext db, IOptions<PublicityOptions> options, CancellationToken cancellationToken) =>
        TypedResults.Content(Channels.Rss(await LatestAsync(db, cancellationToken), Site(context, options.Value)), "application/rss+xml; charset=utf-8");

    internal static async Task<ContentHttpResult> JsonFeedAsync(
        HttpContext context, CommunityDbContext db, IOptions<PublicityOptions> options, CancellationToken cancellationToken)
    {
        var site = Site(context, options.Value);
        return TypedResults.Content(Channels.JsonFeed(await LatestAsync(db, cancellationToken), site, $"{site.TrimEnd('/')}/api/community/public/feed.json"),
            "application/feed+json; charset=utf-8");
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> WeChatAsync(
        Guid id, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var found = await PublishedForKeeperAsync(id, context, db, cancellationToken);
        return found.Item is { } item ? TypedResults.Content(Channels.WeChatArticle(item), "text/html; charset=utf-8") : found.Problem!;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> BulletinAsync(
        Guid id, HttpContext context, CommunityDbContext db, BulletinSheet sheet, CancellationToken cancellationToken)
    {
        var found = await PublishedForKeeperAsync(id, context, db, cancellationToken);
        if (found.Item is not { } item)
        {
            return found.Problem!;
        }
        var pdf = sheet.Render(item);
        return pdf is null
            ? TypedResults.Problem(title: Resources.CommunityTexts.FontMissing_Title, detail: Resources.CommunityTexts.FontMissing_Detail,
                statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.File(pdf, "application/pdf", $"bulletin-{item.PublishedAt.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd}-{item.Id:N}.pdf");
    }

    private static async Task<(PublishedItem? Item, ProblemHttpResult? Problem)> PublishedForKeeperAsync(
        Guid id, HttpContext context, CommunityDbContext db, CancellationToken cancellationToken)
    {
        var item = await PublicityItems.Visible(db.PublicityItems.AsNoTracking(), context.Caller()).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return (null, PublicityItems.NotFound());
        }
        if (item.State != PublicityState.Published)
        {
            return (null, TypedResults.Problem(title: Resources.CommunityTexts.NotPublished_Title, statusCode: StatusCodes.Status409Conflict,
                detail: string.Format(System.Globalization.CultureInfo.CurrentCulture, Resources.CommunityTexts.NotPublished_Detail, item.State)));
        }
        return ((await PublishedItemsAsync(db, [item], cancellationToken))[0], null);
    }

    private static IQueryable<PublicityItem> Published(CommunityDbContext db) =>
        db.PublicityItems.AsNoTracking().Where(i => i.State == PublicityState.Published && i.PublishedAt != null);

    private static async Task<IReadOnlyList<PublishedItem>> LatestAsync(CommunityDbContext db, CancellationToken cancellationToken) =>
        await PublishedItemsAsync(db, await Published(db).OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Take(FeedSize)
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>Items with their branch's name and, for a service's write-up, the service's photos.</summary>
    private static async Task<IReadOnlyList<PublishedItem>> PublishedItemsAsync(CommunityDbContext db, IReadOnlyList<PublicityItem> items, CancellationToken cancellationToken)
    {
        var branches = await Units.NamesAsync(db, items.Select(i => i.BranchId), cancellationToken);
        var serviceIds = items.Where(i => i.SourceKind == PublicitySource.CommunityService).Select(i => i.SourceId!.Value).ToArray();
        var photos = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Photos, cancellationToken);
        return [.. items.Select(i => new PublishedItem(i.Id, i.Kind, branches.NameIn(i.BranchId), i.Title, i.Summary, i.Body, i.PublishedAt!.Value,
            i.SourceKind == PublicitySource.CommunityService && photos.TryGetValue(i.SourceId!.Value, out var p) ? p : []))];
    }

    private static NewsResponse News(PublishedItem item) => new(item.Id, item.Kind, item.BranchName, item.Title, item.Summary, item.Body, item.PublishedAt);

    private static string Site(HttpContext context, PublicityOptions options) =>
        options.SiteAddress is { Length: > 0 } configured ? configured : $"{context.Request.Scheme}://{context.Request.Host}";
}
