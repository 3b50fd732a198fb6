using BrandPlatform.Platform.Security;

namespace BrandPlatform.Portal.Components.Reports;

/// <summary>Who reporting's figures and exports are for (ReportingAccess.Readers): the office, liaison leaders, administrators.</summary>
public static class ReportRoles
{
    public const string Readers = PlatformRoles.OfficeStaff + "," + PlatformRoles.LiaisonLeader + "," + PlatformRoles.Administrator;

    public static readonly string[] ReaderList = Readers.Split(',');
}
