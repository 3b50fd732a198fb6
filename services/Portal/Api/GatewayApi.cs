using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using BrandPlatform.Portal.Resources;
using BrandPlatform.Portal.Security;

namespace BrandPlatform.Portal.Api;

/// <summary>An API's problem (RFC 9457) as the portal shows it: a title, a detail, and errors per field.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The errors of one field, matched as the APIs name fields (camelCase, case ignored).</summary>
    public IEnumerable<string> For(string field) =>
        Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value);

    /// <summary>Errors not tied to a field the form shows, so none is hidden.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shownFields) =>
        Errors.Where(e => !shownFields.Contains(e.Key, StringComparer.OrdinalIgnoreCase)).SelectMany(e => e.Value);
}

public sealed record ApiResult<T>(T? Value, ApiProblem? Problem, string? ETag)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// The portal's only way to the services: through the gateway, with the signed-in person's access token, asking for
/// answers in the portal's language. Problems come back as values for the page to show, never as exceptions.
/// </summary>
public sealed class GatewayApi(HttpClient http, CircuitTokens tokens, ILogger<GatewayApi> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, null, cancellationToken);

    public async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (await tokens.AccessTokenAsync(cancellationToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var etag = response.Headers.ETag?.ToString();
            if (response.IsSuccessStatusCode)
            {
                var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
                    ? default
                    : await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return new ApiResult<T>(value, null, etag);
            }
            return new ApiResult<T>(default, await ProblemOfAsync(response, cancellationToken), etag);
        }
        catch (HttpRequestException unreachable)
        {
            logger.LogWarning(unreachable, "The gateway did not answer {Method} {Path}", method, path);
            return new ApiResult<T>(default, Unreachable(), null);
        }
    }

    /// <summary>A file the API generates (XLSX, PDF), for the browser to download through the portal.</summary>
    /// <param name="fileName">The file's name when the API's answer names none.</param>
    public async Task<(byte[] Content, string ContentType, string FileName)?> DownloadAsync(
        string path, string fileName = "export", CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (await tokens.AccessTokenAsync(cancellationToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken),
            response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? fileName);
    }

    private static async Task<ApiProblem> ProblemOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, cancellationToken);
            if (problem is not null)
            {
                return new ApiProblem(status, problem.Title ?? PortalTexts.Problem_Generic, problem.Detail,
                    problem.Errors ?? new Dictionary<string, string[]>());
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status alone says enough.
        }
        catch (NotSupportedException)
        {
        }
        return new ApiProblem(status, status switch
        {
            401 => PortalTexts.Problem_SignedOut,
            403 => PortalTexts.Problem_Forbidden,
            404 => PortalTexts.Problem_NotFound,
            429 => PortalTexts.Problem_TooMany,
            _ => PortalTexts.Problem_Generic,
        }, null, new Dictionary<string, string[]>());
    }

    private static ApiProblem Unreachable() =>
        new(503, PortalTexts.Problem_Unreachable, null, new Dictionary<string, string[]>());

    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
