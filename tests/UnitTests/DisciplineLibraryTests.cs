using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Features.Library;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>
/// The pure rules of the library area: which holidays a reminder is due for on a day of the 2026 calendar (the last
/// two working days before each, make-up working days counted), and the tag list.
/// </summary>
public sealed class DisciplineLibraryTests
{
    [Theory]
    // 中秋节 25–27 September (Friday–Sunday): the Wednesday and Thursday before it.
    [InlineData("2026-09-22", null)]
    [InlineData("2026-09-23", "中秋节")]
    [InlineData("2026-09-24", "中秋节")]
    [InlineData("2026-09-25", null)]
    // 国庆节 from 1 October (Thursday): 29 and 30 September; 28 September is three working days before.
    [InlineData("2026-09-28", null)]
    [InlineData("2026-09-29", "国庆节")]
    [InlineData("2026-09-30", "国庆节")]
    // 劳动节 from 1 May (Friday): 29 and 30 April.
    [InlineData("2026-04-28", null)]
    [InlineData("2026-04-29", "劳动节")]
    // 清明节 from 4 April (Saturday): 2 and 3 April.
    [InlineData("2026-04-02", "清明节")]
    [InlineData("2026-04-01", null)]
    [InlineData("2026-07-15", null)]
    public void A_reminder_is_due_in_the_last_two_working_days_before_a_holiday(string day, string? holiday)
    {
        var due = IntegrityReminder.HolidaysDue(TestCalendar.Calendar, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), 2);
        due.Select(h => h.Name).ShouldBe(holiday is null ? [] : [holiday]);
    }

    [Fact]
    public void A_wider_window_reaches_further_but_never_past_the_holiday_itself()
    {
        IntegrityReminder.HolidaysDue(TestCalendar.Calendar, new DateOnly(2026, 9, 21), 5).Select(h => h.Name).ShouldBe(["中秋节"]);
        IntegrityReminder.HolidaysDue(TestCalendar.Calendar, new DateOnly(2026, 9, 24), 5).Select(h => h.Name).ShouldBe(["中秋节", "国庆节"]);
        IntegrityReminder.HolidaysDue(TestCalendar.Calendar, new DateOnly(2026, 10, 2), 5).ShouldBeEmpty();
    }

    [Fact]
    public void Every_violation_type_has_a_family_and_labels_in_both_languages()
    {
        ViolationTypeTags.All.Count.ShouldBe(Enum.GetValues<ViolationType>().Length);
        ViolationTypeTags.All.ShouldAllBe(t => t.Label.Zh.Length > 0 && t.Label.En.Length > 0 && t.FamilyLabel.Zh.Length > 0 && t.FamilyLabel.En.Length > 0);
        ViolationTypeTags.All.Single(t => t.Type == ViolationType.Hedonism).Family.ShouldBe(ViolationFamily.FourForms);
        ViolationTypeTags.All.Single(t => t.Type == ViolationType.OffDutyConduct).Family.ShouldBe(ViolationFamily.OffDuty);
    }
}
