namespace BrandPlatform.Portal.Api;

/// <summary>An API path's query string from the filters a screen has set: "?a=1&amp;b=2", or nothing when none is.</summary>
public static class ApiQuery
{
    public static string Of(params string?[] parts) =>
        parts.OfType<string>().ToList() is { Count: > 0 } given ? "?" + string.Join("&", given) : "";
}
