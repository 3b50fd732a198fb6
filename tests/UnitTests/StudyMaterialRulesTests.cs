using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Study.Domain;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>The materials library's own rules: tags, designation once, each unit's follow-up, notes not from the future.</summary>
public sealed class StudyMaterialRulesTests
{
    private static readonly DateTimeOffset Monday = ChinaCalendar.At(new DateOnly(2026, 12, 7), new TimeOnly(10, 0));
    private static readonly DirectoryUnit Leadership = new(Guid.NewGuid(), UnitKinds.LeadershipTeam, "部务会", null);
    private static readonly DirectoryUnit Branch = new(Guid.NewGuid(), UnitKinds.Branch, "第一党支部", null);
    private static readonly DirectoryUnit Group = new(Guid.NewGuid(), UnitKinds.PartyGroup, "第一党小组", Branch.Id);

    [Fact]
    public void Tags_are_folded_to_one_spelling_without_duplicates()
    {
        StudyMaterial.NormaliseTags(["＃最新重要讲话 ", "最新重要讲话", "  ", "#Ｆｉｒｓｔ  Topic", "first topic"])
            .ShouldBe(["最新重要讲话", "first topic"]);
    }

    [Fact]
    public void A_material_is_designated_once_with_both_deadlines_counted_from_its_China_date()
    {
        // 2026-12-07 23:30 UTC is already the 8th in China.
        var material = Material(designatedAt: new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero));
        material.FirstAgendaItemDue.ShouldBe(new DateOnly(2026, 12, 15));
        material.BranchFollowUpDue.ShouldBe(new DateOnly(2027, 1, 7));
        material.Version.ShouldBe(2);
        Should.Throw<RuleViolation>(() => material.Designate(7, 30, "office", Monday.AddDays(1))).Status.ShouldBe(409);
    }

    [Theory]
    [InlineData("2026-12-14", null, "2026-12-10", FollowUpStatus.Pending)]
    [InlineData("2026-12-14", null, "2026-12-14", FollowUpStatus.Pending)]
    [InlineData("2026-12-14", null, "2026-12-15", FollowUpStatus.Overdue)]
    [InlineData("2026-12-14", "2026-12-14", "2026-12-20", FollowUpStatus.Studied)]
    [InlineData("2026-12-14", "2026-12-15", "2026-12-20", FollowUpStatus.Late)]
    public void A_unit_s_status_follows_its_deadline(string due, string? studiedOn, string today, FollowUpStatus expected) =>
        MaterialFollowUp.StatusOn(DateOnly.Parse(due), studiedOn is null ? null : DateOnly.Parse(studiedOn), DateOnly.Parse(today)).ShouldBe(expected);

    [Fact]
    public void The_leadership_team_counts_only_its_first_agenda_item_and_a_branch_its_own_and_its_groups_studies_but_talks()
    {
        var at = Monday.AddDays(1);
        MaterialFollowUp.CountsFor(new HeldStudy(Guid.NewGuid(), ActivityKind.FirstAgendaItem, Leadership.Id, null, at), Leadership).ShouldBeTrue();
        MaterialFollowUp.CountsFor(new HeldStudy(Guid.NewGuid(), ActivityKind.DemocraticLifeMeeting, Leadership.Id, null, at), Leadership).ShouldBeFalse();
        MaterialFollowUp.CountsFor(new HeldStudy(Guid.NewGuid(), ActivityKind.BranchStudy, Branch.Id, Branch.Id, at), Leadership).ShouldBeFalse();
        MaterialFollowUp.CountsFor(new HeldStudy(Guid.NewGuid(), ActivityKind.GroupMeeting, Group.Id, Branch.Id, at), Branch).ShouldBeTrue();
        MaterialFollowUp.CountsFor(new HeldStudy(Guid.NewGuid(), ActivityKind.HeartToHeartTalk, Branch.Id, Branch.Id, at), Branch).ShouldBeFalse();
    }

    [Fact]
    public void The_first_study_after_the_designation_is_the_one_that_counts()
    {
        var material = Material(designatedAt: Monday);
        var before = new HeldStudy(Guid.NewGuid(), ActivityKind.BranchStudy, Branch.Id, Branch.Id, Monday.AddDays(-1));
        var first = new HeldStudy(Guid.NewGuid(), ActivityKind.GroupMeeting, Group.Id, Branch.Id, Monday.AddDays(40));
        var later = new HeldStudy(Guid.NewGuid(), ActivityKind.BranchStudy, Branch.Id, Branch.Id, Monday.AddDays(41));
        var line = MaterialFollowUp.LineOf(material, Branch, [later, before, first], ChinaCalendar.DateOf(Monday.AddDays(50)));
        line.ShouldBe(new FollowUpLine(Branch.Id, UnitKinds.Branch, new DateOnly(2027, 1, 6), FollowUpStatus.Late, first.ActivityId,
            ChinaCalendar.DateOf(first.HeldAt)));
    }

    [Fact]
    public void A_note_cannot_be_dated_after_today_in_China_and_announces_itself_without_minutes()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.Zero); // 01:00 on the 8th in China
        StudyNote.Record(Guid.NewGuid(), "王芳", null, "学习笔记", new DateOnly(2026, 12, 8), "心得", lateEvening).StudiedOn.ShouldBe(new DateOnly(2026, 12, 8));
        Should.Throw<RuleViolation>(() => StudyNote.Record(Guid.NewGuid(), "王芳", null, "学习笔记", new DateOnly(2026, 12, 9), "心得", lateEvening))
            .Status.ShouldBe(422);
    }

    private static StudyMaterial Material(DateTimeOffset designatedAt)
    {
        var material = StudyMaterial.Add("重要讲话", MaterialKind.Speech, "新华社", null, new DateOnly(2026, 12, 1), ["最新重要讲话"], "", "office", designatedAt.AddDays(-1));
        material.Designate(7, 30, "office", designatedAt);
        return material;
    }
}
