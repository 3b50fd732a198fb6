using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// Study records made with the entities themselves and written straight into study's database: held meetings with
/// their record filed on a chosen day (the hold endpoint can only file today), for the rules to judge.
/// </summary>
internal static class StudyRecords
{
    private static readonly WorkingCalendar Calendar = new(CalendarRegistration.LoadYears(directory: null));

    public static DateTimeOffset China(int year, int month, int day, int hour = 10) => new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>Planned a week before; held at <paramref name="heldAt"/>; its record filed at <paramref name="recordedAt"/> (2 hours later by default).</summary>
    public static StudyActivity Held(DirectoryUnit organiser, ActivityKind kind, DateTimeOffset heldAt, DateTimeOffset? recordedAt = null,
        IReadOnlyList<Guid>? present = null, IReadOnlyList<Guid>? pair = null, string topic = "学习贯彻党的二十届四中全会精神")
    {
        var activity = Planned(organiser, kind, heldAt, pair, topic);
        var attendance = (present ?? []).Select(p => new AttendanceEntry(p, "党员", AttendanceStatus.Present, null, AttendanceSource.Keeper, null)).ToList();
        activity.Hold(new HeldRecord(heldAt, 90, "会议记录", 0, attendance),
            Calendar.AddWorkingDays(ChinaCalendar.DateOf(heldAt), StudyActivity.RecordWorkingDays), recordedAt ?? heldAt.AddHours(2));
        return activity;
    }

    public static StudyActivity Planned(DirectoryUnit organiser, ActivityKind kind, DateTimeOffset start, IReadOnlyList<Guid>? pair = null,
        string topic = "学习贯彻党的二十届四中全会精神") =>
        StudyActivity.Schedule(kind, organiser, organiser.Kind == UnitKinds.PartyGroup ? organiser.ParentId : organiser.Id, topic, [], start,
            start.AddHours(2), "党员活动室",
            pair is null ? new ActivityAudience(AudienceKind.Unit, null, [], null) : new ActivityAudience(AudienceKind.Members, null, pair, null),
            [], null, "secretary", start.AddDays(-7));

    /// <summary>An organisational life meeting of <paramref name="branch"/> held yesterday, with one open rectification item.</summary>
    public static (StudyActivity Meeting, Rectification Item) HeldLifeMeetingWithItem(DirectoryUnit branch, DateTimeOffset now)
    {
        var meeting = Held(branch, ActivityKind.OrganisationalLifeMeeting, now.AddDays(-1), now, topic: "年度组织生活会");
        return (meeting, Rectification.For(meeting, "学用结合不够紧密", "张明", ChinaCalendar.DateOf(now).AddMonths(3), "secretary", now));
    }
}
