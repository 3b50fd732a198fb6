using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml;
using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Resources;

namespace BrandPlatform.Community.Features.Publicity;

/// <summary>A published item as the channels show it.</summary>
public sealed record PublishedItem(
    Guid Id, PublicityKind Kind, string BranchName, string Title, string Summary, string Body, DateTimeOffset PublishedAt, IReadOnlyList<PhotoReference> Photos);

/// <summary>Where the public site (同心网) and its news pages are, for the feeds' links (<c>Community:Publicity</c>).</summary>
public sealed class PublicityOptions
{
    public const string Section = "Community:Publicity";

    /// <summary>The public address of the gateway; the news page is under /portal/news. The request's own address when not set.</summary>
    public string? SiteAddress { get; set; }
}

/// <summary>
/// The three places a published item goes: 同心网's feeds (RSS 2.0 and JSON Feed 1.1), the WeChat official account's
/// editor (an article of inline-styled HTML, which the editor keeps when pasted: it drops style sheets and classes), and
/// the bulletin board (<see cref="BulletinSheet"/>).
/// </summary>
public static class Channels
{
    public static string NewsPage(string site, Guid id) => $"{site.TrimEnd('/')}/portal/news/{id}";

    public static string Rss(IEnumerable<PublishedItem> items, string site)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", CommunityTexts.Feed_Title);
            xml.WriteElementString("link", $"{site.TrimEnd('/')}/portal/news");
            xml.WriteElementString("description", CommunityTexts.Feed_Description);
            xml.WriteElementString("language", "zh-CN");
            foreach (var item in items)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", item.Title);
                xml.WriteElementString("link", NewsPage(site, item.Id));
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "false");
                xml.WriteString(item.Id.ToString());
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", item.PublishedAt.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
                xml.WriteElementString("category", KindLabel(item.Kind));
                xml.WriteElementString("author", item.BranchName);
                xml.WriteElementString("description", item.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        // StringBuilder output claims UTF-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static string JsonFeed(IEnumerable<PublishedItem> items, string site, string feedAddress) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["version"] = "https://jsonfeed.org/version/1.1",
        ["title"] = CommunityTexts.Feed_Title,
        ["description"] = CommunityTexts.Feed_Description,
        ["home_page_url"] = $"{site.TrimEnd('/')}/portal/news",
        ["feed_url"] = feedAddress,
        ["language"] = "zh-CN",
        ["items"] = items.Select(item => new Dictionary<string, object>
        {
            ["id"] = item.Id.ToString(),
            ["url"] = NewsPage(site, item.Id),
            ["title"] = item.Title,
            ["summary"] = item.Summary,
            ["content_text"] = item.Body,
            ["date_published"] = item.PublishedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["authors"] = new[] { new Dictionary<string, string> { ["name"] = item.BranchName } },
            ["tags"] = new[] { KindLabel(item.Kind) },
        }).ToArray(),
    }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>
    /// The article as the WeChat editor takes it: one section of inline-styled paragraphs, the title as a heading, and
    /// each photo referenced by its file name (the editor uploads images itself; the operator drops the files in place).
    /// </summary>
    public static string WeChatArticle(PublishedItem item)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(Encode(item.Title)).Append("</title></head><body>");
        html.Append("<section style=\"font-size:16px;line-height:1.75;color:#333;letter-spacing:0.5px;\">");
        html.Append("<h1 style=\"font-size:22px;font-weight:bold;color:#b71c1c;text-align:center;margin:0 0 12px;\">").Append(Encode(item.Title)).Append("</h1>");
        html.Append("<p style=\"font-size:13px;color:#888;text-align:center;margin:0 0 16px;\">")
            .Append(Encode($"{item.BranchName} · {item.PublishedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd}")).Append("</p>");
        html.Append("<p style=\"background:#fdf3f3;border-left:4px solid #b71c1c;padding:8px 12px;margin:0 0 16px;\">").Append(Encode(item.Summary)).Append("</p>");
        foreach (var paragraph in item.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p style=\"text-indent:2em;margin:0 0 12px;\">").Append(Encode(paragraph)).Append("</p>");
        }
        foreach (var photo in item.Photos)
        {
            html.Append("<p style=\"text-align:center;margin:12px 0;\"><img src=\"").Append(Encode(photo.FileName)).Append("\" alt=\"")
                .Append(Encode(photo.Caption ?? "")).Append("\" style=\"max-width:100%;\"/></p>");
            if (!string.IsNullOrWhiteSpace(photo.Caption))
            {
                html.Append("<p style=\"font-size:13px;color:#888;text-align:center;margin:0 0 12px;\">").Append(Encode(photo.Caption)).Append("</p>");
            }
        }
        html.Append("</section></body></html>");
        return html.ToString();
    }

    public static string KindLabel(PublicityKind kind) =>
        CommunityTexts.ResourceManager.GetString($"Kind_{kind}", CommunityTexts.Culture) ?? kind.ToString();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
