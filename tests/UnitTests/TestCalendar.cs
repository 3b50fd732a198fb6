using BrandPlatform.Platform.Calendar;
using BrandPlatform.Tickets.Domain;

namespace BrandPlatform.UnitTests;

/// <summary>The shipped holiday calendar with the default working hours and deadline policy, and China-time moments.</summary>
internal static class TestCalendar
{
    public static readonly WorkingCalendar Calendar = new(CalendarRegistration.LoadYears(directory: null));
    public static readonly DeadlinePolicy Deadlines = new(Calendar);

    public static DateTimeOffset China(int month, int day, int hour, int minute = 0, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));
}
