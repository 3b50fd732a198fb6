using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Security;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Features;

/// <summary>
/// Who may do what with discipline-education records. They are people's own: government systems are not admitted
/// (RequirePersonAccess everywhere). The office runs the programme (case library, question bank, campaigns, pledge
/// texts, reopening a quiz) and reads every branch's coverage; a branch's secretary and party-affairs officer hold
/// their branch's sessions and read its coverage; every member reads the library and campaigns, takes the quiz, makes
/// up and signs. A quiz's score and answers are the member's alone: keepers and the office see passed or not.
/// </summary>
public static class DisciplineAccess
{
    public const string ReadScope = "discipline.read";
    public const string WriteScope = "discipline.write";

    /// <summary>The committee's office runs the programme.</summary>
    public static readonly string[] Office = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Those who keep some branch's records: the office (any branch) and branch keepers (their own).</summary>
    public static readonly string[] Keepers = [.. PlatformRoles.BranchKeepers, .. Office];

    /// <summary>Everyone taking part (each then sees only their part).</summary>
    public static readonly string[] Participants = [PlatformRoles.Member, .. Keepers];

    public static bool IsOffice(this Caller caller) => caller.IsInAnyRole(Office);

    /// <summary>Whether the caller keeps <paramref name="branchId"/>'s records: the office any branch's, keepers their own.</summary>
    public static bool KeepsBranch(this Caller caller, Guid branchId) =>
        caller.IsOffice() || (caller.IsInAnyRole(PlatformRoles.BranchKeepers) && caller.BranchId == branchId);

    /// <summary>The branch a person belongs to on <paramref name="day"/>, from the rosters (null if none).</summary>
    public static Task<Guid?> BranchOnAsync(this IQueryable<UnitMember> members, Guid personId, DateOnly day, CancellationToken cancellationToken) =>
        members.On(day).Where(m => m.PersonId == personId && m.UnitKind == UnitKinds.Branch)
            .OrderByDescending(m => m.JoinedOn).Select(m => (Guid?)m.UnitId).FirstOrDefaultAsync(cancellationToken);
}
