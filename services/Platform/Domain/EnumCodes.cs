using System.Text.Json;

namespace BrandPlatform.Platform.Domain;

public static class EnumCodes
{
    /// <summary>An enum value as it appears in JSON and in events: camelCase of its name (inProgress, taskForce, ...).</summary>
    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>The value whose code is <paramref name="code"/> exactly (a query parameter's value, as JSON writes it).</summary>
    public static bool TryFromCode<TEnum>(string? code, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (candidate.ToCode() == code)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
