using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features.UnitedFront;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features;

/// <summary>
/// Who may do what with study records. Study records are people's own: government systems are not admitted
/// (RequirePersonAccess everywhere). The office organises and reads everything but heart-to-heart talks; a branch's
/// secretary and party-affairs officer keep their branch and its party groups; members read what they are part of.
/// </summary>
public static class StudyAccess
{
    public const string ReadScope = "study.read";
    public const string WriteScope = "study.write";

    /// <summary>The committee's office plans and keeps the organ-wide activities (leadership team, central group, youth group, training).</summary>
    public static readonly string[] Office = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Those who plan and record activities: the office, and branch keepers for their own branch.</summary>
    public static readonly string[] Organisers = [.. PlatformRoles.BranchKeepers, .. Office];

    /// <summary>Everyone who reads study records of some kind (each then sees only their part).</summary>
    public static readonly string[] Readers = [PlatformRoles.Member, .. Organisers];

    public static bool IsOffice(this Caller caller) => caller.IsInAnyRole(Office);

    /// <summary>
    /// Whether the caller keeps the records of activities organised by <paramref name="organiser"/>: the office any
    /// unit's; a branch's keepers their branch's and its party groups'.
    /// </summary>
    public static bool MayOrganise(this Caller caller, DirectoryUnit organiser) =>
        caller.IsOffice()
        || (caller.IsInAnyRole(PlatformRoles.BranchKeepers) && caller.BranchId is { } branch
            && (organiser.Id == branch || (organiser.Kind == UnitKinds.PartyGroup && organiser.ParentId == branch)));

    /// <summary>Whether the caller keeps <paramref name="activity"/>'s record (sees its full attendance, may change it).</summary>
    public static bool Keeps(this Caller caller, StudyActivity activity) =>
        activity.Kind.IsPrivate()
            ? caller.IsInAnyRole(PlatformRoles.BranchKeepers) && caller.BranchId == activity.BranchId
            : caller.IsOffice() || (caller.IsInAnyRole(PlatformRoles.BranchKeepers) && caller.BranchId is { } branch && activity.BranchId == branch);

    /// <summary>
    /// Organisation scope as a query, one rule for single reads and lists: the office sees every activity but
    /// heart-to-heart talks; keepers their branch's; everyone the activities of units they belong to, those that name
    /// them, those they attended and the whole organ's. A heart-to-heart talk only its pair and the branch's keepers.
    /// </summary>
    public static IQueryable<StudyActivity> VisibleTo(this IQueryable<StudyActivity> activities, Caller caller)
    {
        var person = caller.UserId ?? Guid.Empty;
        var keptBranch = caller.IsInAnyRole(PlatformRoles.BranchKeepers) ? caller.BranchId : null;
        var units = caller.UnitIds.Append(caller.BranchId ?? Guid.Empty).Where(id => id != Guid.Empty).ToArray();
        var office = caller.IsOffice();
        return activities.Where(a =>
            (keptBranch != null && a.BranchId == keptBranch)
            || a.AudienceMemberIds.Contains(person)
            || a.PresentIds.Contains(person)
            || (a.Kind != ActivityKind.HeartToHeartTalk
                && (office || units.Contains(a.OrganiserUnitId) || a.AudienceKind == AudienceKind.WholeOrgan)));
    }

    /// <summary>The branch whose keepers keep an activity of <paramref name="organiser"/>: itself, or a party group's branch.</summary>
    public static Guid? BranchOf(DirectoryUnit organiser) => organiser.Kind switch
    {
        UnitKinds.Branch => organiser.Id,
        UnitKinds.PartyGroup => organiser.ParentId,
        _ => null,
    };

    /// <summary>
    /// The people an activity expects on <paramref name="day"/>, from the rosters: the audience unit's members, the
    /// named members, or every branch's members for the whole organ; for a united-front audience, liaison's contacts
    /// (they have no accounts, so they never check in: the keeper marks them).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ExpectedAsync(
        this StudyDbContext db, ActivityAudience audience, Guid organiserUnitId, DateOnly day, CancellationToken cancellationToken)
    {
        if (audience.Kind == AudienceKind.UnitedFront)
        {
            return await db.Expected(audience).ToDictionaryAsync(c => c.ContactId, c => c.Name, cancellationToken);
        }
        var rows = await db.Rostered(audience, organiserUnitId, day).Select(m => new { m.PersonId, m.DisplayName }).ToListAsync(cancellationToken);
        var names = rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.Select(r => r.DisplayName).FirstOrDefault(n => n != "") ?? "");
        if (audience.Kind == AudienceKind.Members)
        {
            // Named members are expected even when the rosters do not know them (yet): their names come from the marks.
            foreach (var person in audience.MemberIds.Where(id => !names.ContainsKey(id)))
            {
                names[person] = "";
            }
        }
        return names;
    }

    /// <summary>
    /// Whether <paramref name="person"/> is expected on <paramref name="day"/>, and the name the rosters know them by
    /// (null when not expected): one indexed look-up of the person's stints, never the whole audience.
    /// </summary>
    public static async Task<string?> ExpectedNameAsync(
        this StudyDbContext db, ActivityAudience audience, Guid organiserUnitId, Guid person, DateOnly day, CancellationToken cancellationToken)
    {
        var name = await db.Rostered(audience, organiserUnitId, day).Where(m => m.PersonId == person)
            .Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return name ?? (audience.Kind == AudienceKind.Members && audience.MemberIds.Contains(person) ? "" : null);
    }

    /// <summary>The roster stints an audience expects on <paramref name="day"/> (named members: any stint of theirs).</summary>
    private static IQueryable<UnitMember> Rostered(this StudyDbContext db, ActivityAudience audience, Guid organiserUnitId, DateOnly day)
    {
        var members = db.UnitMembers.AsNoTracking().On(day);
        return audience.Kind switch
        {
            AudienceKind.Unit => members.Where(m => m.UnitId == (audience.UnitId ?? organiserUnitId)),
            AudienceKind.WholeOrgan => members.Where(m => m.UnitKind == UnitKinds.Branch),
            AudienceKind.Members => db.UnitMembers.AsNoTracking().Where(m => audience.MemberIds.Contains(m.PersonId)),
            _ => members.Where(_ => false),
        };
    }
}
