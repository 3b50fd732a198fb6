using System.Globalization;
using System.Text.Json;
using BrandPlatform.Discipline.Resources;

namespace BrandPlatform.Discipline.Features.Library;

/// <summary>Enum filters read from the query string by name (camelCase or not); a number or an unknown name is a field error, not a 500 or a silent match.</summary>
internal static class QueryValues
{
    /// <summary>More values than an enum has is a malformed link, not a wider filter.</summary>
    public const int MaxValues = 20;

    public static TEnum? One<TEnum>(string? value, string field, IDictionary<string, string[]> problems) where TEnum : struct, Enum =>
        value is null ? null : Parse<TEnum>(value, field, problems);

    public static TEnum[] Many<TEnum>(string[]? values, string field, IDictionary<string, string[]> problems) where TEnum : struct, Enum
    {
        if (values is not { Length: > 0 })
        {
            return [];
        }
        if (values.Length > MaxValues)
        {
            problems[field] = [string.Format(CultureInfo.CurrentCulture, LibraryTexts.TooManyFilterValues, MaxValues)];
            return [];
        }
        return [.. values.Select(v => Parse<TEnum>(v, field, problems)).OfType<TEnum>().Distinct()];
    }

    private static TEnum? Parse<TEnum>(string value, string field, IDictionary<string, string[]> problems) where TEnum : struct, Enum
    {
        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && !value.Trim().Any(char.IsAsciiDigit) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        problems[field] = [Unsupported<TEnum>()];
        return null;
    }

    /// <summary>The refusal lists what the filter takes, as the JSON names them; it does not echo what was sent.</summary>
    public static string Unsupported<TEnum>() where TEnum : struct, Enum =>
        string.Format(CultureInfo.CurrentCulture, LibraryTexts.UnsupportedValue, string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName)));
}
