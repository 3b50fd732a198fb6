namespace BrandPlatform.Platform.Domain;

/// <summary>Every period figure and readable number follows the Asia/Shanghai calendar, whatever the server's zone.</summary>
public static class ChinaCalendar
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChinaTime(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>A moment of a China date and time, as UTC (what the database stores and what callers compare).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The date it is in China now: memberships and validity dates are China dates.</summary>
    public static DateOnly Today(this TimeProvider timeProvider) => DateOf(timeProvider.GetUtcNow());

    /// <summary>The China date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToChinaTime().DateTime);
}
