using BrandPlatform.Platform.Resources;
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
        var offset = TimeZone.GetUtcOffset(local);
        // The calendar's first and last hours have no UTC instant (0001-01-01 00:00 in China is before year 1 in UTC):
        // the range's own ends stand in, so a period asked for at the edges covers everything instead of failing.
        if (offset > TimeSpan.Zero && local - DateTime.MinValue < offset)
        {
            return DateTimeOffset.MinValue;
        }
        if (offset < TimeSpan.Zero && DateTime.MaxValue - local < -offset)
        {
            return DateTimeOffset.MaxValue;
        }
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The moment <paramref name="day"/> ends (the next day's midnight); the last day of the calendar ends at the end of time.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : At(day.AddDays(1), TimeOnly.MinValue);

    /// <summary>The date it is in China now: memberships and validity dates are China dates.</summary>
    public static DateOnly Today(this TimeProvider timeProvider) => DateOf(timeProvider.GetUtcNow());

    /// <summary>The China date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToChinaTime().DateTime);
}

/// <summary>A period of whole China dates, as the figures are asked for: from its first day's midnight to the day after its last.</summary>
public sealed record ChinaPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => ChinaCalendar.At(From, TimeOnly.MinValue);
    public DateTimeOffset End => ChinaCalendar.EndOf(To);
    public bool IsBackwards => To < From;

    /// <summary>What a caller is told of a period that ends before it begins (the field is "to").</summary>
    public static string BackwardsMessage => PlatformTexts.DateRangeBackwards;

    /// <summary>The period a caller named; without dates, the year so far.</summary>
    public static ChinaPeriod Of(DateOnly? from, DateOnly? to, TimeProvider timeProvider)
    {
        var today = timeProvider.Today();
        return new ChinaPeriod(from ?? new DateOnly(today.Year, 1, 1), to ?? today);
    }
}
