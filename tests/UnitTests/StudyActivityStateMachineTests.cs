using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using Shouldly;
using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

public sealed class StudyActivityStateMachineTests
{
    private static readonly DirectoryUnit Branch = new(Guid.CreateVersion7(), UnitKinds.Branch, "第一党支部", null);
    private static readonly Guid Wang = Guid.CreateVersion7();

    private static StudyActivity PartyLesson(DateTimeOffset now) => StudyActivity.Schedule(
        ActivityKind.PartyLesson, Branch, Branch.Id, "学习贯彻全会精神", [new MaterialReference(null, "全会公报", null)],
        China(11, 20, 9), China(11, 20, 11), "三楼会议室", new ActivityAudience(AudienceKind.Unit, null, [], null), [], null, "secretary", now);

    private static HeldRecord Record(DateTimeOffset heldAt, AttendanceStatus status = AttendanceStatus.Present) =>
        new(heldAt, 120, "书记讲授党课。", 0, [new AttendanceEntry(Wang, "王芳", status, null, AttendanceSource.Keeper, null)]);

    private static IReadOnlyList<Contracts.IntegrationEvent> Raised(StudyActivity activity) => ((IEventSource)activity).RaisedEvents.Take();

    [Fact]
    public void A_planned_lesson_held_on_time_is_not_late_and_announces_who_attended()
    {
        var activity = PartyLesson(China(11, 1, 10));
        var filed = China(11, 25, 17); // Friday 20th → due Wednesday 25th, the third working day after

        activity.Hold(Record(China(11, 20, 9)), Calendar.AddWorkingDays(new DateOnly(2026, 11, 20), StudyActivity.RecordWorkingDays), filed);

        activity.State.ShouldBe(ActivityState.Held);
        activity.RecordedLate.ShouldBeFalse();
        activity.PresentIds.ShouldBe([Wang]);
        var held = Raised(activity).OfType<StudyActivityHeld>().ShouldHaveSingleItem();
        held.AttendeeIds.ShouldBe([Wang]);
        held.Kind.ShouldBe("partyLesson");
        held.State.ShouldBe("held");
        held.RecordedLate.ShouldBeFalse();
    }

    [Fact]
    public void A_record_filed_after_the_third_working_day_across_national_day_is_late()
    {
        // Held Wednesday 30 September; 1–7 October are holidays and Saturday 10 October a make-up workday: the third
        // working day after the meeting is that Saturday, so a filing on the fourth, Monday the 12th, is late.
        var held = China(9, 30, 15);
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), StudyActivity.RecordWorkingDays);
        due.ShouldBe(new DateOnly(2026, 10, 10));
        var onTime = PartyLesson(China(9, 1, 10));
        onTime.Hold(Record(held), due, China(10, 10, 17));
        var late = PartyLesson(China(9, 1, 10));
        late.Hold(Record(held), due, China(10, 12, 9));

        onTime.RecordedLate.ShouldBeFalse();
        late.RecordedLate.ShouldBeTrue();
    }

    [Fact]
    public void An_amendment_keeps_the_original_record_and_does_not_change_when_it_was_filed()
    {
        var activity = PartyLesson(China(11, 1, 10));
        activity.Hold(Record(China(11, 20, 9), AttendanceStatus.Absent), new DateOnly(2026, 11, 25), China(11, 21, 9));
        var filedAt = activity.RecordedAt;

        activity.Amend(Record(China(11, 20, 9)), "王芳实际到会，补正", "secretary 第一党支部书记", China(11, 28, 9));

        activity.Record!.Attendance.ShouldHaveSingleItem().Status.ShouldBe(AttendanceStatus.Present);
        var amendment = activity.Amendments.ShouldHaveSingleItem();
        amendment.Before.Attendance.ShouldHaveSingleItem().Status.ShouldBe(AttendanceStatus.Absent);
        amendment.Reason.ShouldBe("王芳实际到会，补正");
        activity.RecordedAt.ShouldBe(filedAt);
        activity.RecordedLate.ShouldBeFalse();
    }

    [Fact]
    public void Illegal_transitions_are_refused_with_the_state_named()
    {
        var cancelled = PartyLesson(China(11, 1, 10));
        cancelled.Cancel("与全市会议冲突", China(11, 2, 10));
        var held = PartyLesson(China(11, 1, 10));
        held.Hold(Record(China(11, 20, 9)), new DateOnly(2026, 11, 25), China(11, 21, 9));

        Should.Throw<RuleViolation>(() => cancelled.Hold(Record(China(11, 20, 9)), new DateOnly(2026, 11, 25), China(11, 21, 9))).Status.ShouldBe(409);
        Should.Throw<RuleViolation>(() => held.Cancel("补录", China(11, 22, 9))).Status.ShouldBe(409);
        Should.Throw<RuleViolation>(() => cancelled.Amend(Record(China(11, 20, 9)), "更正", "secretary", China(11, 22, 9))).Status.ShouldBe(409);
        var refusal = Should.Throw<RuleViolation>(() => held.Reschedule("x", [], China(12, 1, 9), China(12, 1, 10), "x",
            new ActivityAudience(AudienceKind.Unit, null, [], null), [], China(11, 22, 9)));
        refusal.Detail.Format(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).ShouldContain("已举行");
    }

    [Fact]
    public void A_record_of_a_meeting_not_yet_held_and_a_kind_the_organiser_does_not_hold_are_unprocessable()
    {
        var activity = PartyLesson(China(11, 1, 10));
        Should.Throw<RuleViolation>(() => activity.Hold(Record(China(11, 20, 9)), new DateOnly(2026, 11, 25), China(11, 19, 9))).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => StudyActivity.Schedule(ActivityKind.FirstAgendaItem, Branch, Branch.Id, "第一议题", [],
            China(11, 20, 9), China(11, 20, 10), "会议室", new ActivityAudience(AudienceKind.Unit, null, [], null), [], null, "office", China(11, 1, 9)))
            .Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => StudyActivity.Schedule(ActivityKind.HeartToHeartTalk, Branch, Branch.Id, "谈心谈话", [],
            China(11, 20, 9), China(11, 20, 10), "书记办公室", new ActivityAudience(AudienceKind.Members, null, [Wang], null), [], null, "secretary", China(11, 1, 9)))
            .Status.ShouldBe(422);
    }

    [Fact]
    public void Every_event_of_the_activity_carries_its_kind_organiser_and_state()
    {
        var activity = PartyLesson(China(11, 1, 10));
        activity.Cancel("改期", China(11, 2, 10));

        var events = Raised(activity);
        events.Select(e => e.GetType()).ShouldBe([typeof(StudyActivityScheduled), typeof(StudyActivityCancelled)]);
        events.Cast<StudyActivityEvent>().ShouldAllBe(e => e.ActivityId == activity.Id && e.OrganiserUnitId == Branch.Id && e.Kind == "partyLesson");
        ((StudyActivityEvent)events[1]).State.ShouldBe("cancelled");
    }
}
