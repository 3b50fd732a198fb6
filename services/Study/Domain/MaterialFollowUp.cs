using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Study.Domain;

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

/// <summary>A held activity that studied the material (its library id among the activity's materials).</summary>
public sealed record HeldStudy(Guid ActivityId, ActivityKind Kind, Guid OrganiserUnitId, Guid? BranchId, DateTimeOffset HeldAt);

/// <summary>One unit's line: its deadline, its status and the activity that studied the material first (if any).</summary>
public sealed record FollowUpLine(Guid UnitId, string UnitKind, DateOnly Due, FollowUpStatus Status, Guid? ActivityId, DateOnly? StudiedOn);

/// <summary>
/// Who has studied a designated material (学习跟进): the leadership team as 第一议题 by its deadline, each active branch
/// (itself or one of its party groups, in any activity but a private talk) by its own. The first activity held after
/// the designation counts; a later one does not turn a late study into an on-time one.
/// </summary>
public static class MaterialFollowUp
{
    public static FollowUpStatus StatusOn(DateOnly due, DateOnly? studiedOn, DateOnly today) => studiedOn switch
    {
        { } day when day <= due => FollowUpStatus.Studied,
        not null => FollowUpStatus.Late,
        null when today > due => FollowUpStatus.Overdue,
        _ => FollowUpStatus.Pending,
    };

    /// <summary>The units that follow a designated material up: leadership teams and branches.</summary>
    public static bool Follows(DirectoryUnit unit) => unit.Kind is UnitKinds.LeadershipTeam or UnitKinds.Branch;

    /// <summary>Whether <paramref name="study"/> is <paramref name="unit"/>'s study of the material.</summary>
    public static bool CountsFor(HeldStudy study, DirectoryUnit unit) => unit.Kind switch
    {
        UnitKinds.LeadershipTeam => study.Kind == ActivityKind.FirstAgendaItem && study.OrganiserUnitId == unit.Id,
        UnitKinds.Branch => !study.Kind.IsPrivate() && (study.OrganiserUnitId == unit.Id || study.BranchId == unit.Id),
        _ => false,
    };

    public static FollowUpLine LineOf(StudyMaterial material, DirectoryUnit unit, IEnumerable<HeldStudy> held, DateOnly today)
    {
        var designatedAt = material.DesignatedAt ?? throw new InvalidOperationException("Only a designated material is followed up.");
        var due = (unit.Kind == UnitKinds.LeadershipTeam ? material.FirstAgendaItemDue : material.BranchFollowUpDue)!.Value;
        var first = held.Where(h => h.HeldAt >= designatedAt && CountsFor(h, unit)).MinBy(h => h.HeldAt);
        var studiedOn = first is null ? (DateOnly?)null : ChinaCalendar.DateOf(first.HeldAt);
        return new FollowUpLine(unit.Id, unit.Kind, due, StatusOn(due, studiedOn, today), first?.ActivityId, studiedOn);
    }
}
