using BrandPlatform.Platform.Security;

namespace BrandPlatform.Community.Features;

/// <summary>
/// Who may do what with community work and publicity. The records are about the organ's own members (where they live,
/// what they did), so government systems are not admitted (RequirePersonAccess everywhere) — except 同心网's public
/// news and feeds, which anyone reads without signing in. Members register themselves and record their services; a
/// branch's keepers (secretary, party-affairs officer) keep their branch's pairings, registrations, services and drafts;
/// the office keeps communities, themes, practical matters and reviews publicity.
/// </summary>
public static class CommunityAccess
{
    public const string ReadScope = "community.read";
    public const string WriteScope = "community.write";

    public static readonly string[] Read = [ReadScope];
    public static readonly string[] Write = [WriteScope];

    public static readonly string[] Office = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Those who keep branches' community work: the branch keepers and the office.</summary>
    public static readonly string[] Keepers = [.. PlatformRoles.BranchKeepers, .. Office];

    /// <summary>Everyone in the organ's community work: members, the branch keepers and the office.</summary>
    public static readonly string[] Everyone = [PlatformRoles.Member, .. Keepers];

    public static bool IsOffice(this Caller caller) => caller.IsInAnyRole(Office);

    /// <summary>
    /// Which branch's records a caller reads: the office all (null), a keeper or member their own branch; a caller with
    /// no branch reads none (an empty id matches nothing).
    /// </summary>
    public static Guid? BranchScope(this Caller caller) => caller.IsOffice() ? null : caller.BranchId ?? Guid.Empty;
}
