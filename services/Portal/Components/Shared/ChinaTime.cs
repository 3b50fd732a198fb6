using System.Globalization;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Portal.Components.Shared;

/// <summary>
/// Every date and time on the portal is China's (the APIs send instants): how they are written, and how a Beijing
/// wall-clock time typed into a datetime-local field becomes the instant the API takes.
/// </summary>
public static class ChinaTime
{
    public static string Time(DateTimeOffset instant) => instant.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? instant) => instant is { } value ? Time(value) : "—";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => Date(ChinaCalendar.DateOf(instant));

    public static DateTimeOffset? FromWallClock(DateTime? local) =>
        local is { } value ? ChinaCalendar.At(DateOnly.FromDateTime(value), TimeOnly.FromDateTime(value)) : null;

    public static DateTime WallClock(DateTimeOffset instant) => instant.ToChinaTime().DateTime;

    /// <summary>A datetime-local field's value (the browser sends minutes, or seconds after a picker's step).</summary>
    public static string LocalValue(DateTime? local) => local?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    /// <summary>What the field holds, or null when it is empty or not a time: the API then says what it needs.</summary>
    public static DateTime? ParseLocal(object? value) =>
        DateTime.TryParseExact(value as string, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? local : null;
}
