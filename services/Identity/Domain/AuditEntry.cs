namespace BrandPlatform.Identity.Domain;

/// <summary>
/// One line of the security audit: a sign-in attempt or an administrator's change. Written in the same transaction as
/// the change it describes, never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Action { get; private set; } = "";
    public bool Succeeded { get; private set; }
    /// <summary>Who acted: a person's id, a client id, or the user name someone tried to sign in with.</summary>
    public string Actor { get; private set; } = "";
    public string? Target { get; private set; }
    public string? Detail { get; private set; }
    public string? IpAddress { get; private set; }
    public string? CorrelationId { get; private set; }

    public static AuditEntry Record(
        string action, bool succeeded, string actor, string? target, string? detail, string? ipAddress, string? correlationId,
        DateTimeOffset now) => new()
    {
        OccurredAt = now,
        Action = action,
        Succeeded = succeeded,
        Actor = actor,
        Target = target,
        Detail = detail,
        IpAddress = ipAddress,
        CorrelationId = correlationId,
    };
}

/// <summary>The actions the audit names.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string UnitCreated = "unit-created";
    public const string UnitMoved = "unit-moved";
    public const string UnitDeactivated = "unit-deactivated";
    public const string PersonRegistered = "person-registered";
    public const string PersonJoinedUnit = "person-joined-unit";
    public const string PersonLeftUnit = "person-left-unit";
    public const string PersonRolesChanged = "person-roles-changed";
    public const string PersonDeactivated = "person-deactivated";
}
