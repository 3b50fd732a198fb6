using BrandPlatform.Platform.Attendance;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class AttendanceSheetTests
{
    private static readonly Guid Wang = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Li = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Zhang = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Guest = Guid.Parse("00000000-0000-0000-0000-000000000004");
    private static readonly DateTimeOffset Nine = new(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<Guid, string> Names = new()
    {
        [Wang] = "王芳", [Li] = "李明", [Zhang] = "张伟", [Guest] = "市工商联青年干部甲",
    };

    [Fact]
    public void Expected_people_neither_marked_nor_checked_in_are_absent_and_a_check_in_is_presence()
    {
        var sheet = AttendanceSheet.Compile([Wang, Li], [], [new CheckIn(Guid.Empty, Wang, "王芳", Nine)], Names);

        sheet.Single(e => e.PersonId == Wang).ShouldBe(new AttendanceEntry(Wang, "王芳", AttendanceStatus.Present, null, AttendanceSource.CheckIn, Nine));
        sheet.Single(e => e.PersonId == Li).ShouldBe(new AttendanceEntry(Li, "李明", AttendanceStatus.Absent, null, AttendanceSource.Roster, null));
    }

    [Fact]
    public void The_keeper_s_mark_decides_over_a_check_in_and_adds_people_not_expected()
    {
        var sheet = AttendanceSheet.Compile(
            [Wang, Li, Zhang],
            [
                new AttendanceMark(Wang, AttendanceStatus.Absent, "签到后离场"),
                new AttendanceMark(Li, AttendanceStatus.AbsentWithReason, " 出差 "),
                new AttendanceMark(Guest, AttendanceStatus.Present, "ignored for the present"),
            ],
            [new CheckIn(Guid.Empty, Wang, "王芳", Nine), new CheckIn(Guid.Empty, Zhang, "张伟", Nine.AddMinutes(3))],
            Names);

        sheet.Select(e => (e.PersonId, e.Status, e.Reason, e.Source)).ShouldBe(
        [
            (Zhang, AttendanceStatus.Present, null, AttendanceSource.CheckIn),
            (Li, AttendanceStatus.AbsentWithReason, "出差", AttendanceSource.Keeper),
            (Guest, AttendanceStatus.Present, null, AttendanceSource.Keeper),
            (Wang, AttendanceStatus.Absent, "签到后离场", AttendanceSource.Keeper),
        ], ignoreOrder: true);
        sheet.Single(e => e.PersonId == Wang).CheckedInAt.ShouldBe(Nine, "the check-in stays on record beside the mark");
        sheet.WithStatus(AttendanceStatus.Present).ShouldBe([Zhang, Guest], ignoreOrder: true);
    }

    [Fact]
    public void A_person_who_checked_in_twice_is_on_the_sheet_once_from_the_first_check_in()
    {
        var sheet = AttendanceSheet.Compile([], [], [new CheckIn(Guid.Empty, Wang, "王芳", Nine.AddMinutes(5)), new CheckIn(Guid.Empty, Wang, "王芳", Nine)], Names);

        sheet.ShouldHaveSingleItem().CheckedInAt.ShouldBe(Nine);
    }

    [Theory]
    [InlineData(-31, false)]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void Check_in_opens_half_an_hour_before_the_start_and_closes_at_the_planned_end(int minutesFromStart, bool open)
    {
        CheckInCodes.IsOpen(Nine, Nine.AddHours(1), Nine.AddMinutes(minutesFromStart)).ShouldBe(open);
    }

    [Fact]
    public void Codes_are_six_digits_and_match_only_themselves()
    {
        var code = CheckInCodes.New();

        code.Length.ShouldBe(CheckInCodes.Length);
        code.ShouldAllBe(c => char.IsAsciiDigit(c));
        CheckInCodes.Matches(code, $" {code} ").ShouldBeTrue();
        CheckInCodes.Matches(code, code[..5]).ShouldBeFalse();
        CheckInCodes.Matches(code, null).ShouldBeFalse();
    }
}
