using BrandPlatform.Portal.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace BrandPlatform.Portal.Components.Supervision;

/// <summary>
/// The monthly 错情通报 as a file the browser saves: a plain request to the portal, which asks the API with the person's
/// token and hands the file on (no script needed). When the API refuses, the person is back on the page with a note.
/// </summary>
public static class NoticeDownloads
{
    public const string Path = "supervision/document-errors/notice";
    public const string Failed = "failed";

    public static void MapNoticeDownloads(this WebApplication app) =>
        app.MapGet("/" + Path, async (string? year, string? month, string? departmentId, string? format, HttpContext context, GatewayApi api,
            AuthenticationStateProvider authentication, CancellationToken cancellationToken) =>
        {
            // The API client reads the person's token from the authentication state, which a plain request hands it here.
            ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
                Task.FromResult(new AuthenticationState(context.User)));
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["year"] = year, ["month"] = month, ["departmentId"] = departmentId, ["format"] = format,
            });
            return await api.DownloadAsync("api/supervision/document-errors/notice" + query, cancellationToken) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.LocalRedirect($"~/supervision/document-errors?notice={Failed}");
        }).RequireAuthorization(new AuthorizeAttribute { Roles = SupervisionRoles.Participants });
}
