using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BrandPlatform.Platform.Persistence;

/// <summary>
/// A value an entity keeps whole and never queries into (a record's attendance sheet, its materials, an amendment's
/// "before"): one jsonb column, written with camelCase names and enum codes, compared by content so that a replaced
/// list is saved and an untouched one is not.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property) where T : class =>
        property
            .HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                text => JsonSerializer.Deserialize<T>(text, Json)!,
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!))
            .HasColumnType("jsonb");
}
