using System.Text.Json;

namespace BrandPlatform.Platform.Domain;

public static class EnumCodes
{
    /// <summary>An enum value as it appears in JSON and in events: camelCase of its name (inProgress, taskForce, ...).</summary>
    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
