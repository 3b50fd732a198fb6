namespace BrandPlatform.Platform.Security;

/// <summary>The roles people hold (DOMAIN.md, "People and organisations"). Government systems hold none: scopes.</summary>
public static class PlatformRoles
{
    public const string Member = nameof(Member);
    public const string BranchSecretary = nameof(BranchSecretary);
    public const string PartyAffairsOfficer = nameof(PartyAffairsOfficer);
    public const string OfficeStaff = nameof(OfficeStaff);
    public const string TaskForceHandler = nameof(TaskForceHandler);
    public const string LiaisonLeader = nameof(LiaisonLeader);
    public const string EnterpriseContact = nameof(EnterpriseContact);
    public const string Operator = nameof(Operator);
    public const string Administrator = nameof(Administrator);

    public static readonly IReadOnlyList<string> All =
    [
        Member, BranchSecretary, PartyAffairsOfficer, OfficeStaff, TaskForceHandler, LiaisonLeader, EnterpriseContact,
        Operator, Administrator,
    ];

    /// <summary>Those who keep a branch's records: its secretary and party-affairs officer.</summary>
    public static readonly string[] BranchKeepers = [BranchSecretary, PartyAffairsOfficer];
}

/// <summary>Claims the identity service puts in access tokens beyond the standard ones.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string Role = "role";
    public const string Name = "name";
    /// <summary>The party branch a person currently belongs to.</summary>
    public const string Branch = "branch";
    /// <summary>Every other organisation unit a person currently belongs to (groups, task forces, departments).</summary>
    public const string Unit = "unit";
    /// <summary>An enterprise contact's enterprise, by unified social credit code.</summary>
    public const string Enterprise = "enterprise";
    public const string EnterpriseName = "enterprise_name";
}
