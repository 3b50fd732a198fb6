namespace BrandPlatform.Identity.Domain;

/// <summary>The actions the identity service's audit names.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    /// <summary>An access token issued: grant type, client, subject and scopes.</summary>
    public const string TokenIssued = "token-issued";
    public const string UnitCreated = "unit-created";
    public const string UnitMoved = "unit-moved";
    public const string UnitDeactivated = "unit-deactivated";
    public const string PersonRegistered = "person-registered";
    public const string PersonJoinedUnit = "person-joined-unit";
    public const string PersonLeftUnit = "person-left-unit";
    public const string PersonRolesChanged = "person-roles-changed";
    public const string PersonDeactivated = "person-deactivated";
}
