using BrandPlatform.Platform.Security;

namespace BrandPlatform.Liaison.Features;

/// <summary>
/// Who may do what with liaison records. They are about people outside the organ, so government systems are not
/// admitted (RequirePersonAccess everywhere); enterprise contacts see only the engagement events, where they register
/// their own enterprise and read what came of it for them. The department's cadres (its
/// members and the liaison leaders) read organisations and contacts, phone numbers masked; the office registers and
/// revises them and hands contacts to cadres; a contact's responsible cadre keeps the contact's details, and only that
/// cadre and the office read the whole phone number, each read audited.
/// </summary>
public static class LiaisonAccess
{
    public const string ReadScope = "liaison.read";
    public const string WriteScope = "liaison.write";

    /// <summary>The office runs the department's contact work.</summary>
    public static readonly string[] Office = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Everyone in the department's contact work: its cadres (members), the liaison leaders and the office.</summary>
    public static readonly string[] Cadres = [PlatformRoles.Member, PlatformRoles.LiaisonLeader, .. Office];

    /// <summary>Who reads engagement events: the cadres, and enterprise contacts (each then sees its own registration and outcomes).</summary>
    public static readonly string[] EventReaders = [.. Cadres, PlatformRoles.EnterpriseContact];

    /// <summary>Who registers for engagement events: the office for anyone, an enterprise contact for its own enterprise.</summary>
    public static readonly string[] Registrars = [.. Office, PlatformRoles.EnterpriseContact];

    /// <summary>Who reads the task forces' work and board: the cadres and the task forces' handlers.</summary>
    public static readonly string[] TaskForceWorkers = [.. Cadres, PlatformRoles.TaskForceHandler];

    public static bool IsOffice(this Caller caller) => caller.IsInAnyRole(Office);
}
