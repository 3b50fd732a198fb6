namespace BrandPlatform.Platform.Domain;

/// <summary>Every period figure and readable number follows the Asia/Shanghai calendar, whatever the server's zone.</summary>
public static class ChinaCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChinaTime(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>The date it is in China now: memberships and validity dates are China dates.</summary>
    public static DateOnly Today(this TimeProvider timeProvider) => DateOnly.FromDateTime(timeProvider.GetUtcNow().ToChinaTime().DateTime);
}
