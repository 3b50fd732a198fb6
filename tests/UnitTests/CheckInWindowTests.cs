using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>A check-in is open from 30 minutes before the planned start to the planned end, and only while planned.</summary>
public sealed class CheckInWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 6, 30, 0, TimeSpan.Zero);
    private static readonly DirectoryUnit Branch = new(Guid.CreateVersion7(), UnitKinds.Branch, "第一党支部", null);

    [Theory]
    [InlineData(-31, "签到尚未开始")]
    [InlineData(-30, null)]
    [InlineData(90, null)]
    [InlineData(91, "签到已结束")]
    public void The_window_opens_30_minutes_before_the_start_and_closes_at_the_end(int minutesFromStart, string? refusal)
    {
        var lesson = Lesson();
        var at = Start.AddMinutes(minutesFromStart);
        if (refusal is null)
        {
            lesson.RequireCheckInOpen(at);
            return;
        }
        var refused = Should.Throw<RuleViolation>(() => lesson.RequireCheckInOpen(at));
        refused.Status.ShouldBe(409);
        refused.Title.Format(PlatformLanguages.Default).ShouldBe(refusal);
        // Beijing time: 06:30Z is 14:30 in the room.
        refused.Detail.Format(PlatformLanguages.Default).ShouldContain(minutesFromStart < 0 ? "2026-12-10 14:00" : "2026-12-10 16:00");
    }

    [Fact]
    public void A_held_or_cancelled_activity_takes_no_check_ins_and_says_its_state()
    {
        var held = Lesson();
        held.Hold(new HeldRecord(Start, 90, "记录", 0, []), new DateOnly(2026, 12, 15), Start.AddMinutes(95));
        Should.Throw<RuleViolation>(() => held.RequireCheckInOpen(Start)).Detail.Format(PlatformLanguages.Default).ShouldContain("已举行");
        var cancelled = Lesson();
        cancelled.Cancel("改期", Start.AddDays(-1));
        Should.Throw<RuleViolation>(() => cancelled.RequireCheckInOpen(Start)).Detail.Format(PlatformLanguages.Default).ShouldContain("已取消");
    }

    private static StudyActivity Lesson() => StudyActivity.Schedule(ActivityKind.PartyLesson, Branch, Branch.Id, "专题党课", [], Start, Start.AddMinutes(90),
        "党员活动室", new ActivityAudience(AudienceKind.Unit, null, [], null), [], null, "secretary", Start.AddDays(-7));
}
