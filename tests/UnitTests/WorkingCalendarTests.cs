using BrandPlatform.Platform.Calendar;
using Shouldly;

using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>
/// Working days and hours in Asia/Shanghai with the State Council's 2025 and 2026 holidays and make-up working days
/// (working hours 09:00–12:00 and 13:30–17:30 China time).
/// </summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = TestCalendar.Calendar;


    [Theory]
    [InlineData("2026-02-13", true)]   // Friday before the Spring Festival
    [InlineData("2026-02-14", true)]   // Saturday, a make-up working day
    [InlineData("2026-02-15", false)]  // the holiday begins (Sunday)
    [InlineData("2026-02-17", false)]  // 春节 itself, a Tuesday
    [InlineData("2026-02-23", false)]  // last holiday day, a Monday
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]   // Saturday, the second make-up working day
    [InlineData("2026-03-01", false)]  // an ordinary Sunday
    [InlineData("2026-09-20", true)]   // Sunday, make-up for 国庆
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]   // Saturday, make-up for 国庆
    [InlineData("2025-01-26", true)]   // Sunday, make-up for the 2025 Spring Festival
    [InlineData("2025-10-08", false)]  // 2025: 国庆 and 中秋 together, eight days
    public void Days_off_and_make_up_working_days_follow_the_published_calendar(string date, bool working) =>
        Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(working);

    [Fact]
    public void The_next_working_day_skips_the_whole_spring_festival_but_not_its_make_up_saturday()
    {
        Calendar.NextWorkingDay(new DateOnly(2026, 2, 13)).ShouldBe(new DateOnly(2026, 2, 14));
        Calendar.NextWorkingDay(new DateOnly(2026, 2, 14)).ShouldBe(new DateOnly(2026, 2, 24));
        Calendar.NextWorkingDay(new DateOnly(2026, 9, 30)).ShouldBe(new DateOnly(2026, 10, 8));
    }

    [Fact]
    public void A_deadline_in_working_days_ends_at_close_of_business_and_counts_from_the_next_working_moment()
    {
        // Filed on the make-up Saturday before the holiday: "办事不隔天" means Tuesday 24 February.
        Calendar.DeadlineInWorkingDays(China(2, 14, 10), 1).ShouldBe(China(2, 24, 17, 30));
        // Three working days after Thursday 24 September (中秋 from Friday): 28, 29, 30 September.
        Calendar.DeadlineInWorkingDays(China(9, 24, 16), 3).ShouldBe(China(9, 30, 17, 30));
        // From the 29th: the 30th, then 国庆 until the 7th, then the 8th and 9th.
        Calendar.DeadlineInWorkingDays(China(9, 29, 9), 3).ShouldBe(China(10, 9, 17, 30));
        // After hours counts from the next working morning; a holiday counts from the first day back.
        Calendar.DeadlineInWorkingDays(China(2, 13, 20), 1).ShouldBe(China(2, 24, 17, 30));
        Calendar.DeadlineInWorkingDays(China(10, 3, 11), 1).ShouldBe(China(10, 9, 17, 30));
    }

    [Fact]
    public void Working_hours_skip_lunch_nights_and_holidays()
    {
        Calendar.AddWorkingTime(China(3, 2, 11), TimeSpan.FromHours(2)).ShouldBe(China(3, 2, 14, 30));
        Calendar.AddWorkingTime(China(3, 2, 17), TimeSpan.FromHours(1)).ShouldBe(China(3, 3, 9, 30));
        // Half an hour on the make-up Saturday, three hours the morning after the holiday, half an hour after lunch.
        Calendar.AddWorkingTime(China(2, 14, 17), TimeSpan.FromHours(4)).ShouldBe(China(2, 24, 14));
        Calendar.AddWorkingTime(China(3, 7, 10), TimeSpan.FromHours(1)).ShouldBe(China(3, 9, 10)); // Saturday → Monday
    }

    [Fact]
    public void Working_time_between_two_instants_counts_only_working_hours()
    {
        Calendar.WorkingTimeBetween(China(3, 2, 9), China(3, 2, 17, 30)).ShouldBe(TimeSpan.FromHours(7));
        Calendar.WorkingTimeBetween(China(2, 13, 16), China(2, 24, 10)).ShouldBe(TimeSpan.FromHours(1.5 + 7 + 1));
        Calendar.WorkingTimeBetween(China(3, 2, 12), China(3, 2, 13)).ShouldBe(TimeSpan.Zero);
        Calendar.WorkingTimeBetween(China(3, 3, 9), China(3, 2, 9)).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Notices_wait_for_the_next_working_moment()
    {
        Calendar.IsWorkingTime(China(3, 2, 12, 30)).ShouldBeFalse();
        Calendar.NextWorkingMoment(China(3, 2, 12, 30)).ShouldBe(China(3, 2, 13, 30));
        Calendar.NextWorkingMoment(China(2, 14, 18)).ShouldBe(China(2, 24, 9));
        Calendar.NextWorkingMoment(China(3, 2, 10)).ShouldBe(China(3, 2, 10));
    }

    [Fact]
    public void A_year_without_a_data_file_falls_back_to_weekdays_and_says_so()
    {
        Calendar.KnowsYear(2026).ShouldBeTrue();
        Calendar.KnowsYear(2031).ShouldBeFalse();
        Calendar.IsWorkingDay(new DateOnly(2031, 1, 1)).ShouldBeTrue("without the 2031 file New Year's Day is an ordinary Wednesday");
    }

    [Fact]
    public void An_operator_s_file_adds_the_next_year_and_replaces_a_shipped_one()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "cn-2027.json"),
                """{"year":2027,"source":"test","holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"}],"makeUpWorkdays":[]}""");
            var calendar = new WorkingCalendar(CalendarRegistration.LoadYears(directory.FullName));
            calendar.KnowsYear(2027).ShouldBeTrue();
            calendar.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeFalse();
            calendar.KnowsYear(2026).ShouldBeTrue();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
