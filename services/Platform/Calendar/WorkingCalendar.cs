using System.Text.Json;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Platform.Calendar;

/// <summary>One year's statutory holidays and make-up working days (调休), as the State Council publishes them.</summary>
public sealed record CalendarYear(int Year, string Source, IReadOnlyList<CalendarYear.Holiday> Holidays, IReadOnlyList<CalendarYear.MakeUpWorkday> MakeUpWorkdays)
{
    public sealed record Holiday(string Name, DateOnly From, DateOnly To);

    public sealed record MakeUpWorkday(DateOnly Date, string For);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CalendarYear Parse(string json) =>
        JsonSerializer.Deserialize<CalendarYear>(json, Json) ?? throw new InvalidDataException("An empty calendar file.");
}

/// <summary>The hours of a working day, in China time (e.g. 09:00–12:00 and 13:30–17:30).</summary>
public sealed record WorkingPeriod(TimeOnly Start, TimeOnly End);

/// <summary>
/// Working days and working hours for Asia/Shanghai: weekends are off unless they are make-up working days, statutory
/// holidays are off. "Within N working days" and "within N working hours" are computed here, and so are the working
/// time between two instants (pauses excluded by the caller) and the next moment a notice may go out. A year without a
/// data file falls back to Monday–Friday and is reported by <see cref="KnowsYear"/>, so operators can add the file.
/// Instants come back in UTC.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly IReadOnlyList<WorkingPeriod> DefaultHours =
    [
        new(new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new(new TimeOnly(13, 30), new TimeOnly(17, 30)),
    ];

    private readonly Dictionary<DateOnly, bool> exceptions = [];
    private readonly HashSet<int> years = [];
    private readonly List<CalendarYear.Holiday> holidays = [];
    private readonly IReadOnlyList<WorkingPeriod> hours;

    public WorkingCalendar(IEnumerable<CalendarYear> calendarYears, IReadOnlyList<WorkingPeriod>? workingHours = null)
    {
        hours = workingHours is { Count: > 0 } ? [.. workingHours.OrderBy(p => p.Start)] : DefaultHours;
        foreach (var year in calendarYears)
        {
            years.Add(year.Year);
            holidays.AddRange(year.Holidays);
            foreach (var holiday in year.Holidays)
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                {
                    exceptions[day] = false;
                }
            }
            foreach (var workday in year.MakeUpWorkdays)
            {
                exceptions[workday.Date] = true;
            }
        }
    }

    public bool KnowsYear(int year) => years.Contains(year);

    /// <summary>The public holidays (named, from the State Council's notice) that begin within <paramref name="period"/>.</summary>
    public IReadOnlyList<CalendarYear.Holiday> HolidaysStartingIn(ChinaPeriod period) =>
        [.. holidays.Where(h => h.From >= period.From && h.From <= period.To).OrderBy(h => h.From)];

    public bool IsWorkingDay(DateOnly day) =>
        exceptions.TryGetValue(day, out var working) ? working : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The first working day after <paramref name="day"/> ("办事不隔天": the next working day, not the next date).</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }
        return next;
    }

    /// <summary><paramref name="day"/> itself if it is a working day, else the last working day before it.</summary>
    public DateOnly LatestWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }
        return day;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            day = NextWorkingDay(day);
        }
        return day;
    }

    /// <summary>
    /// A deadline of N working days from <paramref name="start"/>: the close of the N-th working day after the day it
    /// started (a request arriving after hours or on a day off counts from the next working day's start).
    /// </summary>
    public DateTimeOffset DeadlineInWorkingDays(DateTimeOffset start, int count)
    {
        var day = ChinaCalendar.DateOf(NextWorkingMoment(start));
        return CloseOf(AddWorkingDays(day, count));
    }

    /// <summary>The moment <paramref name="duration"/> of working time after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var moment = NextWorkingMoment(start);
        var left = duration;
        while (true)
        {
            var periodEnd = EndOfPeriodContaining(moment);
            var available = periodEnd - moment;
            if (left <= available)
            {
                return moment + left;
            }
            left -= available;
            moment = NextWorkingMoment(periodEnd);
        }
    }

    /// <summary>Working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var moment = NextWorkingMoment(from);
        while (moment < to)
        {
            var periodEnd = EndOfPeriodContaining(moment);
            total += (periodEnd < to ? periodEnd : to) - moment;
            moment = NextWorkingMoment(periodEnd);
        }
        return total;
    }

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var local = instant.ToChinaTime();
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && hours.Any(p => time >= p.Start && time < p.End);
    }

    /// <summary><paramref name="instant"/> itself if it is working time, otherwise the start of the next working period.</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset instant)
    {
        var local = instant.ToChinaTime();
        var day = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(day))
        {
            foreach (var period in hours)
            {
                if (time < period.End)
                {
                    return time >= period.Start ? instant.ToUniversalTime() : At(day, period.Start);
                }
            }
        }
        return At(NextWorkingDay(day), hours[0].Start);
    }

    /// <summary>The close of business of a working day.</summary>
    public DateTimeOffset CloseOf(DateOnly day) => At(day, hours[^1].End);

    private DateTimeOffset EndOfPeriodContaining(DateTimeOffset workingMoment)
    {
        var local = workingMoment.ToChinaTime();
        var time = TimeOnly.FromDateTime(local.DateTime);
        var period = hours.First(p => time >= p.Start && time < p.End);
        return At(DateOnly.FromDateTime(local.DateTime), period.End);
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => ChinaCalendar.At(day, time);
}
