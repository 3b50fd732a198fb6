using BrandPlatform.Portal.Api;

namespace BrandPlatform.Portal.Components.Supervision;

/// <summary>The monthly 错情通报 as a file the browser saves (see <see cref="FileDownloads"/>).</summary>
public static class NoticeDownloads
{
    public const string Path = "supervision/document-errors/notice";
    public const string Failed = FileDownloads.Failed;

    public static void MapNoticeDownloads(this WebApplication app) =>
        app.MapFileDownload(Path, SupervisionRoles.Participants, query => "api/supervision/document-errors/notice" + QueryString.Create(
            new Dictionary<string, string?>
            {
                ["year"] = query["year"], ["month"] = query["month"], ["departmentId"] = query["departmentId"], ["format"] = query["format"],
            }.Where(parameter => !string.IsNullOrEmpty(parameter.Value))), $"supervision/document-errors?notice={Failed}");
}
