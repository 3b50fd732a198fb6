using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;

namespace BrandPlatform.Study.Domain;

/// <summary>The kinds of study activity in the brand plan (DOMAIN.md, study; seed 二(一), 二(四)1).</summary>
public enum ActivityKind
{
    /// <summary>第一议题: the leadership meeting (部务会) studies the latest designated speech first.</summary>
    FirstAgendaItem,
    /// <summary>党委中心组学习</summary>
    CentralGroupStudy,
    /// <summary>支部集中学习</summary>
    BranchStudy,
    /// <summary>三会一课: 支部党员大会 (quarterly).</summary>
    BranchAssembly,
    /// <summary>三会一课: 支委会 (monthly).</summary>
    BranchCommittee,
    /// <summary>三会一课: 党小组会 (monthly, per party group).</summary>
    GroupMeeting,
    /// <summary>三会一课: 党课 (quarterly).</summary>
    PartyLesson,
    /// <summary>主题党日 (monthly).</summary>
    ThemedPartyDay,
    /// <summary>青年理论学习小组交流</summary>
    YouthGroupExchange,
    /// <summary>教育基地实践学</summary>
    EducationBaseVisit,
    /// <summary>专题培训, e.g. a session of the 履职能力提升专题培训 series.</summary>
    Training,
    /// <summary>主题教育 for united-front audiences (民主党派, 民营经济人士, 新的社会阶层人士).</summary>
    ThematicEducation,
    /// <summary>领导班子民主生活会 (yearly, the leadership team), with rectification items.</summary>
    DemocraticLifeMeeting,
    /// <summary>支部组织生活会 (yearly, each branch), with rectification items.</summary>
    OrganisationalLifeMeeting,
    /// <summary>谈心谈话: a pair; private to the pair and the branch's keepers.</summary>
    HeartToHeartTalk,
}

public enum ActivityState
{
    Planned,
    Held,
    Cancelled,
}

public static class ActivityKinds
{
    private static readonly string[] Anyone = [UnitKinds.OrganCommittee, UnitKinds.Branch, UnitKinds.PartyGroup, UnitKinds.LeadershipTeam,
        UnitKinds.CentralStudyGroup, UnitKinds.YouthStudyGroup, UnitKinds.Department, UnitKinds.TaskForce];

    /// <summary>The kinds of unit that may organise an activity of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> OrganisedBy(this ActivityKind kind) => kind switch
    {
        ActivityKind.FirstAgendaItem or ActivityKind.DemocraticLifeMeeting => [UnitKinds.LeadershipTeam],
        ActivityKind.CentralGroupStudy => [UnitKinds.CentralStudyGroup],
        ActivityKind.BranchStudy or ActivityKind.BranchAssembly or ActivityKind.BranchCommittee or ActivityKind.PartyLesson
            or ActivityKind.ThemedPartyDay or ActivityKind.OrganisationalLifeMeeting or ActivityKind.HeartToHeartTalk => [UnitKinds.Branch],
        ActivityKind.GroupMeeting => [UnitKinds.PartyGroup],
        ActivityKind.YouthGroupExchange => [UnitKinds.YouthStudyGroup],
        ActivityKind.EducationBaseVisit or ActivityKind.Training or ActivityKind.ThematicEducation => Anyone,
        _ => [],
    };

    /// <summary>The kind a camelCase code names (the codes of <see cref="Platform.Programme.StudyKindCodes"/> and the events).</summary>
    public static ActivityKind FromCode(string code) => Enum.Parse<ActivityKind>(code, ignoreCase: true);

    /// <summary>三会一课: the four meetings whose cadence each branch keeps.</summary>
    public static bool IsThreeMeetingsOneLesson(this ActivityKind kind) =>
        kind is ActivityKind.BranchAssembly or ActivityKind.BranchCommittee or ActivityKind.GroupMeeting or ActivityKind.PartyLesson;

    /// <summary>Activities whose record is private to the people in it and the branch's keepers.</summary>
    public static bool IsPrivate(this ActivityKind kind) => StudyKindCodes.IsPrivate(kind.ToCode());
}
