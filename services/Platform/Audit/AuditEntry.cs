namespace BrandPlatform.Platform.Audit;

/// <summary>
/// One line of a service's audit: who did what to which record, when and from where. Written in the same transaction as
/// the change it describes (<see cref="AuditTrail"/>), never updated or deleted.
/// </summary>
public sealed class AuditEntry
{
    public const int DetailMaxLength = 1000;

    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Action { get; private set; } = "";
    public bool Succeeded { get; private set; }
    /// <summary>Who acted: a person's id and name, a client id, or the user name someone tried to sign in with.</summary>
    public string Actor { get; private set; } = "";
    public string? Target { get; private set; }
    public string? Detail { get; private set; }
    /// <summary>From where: the client's address and user agent (a government system is named by its client id in Actor).</summary>
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }
    public string? CorrelationId { get; private set; }

    public static AuditEntry Record(
        string action, bool succeeded, string actor, string? target, string? detail, string? ipAddress, string? userAgent,
        string? correlationId, DateTimeOffset now) => new()
    {
        OccurredAt = now,
        Action = action,
        Succeeded = succeeded,
        Actor = Bounded(actor, 256)!,
        Target = Bounded(target, 256),
        Detail = Bounded(detail, DetailMaxLength),
        IpAddress = Bounded(ipAddress, 64),
        UserAgent = Bounded(userAgent, 256),
        CorrelationId = Bounded(correlationId, 128),
    };

    /// <summary>The audit must never make the change it records fail: what does not fit is cut.</summary>
    private static string? Bounded(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
