using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Study.Domain;
using Shouldly;

using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>
/// 三会一课 cadence, quarter plans, record lateness (the real 2026 holiday calendar), yearly meetings, rectification
/// items, talks and 学习教育全覆盖 as the rules compute them, without a database. Periods are Asia/Shanghai's.
/// </summary>
public sealed class StudyComplianceRulesTests
{
    private static readonly StudyRulesOptions Rules = new();
    private static readonly Guid Committee = Guid.NewGuid();
    private static readonly DirectoryUnit Branch = new(Guid.NewGuid(), UnitKinds.Branch, "第一党支部", Committee);
    private static readonly DirectoryUnit OtherBranch = new(Guid.NewGuid(), UnitKinds.Branch, "第二党支部", Committee);
    private static readonly DirectoryUnit Group = new(Guid.NewGuid(), UnitKinds.PartyGroup, "第一党小组", Branch.Id);

    /// <summary>A held activity as the hold endpoint files it: due the 3rd working day after the China date it was held.</summary>
    internal static StudyActivity Held(ActivityKind kind, DateTimeOffset heldAt, DateTimeOffset? recordedAt = null, DirectoryUnit? organiser = null,
        IReadOnlyList<Guid>? present = null, IReadOnlyList<Guid>? pair = null, string topic = "学习贯彻全会精神")
    {
        organiser ??= Branch;
        var audience = pair is null ? new ActivityAudience(AudienceKind.Unit, null, [], null) : new ActivityAudience(AudienceKind.Members, null, pair, null);
        var activity = StudyActivity.Schedule(kind, organiser, organiser.Kind == UnitKinds.PartyGroup ? organiser.ParentId : organiser.Id, topic, [],
            heldAt, heldAt.AddHours(1), "党员活动室", audience, [], null, "secretary", heldAt.AddDays(-7));
        var attendance = (present ?? []).Select(p => new AttendanceEntry(p, "党员", AttendanceStatus.Present, null, AttendanceSource.Keeper, null)).ToList();
        var due = Calendar.AddWorkingDays(ChinaCalendar.DateOf(heldAt), StudyActivity.RecordWorkingDays);
        activity.Hold(new HeldRecord(heldAt, 60, "会议记录", 0, attendance), due, recordedAt ?? heldAt.AddHours(2));
        return activity;
    }

    private static BranchFacts Facts(IEnumerable<StudyActivity> held, QuarterPlan? plan = null, IReadOnlyList<Guid>? groups = null,
        IReadOnlyList<Rectification>? rectifications = null, IReadOnlyCollection<Guid>? members = null) =>
        new(Branch.Id, groups ?? [], [.. held.Select(HeldMeeting.Of)], plan, rectifications ?? [], members ?? []);

    private static QuarterPlan Plan(int year, int quarter, DateTimeOffset filedAt) =>
        QuarterPlan.File(Branch.Id, year, quarter, [new PlanItem(ActivityKind.BranchCommittee, quarter * 3 - 2, "研究部署本季度工作")], Rules.PlanDueDay, "secretary", filedAt);

    private static string Words(Finding finding) => finding.Text.Format(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"),
        new Dictionary<Guid, string> { [Branch.Id] = Branch.Name, [Group.Id] = Group.Name });

    /// <summary>The done-when, literally (the integration test asks the same of the endpoints).</summary>
    [Fact]
    public void A_branch_without_last_month_s_committee_meeting_is_non_compliant_and_a_plan_filed_on_the_6th_and_a_record_filed_4_working_days_late_are_flagged()
    {
        var today = new DateOnly(2026, 10, 13);
        var held = new[]
        {
            Held(ActivityKind.BranchCommittee, China(7, 8, 15)),
            Held(ActivityKind.BranchCommittee, China(8, 12, 15)),
            Held(ActivityKind.ThemedPartyDay, China(7, 1, 9)),
            Held(ActivityKind.ThemedPartyDay, China(8, 1, 9)),
            Held(ActivityKind.ThemedPartyDay, China(9, 1, 9)),
            Held(ActivityKind.BranchAssembly, China(8, 20, 15)),
            // Held on Wednesday 30 September; the record is filed on Monday 12 October: after the National Day holiday
            // (1–7 October) the working days are 8, 9, 10 (a Saturday made a workday) and 12 — the 4th, so it is late.
            Held(ActivityKind.PartyLesson, China(9, 30, 15), recordedAt: China(10, 12, 10), topic: "书记讲党课"),
        };

        var result = ComplianceRules.ForBranch(Facts(held, Plan(2026, 3, China(7, 6, 10))), 2026, 3, today, Rules);

        result.Compliant.ShouldBeFalse();
        var findings = result.Findings.Select(Words).ToList();
        findings.ShouldContain(f => f.StartsWith("2026年9月 支委会未召开"), string.Join("\n", findings));
        result.Plan!.Status.ShouldBe(PlanStatus.Late);
        findings.ShouldContain(f => f.StartsWith("2026年第3季度 季度计划逾期报送"));
        result.LateRecords.Single().Kind.ShouldBe(ActivityKind.PartyLesson);
        result.LateRecords.Single().RecordDue.ShouldBe(new DateOnly(2026, 10, 10));
        findings.ShouldContain(f => f.Contains("党课「书记讲党课」记录逾期录入"));
        result.Findings.Count.ShouldBe(3, string.Join("\n", findings));
    }

    [Fact]
    public void A_record_filed_on_the_3rd_working_day_after_the_holiday_is_on_time()
    {
        // Saturday 10 October 2026 is the make-up workday for National Day: the 3rd working day after 30 September.
        var onTime = Held(ActivityKind.BranchCommittee, China(9, 30, 15), recordedAt: China(10, 10, 23, 59));
        onTime.RecordDue.ShouldBe(new DateOnly(2026, 10, 10));
        onTime.RecordedLate.ShouldBeFalse();
        var late = Held(ActivityKind.BranchCommittee, China(9, 30, 15), recordedAt: China(10, 12, 0, 1));
        late.RecordedLate.ShouldBeTrue();
        ComplianceRules.LateRecords([HeldMeeting.Of(onTime), HeldMeeting.Of(late)], 2026, 3).ShouldHaveSingleItem().Id.ShouldBe(late.Id);
    }

    [Fact]
    public void A_meeting_held_at_1_am_on_1_October_China_time_counts_for_the_fourth_quarter_not_the_third()
    {
        var lesson = Held(ActivityKind.PartyLesson, new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero));
        var today = new DateOnly(2027, 1, 10);

        var third = ComplianceRules.ForBranch(Facts([lesson]), 2026, 3, today, Rules);
        var fourth = ComplianceRules.ForBranch(Facts([lesson]), 2026, 4, today, Rules);

        third.Requirements.Single(r => r.Kind == ActivityKind.PartyLesson).Status.ShouldBe(RequirementStatus.Missing);
        fourth.Requirements.Single(r => r.Kind == ActivityKind.PartyLesson).Status.ShouldBe(RequirementStatus.Met);
        fourth.Requirements.Single(r => r.Kind == ActivityKind.BranchCommittee && r.From.Month == 10).Status.ShouldBe(RequirementStatus.Missing);
    }

    [Fact]
    public void The_current_month_is_pending_and_only_ended_periods_yield_missing_meetings()
    {
        var result = ComplianceRules.ForBranch(Facts([Held(ActivityKind.BranchCommittee, China(10, 9, 15))], Plan(2026, 4, China(10, 5, 9)), [Group.Id]), 2026, 4,
            new DateOnly(2026, 11, 20), Rules);

        Status(result, ActivityKind.BranchCommittee, 10).ShouldBe(RequirementStatus.Met);
        Status(result, ActivityKind.BranchCommittee, 11).ShouldBe(RequirementStatus.Pending);
        Status(result, ActivityKind.BranchCommittee, 12).ShouldBe(RequirementStatus.Pending);
        Status(result, ActivityKind.GroupMeeting, 10).ShouldBe(RequirementStatus.Missing);
        Status(result, ActivityKind.ThemedPartyDay, 10).ShouldBe(RequirementStatus.Missing);
        result.Requirements.Where(r => r.Kind is ActivityKind.BranchAssembly or ActivityKind.PartyLesson or ActivityKind.OrganisationalLifeMeeting)
            .ShouldAllBe(r => r.Status == RequirementStatus.Pending);
        result.Findings.Select(Words).ShouldBe(["2026年10月 党小组会未召开（第一党小组）", "2026年10月 主题党日未召开（第一党支部）"], ignoreOrder: true);
    }

    [Fact]
    public void A_group_meeting_counts_for_its_own_party_group_and_a_branch_without_groups_has_no_group_requirement()
    {
        var result = ComplianceRules.ForBranch(Facts([Held(ActivityKind.GroupMeeting, China(10, 15, 15), organiser: Group)], groups: [Group.Id]),
            2026, 4, new DateOnly(2027, 1, 5), Rules);
        Status(result, ActivityKind.GroupMeeting, 10).ShouldBe(RequirementStatus.Met);
        Status(result, ActivityKind.GroupMeeting, 11).ShouldBe(RequirementStatus.Missing);

        ComplianceRules.ForBranch(Facts([]), 2026, 4, new DateOnly(2027, 1, 5), Rules).Requirements.ShouldNotContain(r => r.Kind == ActivityKind.GroupMeeting);
    }

    [Fact]
    public void A_plan_is_due_by_the_5th_of_the_quarter_s_first_month_China_date_and_missing_only_after_it()
    {
        Plan(2026, 4, new DateTimeOffset(2026, 10, 5, 15, 59, 0, TimeSpan.Zero)).FiledLate.ShouldBeFalse(); // 23:59 on the 5th in China
        Plan(2026, 4, new DateTimeOffset(2026, 10, 5, 16, 0, 0, TimeSpan.Zero)).FiledLate.ShouldBeTrue(); // 00:00 on the 6th
        ComplianceRules.CheckPlan(null, 2026, 4, new DateOnly(2026, 10, 5), Rules).Status.ShouldBe(PlanStatus.Pending);
        ComplianceRules.CheckPlan(null, 2026, 4, new DateOnly(2026, 10, 6), Rules).Status.ShouldBe(PlanStatus.Missing);
        ComplianceRules.CheckPlan(null, 2026, 4, new DateOnly(2026, 10, 6), new StudyRulesOptions { PlanDueDay = 10 }).Status.ShouldBe(PlanStatus.Pending);
    }

    [Fact]
    public void A_corrected_plan_keeps_when_it_was_filed_and_months_outside_the_quarter_or_other_units_meetings_are_refused()
    {
        var plan = Plan(2026, 4, China(10, 6, 9));
        plan.Correct([new PlanItem(ActivityKind.PartyLesson, 12, " 党课 ")], China(10, 20, 9));
        (plan.FiledAt, plan.FiledLate, plan.Version, plan.Items.Single().Topic).ShouldBe((China(10, 6, 9), true, 2, "党课"));

        Should.Throw<RuleViolation>(() => plan.Correct([new PlanItem(ActivityKind.BranchCommittee, 9, "九月")], China(10, 21, 9))).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => plan.Correct([new PlanItem(ActivityKind.FirstAgendaItem, 10, "第一议题")], China(10, 21, 9))).Status.ShouldBe(422);
    }

    [Fact]
    public void Rectification_items_belong_to_held_life_meetings_close_once_and_are_overdue_while_open_past_due()
    {
        var meeting = Held(ActivityKind.OrganisationalLifeMeeting, China(1, 20, 15));
        var item = Rectification.For(meeting, " 学用结合不紧 ", "张明", new DateOnly(2026, 3, 31), "secretary", China(1, 21, 9));
        (item.BranchId, item.Description, item.IsOverdue(new DateOnly(2026, 3, 31)), item.IsOverdue(new DateOnly(2026, 4, 1))).ShouldBe((Branch.Id, "学用结合不紧", false, true));

        var findings = ComplianceRules.ForBranch(Facts([meeting], rectifications: [item]), 2026, 2, new DateOnly(2026, 4, 1), Rules).Findings;
        findings.ShouldContain(f => f.Kind == FindingKind.RectificationOverdue && f.RectificationId == item.Id);

        item.Close("已完成", "secretary", China(4, 2, 9));
        item.IsOverdue(new DateOnly(2026, 4, 3)).ShouldBeFalse();
        Should.Throw<RuleViolation>(() => item.Close("再次", "secretary", China(4, 3, 9))).Status.ShouldBe(409);

        Should.Throw<RuleViolation>(() => Rectification.For(Held(ActivityKind.PartyLesson, China(3, 1, 9)), "x", "y", new DateOnly(2026, 5, 1), "s", China(3, 2, 9)))
            .Status.ShouldBe(422);
        var planned = StudyActivity.Schedule(ActivityKind.OrganisationalLifeMeeting, Branch, Branch.Id, "组织生活会", [], China(12, 20, 9), China(12, 20, 12),
            "会议室", new ActivityAudience(AudienceKind.Unit, null, [], null), [], null, "secretary", China(12, 1, 9));
        Should.Throw<RuleViolation>(() => Rectification.For(planned, "x", "y", new DateOnly(2027, 5, 1), "s", China(12, 2, 9))).Status.ShouldBe(409);
    }

    [Fact]
    public void The_yearly_organisational_life_meeting_is_missing_only_once_the_year_is_over()
    {
        ComplianceRules.ForBranch(Facts([]), 2026, 4, new DateOnly(2026, 12, 31), Rules).Requirements
            .Single(r => r.Kind == ActivityKind.OrganisationalLifeMeeting).Status.ShouldBe(RequirementStatus.Pending);
        var after = ComplianceRules.ForBranch(Facts([]), 2026, 4, new DateOnly(2027, 1, 1), Rules);
        after.Findings.Select(Words).ShouldContain("2026年 组织生活会未召开（第一党支部）");

        var team = Guid.NewGuid();
        var dlm = ComplianceRules.ForLeadershipTeam(team, [], [], 2026, 4, new DateOnly(2027, 1, 1));
        dlm.Compliant.ShouldBeFalse();
        dlm.Requirements.Single().Kind.ShouldBe(ActivityKind.DemocraticLifeMeeting);
    }

    [Fact]
    public void Talks_cover_the_members_named_in_held_talks_of_the_year()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var members = new[] { a, b, c }.Select((p, i) => UnitMember.FromJoin(p, Branch.Id, UnitKinds.Branch, $"党员{i}", new DateOnly(2024, 1, 1))).ToList();
        var talks = new[]
        {
            HeldMeeting.Of(Held(ActivityKind.HeartToHeartTalk, China(3, 3, 9), pair: [a, b])),
            HeldMeeting.Of(Held(ActivityKind.HeartToHeartTalk, China(12, 3, 9, year: 2025), pair: [c, b])),
        };

        CoverageRules.NotTalkedWith(members, talks, 2026).ShouldHaveSingleItem().PersonId.ShouldBe(c);
        var result = ComplianceRules.ForBranch(new BranchFacts(Branch.Id, [], talks, null, [], [a, b, c]), 2026, 4, new DateOnly(2027, 1, 2), Rules);
        result.Talks.ShouldBe(new TalkCoverage(3, 2));
        result.Findings.ShouldContain(f => f.Kind == FindingKind.TalksIncomplete);
    }

    [Fact]
    public void A_member_who_moves_branch_mid_quarter_is_counted_once_in_the_new_branch_and_attendance_before_the_move_counts()
    {
        var quarter = new ChinaPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        var (mover, stayer, absent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var oldStint = UnitMember.FromJoin(mover, Branch.Id, UnitKinds.Branch, "调动者", new DateOnly(2020, 1, 1));
        oldStint.Leave(new DateOnly(2026, 11, 15));
        var stints = new[]
        {
            oldStint,
            UnitMember.FromJoin(mover, OtherBranch.Id, UnitKinds.Branch, "调动者", new DateOnly(2026, 11, 15)),
            UnitMember.FromJoin(stayer, Branch.Id, UnitKinds.Branch, "留任者", new DateOnly(2020, 1, 1)),
            UnitMember.FromJoin(absent, Branch.Id, UnitKinds.Branch, "缺席者", new DateOnly(2020, 1, 1)),
            UnitMember.FromJoin(Guid.NewGuid(), Group.Id, UnitKinds.PartyGroup, "小组成员", new DateOnly(2020, 1, 1)),
        };
        var held = new[]
        {
            HeldMeeting.Of(Held(ActivityKind.PartyLesson, China(10, 20, 15), present: [mover, stayer])),
            // The committee's own meeting does not count for coverage, nor does a talk.
            HeldMeeting.Of(Held(ActivityKind.BranchCommittee, China(10, 21, 15), present: [absent])),
            HeldMeeting.Of(Held(ActivityKind.HeartToHeartTalk, China(10, 22, 15), present: [absent], pair: [absent, stayer])),
        };

        var coverage = CoverageRules.Coverage(quarter, stints, held).ToDictionary(c => c.BranchId);

        coverage[Branch.Id].ShouldBe(new BranchCoverage(Branch.Id, 2, 1, coverage[Branch.Id].NotCovered));
        coverage[Branch.Id].NotCovered.ShouldBe([new CoveredPerson(absent, "缺席者")]);
        (coverage[OtherBranch.Id].Members, coverage[OtherBranch.Id].Covered, coverage[OtherBranch.Id].NotCovered.Count).ShouldBe((1, 1, 0));
        coverage.Keys.ShouldNotContain(Group.Id);
    }

    private static RequirementStatus Status(UnitCompliance result, ActivityKind kind, int month) =>
        result.Requirements.Single(r => r.Kind == kind && r.From.Month == month && r.To.Month == month).Status;
}
