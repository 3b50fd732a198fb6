using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Programme;

namespace BrandPlatform.Study.Domain;

/// <summary>A held activity that studied the material (its library id among the activity's materials).</summary>
public sealed record HeldStudy(Guid ActivityId, ActivityKind Kind, Guid OrganiserUnitId, Guid? BranchId, DateTimeOffset HeldAt);

/// <summary>One unit's line: its deadline, its status and the activity that studied the material first (if any).</summary>
public sealed record FollowUpLine(Guid UnitId, string UnitKind, DateOnly Due, FollowUpStatus Status, Guid? ActivityId, DateOnly? StudiedOn);

/// <summary>
/// Who has studied a designated material (学习跟进), by <see cref="FirstAgenda"/>'s rules (shared with reporting), with
/// the study service's own units and activities.
/// </summary>
public static class MaterialFollowUp
{
    public static FollowUpStatus StatusOn(DateOnly due, DateOnly? studiedOn, DateOnly today) => FirstAgenda.StatusOn(due, studiedOn, today);

    /// <summary>The units that follow a designated material up: leadership teams and branches.</summary>
    public static bool Follows(DirectoryUnit unit) => FirstAgenda.Follows(unit.Kind);

    /// <summary>Whether <paramref name="study"/> is <paramref name="unit"/>'s study of the material.</summary>
    public static bool CountsFor(HeldStudy study, DirectoryUnit unit) =>
        FirstAgenda.CountsFor(study.Kind.ToCode(), study.OrganiserUnitId, study.BranchId, unit.Id, unit.Kind);

    public static FollowUpLine LineOf(StudyMaterial material, DirectoryUnit unit, IEnumerable<HeldStudy> held, DateOnly today)
    {
        var designatedAt = material.DesignatedAt ?? throw new InvalidOperationException("Only a designated material is followed up.");
        var due = (unit.Kind == UnitKinds.LeadershipTeam ? material.FirstAgendaItemDue : material.BranchFollowUpDue)!.Value;
        var first = held.Where(h => h.HeldAt >= designatedAt && CountsFor(h, unit)).MinBy(h => h.HeldAt);
        var studiedOn = first is null ? (DateOnly?)null : ChinaCalendar.DateOf(first.HeldAt);
        return new FollowUpLine(unit.Id, unit.Kind, due, StatusOn(due, studiedOn, today), first?.ActivityId, studiedOn);
    }
}
