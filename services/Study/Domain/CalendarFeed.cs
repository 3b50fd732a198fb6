using System.Buffers.Text;
using System.Security.Cryptography;
using BrandPlatform.Platform.Security;

namespace BrandPlatform.Study.Domain;

/// <summary>
/// A person's secret iCalendar link (订阅日历): a calendar client fetches it without a token, so the secret is the
/// credential. Only its SHA-256 is kept; who the person was when it was issued (roles, branch, units) is kept too, so
/// the anonymous feed shows exactly what that person could read then, by the same visibility rule as the API.
/// </summary>
public sealed class CalendarFeed
{
    private const int SecretBytes = 32;

    private CalendarFeed() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>The unit whose calendar the feed shows; null for the person's own activities.</summary>
    public Guid? UnitId { get; private set; }
    public byte[] SecretHash { get; private set; } = [];
    public string[] Roles { get; private set; } = [];
    public Guid? BranchId { get; private set; }
    public Guid[] UnitIds { get; private set; } = [];
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new feed for <paramref name="caller"/> (a person) and its secret, which is shown once and never kept.</summary>
    public static (CalendarFeed Feed, string Secret) Issue(Caller caller, Guid? unitId, DateTimeOffset now)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var feed = new CalendarFeed
        {
            Id = Guid.CreateVersion7(now),
            PersonId = caller.UserId ?? throw new InvalidOperationException("Calendar feeds are issued to people only."),
            UnitId = unitId,
            SecretHash = HashOf(secret),
            Roles = [.. caller.Roles.Order(StringComparer.Ordinal)],
            BranchId = caller.BranchId,
            UnitIds = [.. caller.UnitIds.Order()],
            IssuedAt = now,
        };
        return (feed, secret);
    }

    /// <summary>The hash a secret is looked up by (a secret that is not base64url cannot match any).</summary>
    public static byte[] HashOf(string secret) => SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret));

    /// <summary>
    /// The person as they were when the feed was issued, reading study records: what <c>VisibleTo</c> needs. The feed
    /// is not a token: it grants reading the calendar and nothing else.
    /// </summary>
    public Caller AsCaller() => new(PersonId.ToString(), IsSystem: false, Roles.ToHashSet(), new HashSet<string>(), BranchId,
        UnitIds.ToHashSet(), EnterpriseCode: null, DisplayName: "", EnterpriseName: null);

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Feeds are polled by calendar clients: not audited per request, but when one was last fetched is kept.</summary>
    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
