using BrandPlatform.Portal.Api;

namespace BrandPlatform.Portal.Components.Community;

/// <summary>
/// A published item's 微信图文 (the WeChat article's HTML) and 公告栏A3 (the bulletin board's PDF), as files the browser
/// saves (see <see cref="FileDownloads"/>); the person is back on the item, with a note, when the API makes none.
/// </summary>
public static class PublicityDownloads
{
    public const string WeChat = "wechat", Bulletin = "bulletin";

    public static string Href(Guid item, string file) => $"community/publicity/{file}?id={item}";

    public static void MapPublicityDownloads(this WebApplication app)
    {
        app.MapDownload(WeChat, "wechat.html");
        app.MapDownload(Bulletin, "bulletin-a3.pdf");
    }

    private static void MapDownload(this WebApplication app, string file, string fileName) =>
        app.MapFileDownload($"community/publicity/{file}", CommunityRoles.Organisers,
            query => ItemOf(query) is { } id ? $"api/community/publicity/items/{id}/{file}" : null,
            query => ItemOf(query) is { } id ? $"community/publicity/{id}?download={FileDownloads.Failed}" : "community/publicity", fileName);

    private static Guid? ItemOf(IQueryCollection query) => Guid.TryParse(query["id"], out var id) ? id : null;
}
