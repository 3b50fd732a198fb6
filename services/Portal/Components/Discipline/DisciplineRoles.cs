using BrandPlatform.Platform.Security;
using BrandPlatform.Portal.Components.Study;

namespace BrandPlatform.Portal.Components.Discipline;

/// <summary>
/// The discipline API's roles (services/Discipline DisciplineAccess), as the screens' [Authorize] and the menu name them.
/// Its keepers and participants are study's organisers and readers: the same people.
/// </summary>
public static class DisciplineRoles
{
    /// <summary>Launch campaigns, reopen a member's quiz, read every branch's coverage.</summary>
    public const string Office = $"{PlatformRoles.OfficeStaff},{PlatformRoles.Administrator}";

    /// <summary>Read a campaign's coverage: the office (every branch) and a branch's keepers (their own).</summary>
    public const string Keepers = StudyRoles.Organisers;

    /// <summary>Take a campaign's quiz.</summary>
    public const string Participants = StudyRoles.Readers;
}
