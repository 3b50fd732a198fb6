using BrandPlatform.Platform.Security;

namespace BrandPlatform.Portal.Components.Study;

/// <summary>The study API's roles (services/Study StudyAccess), as the screens' [Authorize] and the menu name them.</summary>
public static class StudyRoles
{
    /// <summary>Plan and record activities, read compliance and coverage: branch keepers, the office.</summary>
    public const string Organisers = $"{PlatformRoles.BranchSecretary},{PlatformRoles.PartyAffairsOfficer},{PlatformRoles.OfficeStaff},{PlatformRoles.Administrator}";

    /// <summary>Read the activities one is part of, check in; the discipline API's participants are the same people.</summary>
    public const string Readers = $"{PlatformRoles.Member},{Organisers}";

    public static string[] Split(string roles) => roles.Split(',');
}
