using BrandPlatform.Platform.Security;

namespace BrandPlatform.Portal.Components.Supervision;

/// <summary>
/// Who the supervision API (/api/supervision) lets read its lists: everyone who may own a task, keep a branch's brand
/// or handle a document; the API itself narrows each list to what is theirs (the office and leaders see all).
/// </summary>
public static class SupervisionRoles
{
    public const string Participants =
        PlatformRoles.OfficeStaff + "," + PlatformRoles.Administrator + "," + PlatformRoles.LiaisonLeader + "," + PlatformRoles.BranchSecretary + ","
        + PlatformRoles.PartyAffairsOfficer + "," + PlatformRoles.Member + "," + PlatformRoles.TaskForceHandler;

    public static readonly string[] ParticipantList = Participants.Split(',');

    /// <summary>Who the API lets put tasks on the list, register brands and documents and file 错情: the office.</summary>
    public const string Office = PlatformRoles.OfficeStaff + "," + PlatformRoles.Administrator;
}
