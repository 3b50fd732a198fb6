using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace BrandPlatform.Portal.Api;

/// <summary>
/// A file an API makes (XLSX, PDF) as a download the browser saves: a plain GET to the portal, which asks the API with
/// the person's token and hands the file on (no script needed). When the API refuses, the person is back on the page
/// with a note.
/// </summary>
public static class FileDownloads
{
    public const string Failed = "failed";

    /// <param name="path">The portal's address of the download (relative to its base).</param>
    /// <param name="apiPathOf">The API's address of the file the query asks for; null when it asks for none the page offers.</param>
    /// <param name="failedAddress">Where the person goes back to when there is no file.</param>
    public static void MapFileDownload(this WebApplication app, string path, string roles, Func<IQueryCollection, string?> apiPathOf, string failedAddress) =>
        app.MapFileDownload(path, roles, apiPathOf, _ => failedAddress);

    /// <param name="failedAddressOf">Where the person goes back to when there is no file: the page the query names.</param>
    /// <param name="fileName">The file's name when the API names none.</param>
    public static void MapFileDownload(
        this WebApplication app, string path, string roles, Func<IQueryCollection, string?> apiPathOf, Func<IQueryCollection, string> failedAddressOf,
        string fileName = "export") =>
        app.MapGet("/" + path, async (HttpContext context, GatewayApi api, AuthenticationStateProvider authentication, CancellationToken cancellationToken) =>
        {
            // The API client reads the person's token from the authentication state, which a plain request hands it here.
            ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
                Task.FromResult(new AuthenticationState(context.User)));
            return apiPathOf(context.Request.Query) is { } apiPath && await api.DownloadAsync(apiPath, fileName, cancellationToken) is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.LocalRedirect("~/" + failedAddressOf(context.Request.Query));
        }).RequireAuthorization(new AuthorizeAttribute { Roles = roles });
}
