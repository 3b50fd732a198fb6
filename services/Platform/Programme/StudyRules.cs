using System.ComponentModel.DataAnnotations;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Platform.Programme;

/// <summary>
/// Study:Rules — the numbers of the cadence rules that the party's regulations may change. The study service checks its
/// branches with them and reporting counts the programme with them, so both read the same section.
/// </summary>
public sealed class StudyRulesOptions
{
    public const string Section = "Study:Rules";

    /// <summary>A quarter's plan is due by this calendar day of the quarter's first month (China date, inclusive).</summary>
    [Range(1, 31)]
    public int PlanDueDay { get; set; } = 5;
    [Range(0, 31)]
    public int BranchAssembliesPerQuarter { get; set; } = 1;
    [Range(0, 31)]
    public int PartyLessonsPerQuarter { get; set; } = 1;
    [Range(0, 31)]
    public int BranchCommitteesPerMonth { get; set; } = 1;
    [Range(0, 31)]
    public int GroupMeetingsPerMonth { get; set; } = 1;
    [Range(0, 31)]
    public int ThemedPartyDaysPerMonth { get; set; } = 1;

    /// <summary>第一议题: days the leadership meeting has to study a newly designated material.</summary>
    [Range(1, 365)]
    public int FirstAgendaItemDays { get; set; } = 7;

    /// <summary>Days every branch has to study a newly designated material.</summary>
    [Range(1, 365)]
    public int BranchFollowUpDays { get; set; } = 30;
}

/// <summary>The study activity kinds the programme's rules name, as their camelCase codes travel in study's events.</summary>
public static class StudyKindCodes
{
    public const string FirstAgendaItem = "firstAgendaItem";
    public const string BranchAssembly = "branchAssembly";
    public const string BranchCommittee = "branchCommittee";
    public const string GroupMeeting = "groupMeeting";
    public const string PartyLesson = "partyLesson";
    public const string ThemedPartyDay = "themedPartyDay";
    public const string OrganisationalLifeMeeting = "organisationalLifeMeeting";
    public const string HeartToHeartTalk = "heartToHeartTalk";

    /// <summary>A heart-to-heart talk's record is private to the pair and the branch's keepers: no figure counts it.</summary>
    public static bool IsPrivate(string kind) => kind == HeartToHeartTalk;
}

public enum RequirementStatus
{
    Met,
    /// <summary>Its period (or deadline) has not passed yet.</summary>
    Pending,
    Missing,
}

public enum CadenceSpan
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// One line of the cadence table: a branch (or, <see cref="PerPartyGroup"/>, each of its party groups) holds
/// <see cref="Required"/> meetings of <see cref="Kind"/> in every <see cref="Span"/>.
/// </summary>
public sealed record MeetingCadence(string Kind, CadenceSpan Span, int Required, bool PerPartyGroup)
{
    /// <summary>The calendar periods of this cadence that start within <paramref name="period"/>: each is counted once, in the period it starts in.</summary>
    public IEnumerable<ChinaPeriod> PeriodsStartingIn(ChinaPeriod period)
    {
        var start = Span switch
        {
            CadenceSpan.Month => new DateOnly(period.From.Year, period.From.Month, 1),
            CadenceSpan.Quarter => Periods.FirstDayOf(period.From.Year, Periods.QuarterOf(period.From)),
            _ => new DateOnly(period.From.Year, 1, 1),
        };
        for (var from = start; from <= period.To; from = from.AddMonths(Months))
        {
            if (from >= period.From)
            {
                yield return new ChinaPeriod(from, from.AddMonths(Months).AddDays(-1));
            }
        }
    }

    /// <summary>A meeting counts by the China date it was held on; only a period that has ended is missing what it lacks.</summary>
    public RequirementStatus StatusOf(int held, ChinaPeriod period, DateOnly today) =>
        held >= Required ? RequirementStatus.Met : today > period.To ? RequirementStatus.Missing : RequirementStatus.Pending;

    private int Months => Span switch { CadenceSpan.Month => 1, CadenceSpan.Quarter => 3, _ => 12 };
}

/// <summary>
/// 三会一课 and 主题党日 as a table (DOMAIN.md, "Meeting rules still to encode"), with the yearly 组织生活会: the study
/// service's compliance screens and reporting's figures count meetings against the same lines.
/// </summary>
public static class StudyCadence
{
    public static IReadOnlyList<MeetingCadence> Of(StudyRulesOptions rules) =>
    [
        new(StudyKindCodes.BranchAssembly, CadenceSpan.Quarter, rules.BranchAssembliesPerQuarter, PerPartyGroup: false),
        new(StudyKindCodes.PartyLesson, CadenceSpan.Quarter, rules.PartyLessonsPerQuarter, PerPartyGroup: false),
        new(StudyKindCodes.BranchCommittee, CadenceSpan.Month, rules.BranchCommitteesPerMonth, PerPartyGroup: false),
        new(StudyKindCodes.GroupMeeting, CadenceSpan.Month, rules.GroupMeetingsPerMonth, PerPartyGroup: true),
        new(StudyKindCodes.ThemedPartyDay, CadenceSpan.Month, rules.ThemedPartyDaysPerMonth, PerPartyGroup: false),
        new(StudyKindCodes.OrganisationalLifeMeeting, CadenceSpan.Year, 1, PerPartyGroup: false),
    ];

    /// <summary>Whether a held meeting's record is judged on time or late (every kind but the private talk).</summary>
    public static bool RecordCounts(string kind) => !StudyKindCodes.IsPrivate(kind);
}

/// <summary>Who was present at a held activity (person ids only: a figure counts people, it never lists them).</summary>
public sealed record HeldPresence(string Kind, DateOnly HeldOn, IReadOnlyCollection<Guid> PresentIds);

/// <summary>
/// 学习教育全覆盖 as code. A member is covered in a period when present at one held activity of a kind that counts,
/// wherever it was held; the denominator is everyone with a branch stint in the period, each counted once, in the branch
/// of their latest stint there (attendance before a move still counts).
/// </summary>
public static class StudyCoverage
{
    /// <summary>Every kind is study but the committee's own meeting and the private talk.</summary>
    public static bool CountsForCoverage(string kind) => kind is not (StudyKindCodes.HeartToHeartTalk or StudyKindCodes.BranchCommittee);

    /// <summary>The people present at a held activity of <paramref name="period"/> that counts.</summary>
    public static IReadOnlySet<Guid> Covered(ChinaPeriod period, IEnumerable<HeldPresence> held) =>
        held.Where(m => CountsForCoverage(m.Kind) && m.HeldOn >= period.From && m.HeldOn <= period.To).SelectMany(m => m.PresentIds).ToHashSet();

    /// <summary>Each branch's members in the period: one stint per person, the latest they had in a branch then.</summary>
    /// <param name="branchStints">Branch stints overlapping <paramref name="period"/> (UnitRosters.During).</param>
    public static IEnumerable<IGrouping<Guid, UnitMember>> MembersByBranch(ChinaPeriod period, IEnumerable<UnitMember> branchStints) =>
        branchStints
            .Where(s => s.UnitKind == UnitKinds.Branch && s.JoinedOn is { } joined && joined <= period.To && (s.LeftOn is null || s.LeftOn > period.From))
            .GroupBy(s => s.PersonId)
            .Select(g => g.OrderByDescending(s => s.JoinedOn).ThenBy(s => s.LeftOn is null ? 0 : 1).First())
            .GroupBy(s => s.UnitId);
}

/// <summary>Where a unit stands with a designated material.</summary>
public enum FollowUpStatus
{
    /// <summary>Studied on or before the deadline.</summary>
    Studied,
    /// <summary>Studied, but after the deadline.</summary>
    Late,
    /// <summary>Not studied yet; the deadline has not passed.</summary>
    Pending,
    /// <summary>Not studied and the deadline has passed.</summary>
    Overdue,
}

/// <summary>
/// Who has studied a designated material (第一议题 and 学习跟进): the leadership team as 第一议题 by its deadline, each
/// active branch (itself or one of its party groups, in any activity but a private talk) by its own. The first activity
/// held after the designation counts; a later one does not turn a late study into an on-time one.
/// </summary>
public static class FirstAgenda
{
    public static FollowUpStatus StatusOn(DateOnly due, DateOnly? studiedOn, DateOnly today) => studiedOn switch
    {
        { } day when day <= due => FollowUpStatus.Studied,
        not null => FollowUpStatus.Late,
        null when today > due => FollowUpStatus.Overdue,
        _ => FollowUpStatus.Pending,
    };

    /// <summary>The units that follow a designated material up: leadership teams and branches.</summary>
    public static bool Follows(string unitKind) => unitKind is UnitKinds.LeadershipTeam or UnitKinds.Branch;

    /// <summary>Whether an activity of <paramref name="kind"/> held by <paramref name="organiserUnitId"/> (in branch <paramref name="branchId"/>) is the unit's study of the material.</summary>
    public static bool CountsFor(string kind, Guid organiserUnitId, Guid? branchId, Guid unitId, string unitKind) => unitKind switch
    {
        UnitKinds.LeadershipTeam => kind == StudyKindCodes.FirstAgendaItem && organiserUnitId == unitId,
        UnitKinds.Branch => !StudyKindCodes.IsPrivate(kind) && (organiserUnitId == unitId || branchId == unitId),
        _ => false,
    };
}
