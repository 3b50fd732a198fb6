using System.Globalization;
using System.Linq.Expressions;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>What the rules need of a held activity (a query projection: no minutes, no attendance sheet).</summary>
public sealed record HeldMeeting(
    Guid Id, ActivityKind Kind, Guid OrganiserUnitId, Guid? BranchId, string Topic, DateTimeOffset HeldAt,
    DateTimeOffset? RecordedAt, DateOnly? RecordDue, bool RecordedLate, Guid[] PresentIds, Guid[] AudienceMemberIds)
{
    public DateOnly HeldOn => ChinaCalendar.DateOf(HeldAt);

    public static readonly Expression<Func<StudyActivity, HeldMeeting>> Projection = a => new HeldMeeting(
        a.Id, a.Kind, a.OrganiserUnitId, a.BranchId, a.Topic, a.HeldAt!.Value, a.RecordedAt, a.RecordDue, a.RecordedLate, a.PresentIds, a.AudienceMemberIds);

    private static readonly Func<StudyActivity, HeldMeeting> Project = Projection.Compile();

    public static HeldMeeting Of(StudyActivity activity) => Project(activity);
}

public enum PlanStatus
{
    OnTime,
    Late,
    /// <summary>Not filed, and the due day has not passed.</summary>
    Pending,
    Missing,
}

public enum FindingKind
{
    MissingMeeting,
    PlanMissing,
    PlanLate,
    RecordLate,
    RectificationOverdue,
    TalksIncomplete,
}

/// <summary>A meeting a unit must hold in a period (a month, a quarter, a year), and how many it held.</summary>
public sealed record Requirement(ActivityKind Kind, Guid UnitId, DateOnly From, DateOnly To, int Required, int Held, RequirementStatus Status);

/// <summary>Something missing or late, in words that name it (the meeting, the month).</summary>
public sealed record Finding(FindingKind Kind, LocalText Text, Guid? ActivityId = null, Guid? RectificationId = null);

public sealed record PlanCheck(PlanStatus Status, DateOnly DueOn, DateTimeOffset? FiledAt);

/// <summary>How many current members someone has talked with this year: a figure, never the names (those are the keepers').</summary>
public sealed record TalkCoverage(int Members, int TalkedWith);

/// <summary>A unit's standing for a quarter: each requirement, the plan, late records, overdue rectifications, talks.</summary>
public sealed record UnitCompliance(
    Guid UnitId, int Year, int Quarter, IReadOnlyList<Requirement> Requirements, PlanCheck? Plan, IReadOnlyList<HeldMeeting> LateRecords,
    IReadOnlyList<Rectification> OverdueRectifications, TalkCoverage? Talks, IReadOnlyList<Finding> Findings)
{
    public bool Compliant => Findings.Count == 0;
}

/// <summary>What the rules know of a branch: its party groups, what it held in the year, its plan, its open items, talks.</summary>
public sealed record BranchFacts(
    Guid BranchId, IReadOnlyList<Guid> PartyGroups, IReadOnlyList<HeldMeeting> Held, QuarterPlan? Plan,
    IReadOnlyList<Rectification> Rectifications, IReadOnlyCollection<Guid> CurrentMembers);

/// <summary>
/// 三会一课 and the meeting rules as code (DOMAIN.md, "Meeting rules still to encode"): pure functions of what was held,
/// filed and decided, the day it is and the period asked for. A meeting counts by the China date it was held on;
/// only a period that has ended (or a deadline that has passed) yields a "missing" finding, the rest is pending.
/// </summary>
public static class ComplianceRules
{
    public static UnitCompliance ForBranch(BranchFacts facts, int year, int quarter, DateOnly today, StudyRulesOptions rules)
    {
        var yearPeriod = new ChinaPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // The quarter's meetings, then each month's in the table's order, then the year's: as the branch's screen lists them.
        var requirements = StudyCadence.Of(rules)
            .SelectMany(c => c.PeriodsStartingIn(c.Span == CadenceSpan.Year ? yearPeriod : Periods.Quarter(year, quarter)).Select(period => (cadence: c, period)))
            .OrderBy(r => r.cadence.Span switch { CadenceSpan.Quarter => 0, CadenceSpan.Month => 1, _ => 2 }).ThenBy(r => r.period.From)
            .SelectMany(r => (r.cadence.PerPartyGroup ? facts.PartyGroups : [facts.BranchId]).Select(unit => Count(facts.Held, r.cadence, unit, r.period, today)))
            .ToList();

        var plan = CheckPlan(facts.Plan, year, quarter, today, rules);
        var late = LateRecords(facts.Held, year, quarter);
        var overdue = facts.Rectifications.Where(r => r.IsOverdue(today)).OrderBy(r => r.DueOn).ToList();
        var talked = facts.Held.Where(m => m.Kind == ActivityKind.HeartToHeartTalk && m.HeldOn.Year == year)
            .SelectMany(m => m.AudienceMemberIds).ToHashSet();
        var talks = new TalkCoverage(facts.CurrentMembers.Count, facts.CurrentMembers.Count(talked.Contains));

        var findings = requirements.Where(r => r.Status == RequirementStatus.Missing).Select(Missing).ToList();
        if (plan.Status is PlanStatus.Missing or PlanStatus.Late)
        {
            findings.Add(plan.Status == PlanStatus.Missing
                ? new Finding(FindingKind.PlanMissing, Text(nameof(StudyTexts.FindingPlanMissing), year, quarter, Day(plan.DueOn)))
                : new Finding(FindingKind.PlanLate, Text(nameof(StudyTexts.FindingPlanLate), year, quarter, Day(ChinaCalendar.DateOf(plan.FiledAt!.Value)), Day(plan.DueOn))));
        }
        findings.AddRange(late.Select(LateFinding));
        findings.AddRange(overdue.Select(OverdueFinding));
        if (today.Year > year && talks.TalkedWith < talks.Members)
        {
            findings.Add(new Finding(FindingKind.TalksIncomplete, Text(nameof(StudyTexts.FindingTalksIncomplete), year, talks.Members - talks.TalkedWith)));
        }
        return new UnitCompliance(facts.BranchId, year, quarter, requirements, plan, late, overdue, talks, findings);
    }

    /// <summary>The leadership team (部务会): its yearly democratic life meeting and that meeting's rectification items.</summary>
    public static UnitCompliance ForLeadershipTeam(
        Guid teamId, IReadOnlyList<HeldMeeting> held, IReadOnlyList<Rectification> rectifications, int year, int quarter, DateOnly today)
    {
        var meeting = Count(held, new MeetingCadence(ActivityKind.DemocraticLifeMeeting.ToCode(), CadenceSpan.Year, 1, PerPartyGroup: false), teamId,
            new ChinaPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), today);
        var overdue = rectifications.Where(r => r.IsOverdue(today)).OrderBy(r => r.DueOn).ToList();
        var findings = new[] { meeting }.Where(r => r.Status == RequirementStatus.Missing).Select(Missing).Concat(overdue.Select(OverdueFinding)).ToList();
        return new UnitCompliance(teamId, year, quarter, [meeting], null, [], overdue, null, findings);
    }

    public static PlanCheck CheckPlan(QuarterPlan? plan, int year, int quarter, DateOnly today, StudyRulesOptions rules)
    {
        var due = Periods.PlanDueOn(year, quarter, rules.PlanDueDay);
        return plan switch
        {
            { FiledLate: true } => new PlanCheck(PlanStatus.Late, plan.DueOn, plan.FiledAt),
            not null => new PlanCheck(PlanStatus.OnTime, plan.DueOn, plan.FiledAt),
            null when today > due => new PlanCheck(PlanStatus.Missing, due, null),
            null => new PlanCheck(PlanStatus.Pending, due, null),
        };
    }

    /// <summary>Records of the quarter's meetings filed after their due day. Heart-to-heart talks are left out: private.</summary>
    public static IReadOnlyList<HeldMeeting> LateRecords(IEnumerable<HeldMeeting> held, int year, int quarter) =>
        [.. held.Where(m => m.RecordedLate && StudyCadence.RecordCounts(m.Kind.ToCode()) && m.HeldOn.Year == year && Periods.QuarterOf(m.HeldOn) == quarter)
            .OrderBy(m => m.HeldAt)];

    private static Requirement Count(IEnumerable<HeldMeeting> held, MeetingCadence cadence, Guid unit, ChinaPeriod period, DateOnly today)
    {
        var kind = ActivityKinds.FromCode(cadence.Kind);
        var count = held.Count(m => m.Kind == kind && m.OrganiserUnitId == unit && m.HeldOn >= period.From && m.HeldOn <= period.To);
        return new Requirement(kind, unit, period.From, period.To, cadence.Required, count, cadence.StatusOf(count, period, today));
    }

    private static Finding Missing(Requirement requirement)
    {
        var (from, to) = (requirement.From, requirement.To);
        var unit = new UnitReference(requirement.UnitId);
        var text = (to.DayNumber - from.DayNumber) switch
        {
            < 31 => Text(nameof(StudyTexts.FindingMissingMonthly), from.Year, from.Month, requirement.Kind, unit),
            < 100 => Text(nameof(StudyTexts.FindingMissingQuarterly), from.Year, Periods.QuarterOf(from), requirement.Kind, unit),
            _ => Text(nameof(StudyTexts.FindingMissingYearly), from.Year, requirement.Kind, unit),
        };
        return new Finding(FindingKind.MissingMeeting, text);
    }

    private static Finding LateFinding(HeldMeeting meeting) => new(FindingKind.RecordLate,
        Text(nameof(StudyTexts.FindingRecordLate), Day(meeting.HeldOn), meeting.Kind, meeting.Topic,
            Day(ChinaCalendar.DateOf(meeting.RecordedAt!.Value)), Day(meeting.RecordDue!.Value)), ActivityId: meeting.Id);

    private static Finding OverdueFinding(Rectification item) => new(FindingKind.RectificationOverdue,
        Text(nameof(StudyTexts.FindingRectificationOverdue), item.Description, Day(item.DueOn), item.OwnerName), item.ActivityId, item.Id);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
