using System.Security.Claims;

namespace BrandPlatform.Platform.Security;

/// <summary>
/// Who is calling, read once from the validated token: a person (with roles and organisation) or another government
/// system (client credentials: the subject is the client itself, and its scopes are its whole permission).
/// </summary>
public sealed record Caller(
    string Subject,
    bool IsSystem,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Scopes,
    Guid? BranchId,
    IReadOnlySet<Guid> UnitIds,
    string? EnterpriseCode,
    string DisplayName,
    string? EnterpriseName)
{
    public static Caller From(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(PlatformClaims.Subject) ?? "";
        var clientId = user.FindFirstValue(PlatformClaims.ClientId);
        return new Caller(
            subject,
            IsSystem: clientId is not null && clientId == subject,
            Roles: user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(),
            Scopes: user.FindAll(PlatformClaims.Scope).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(),
            BranchId: Guid.TryParse(user.FindFirstValue(PlatformClaims.Branch), out var branch) ? branch : null,
            UnitIds: user.FindAll(PlatformClaims.Unit).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty).ToHashSet(),
            EnterpriseCode: user.FindFirstValue(PlatformClaims.Enterprise),
            DisplayName: user.FindFirstValue(PlatformClaims.Name) ?? subject,
            EnterpriseName: user.FindFirstValue(PlatformClaims.EnterpriseName));
    }

    public Guid? UserId => !IsSystem && Guid.TryParse(Subject, out var id) ? id : null;

    /// <summary>How records name who did something (audit entries, supervision history): the subject and its name.</summary>
    public string Signature => $"{Subject} {DisplayName}";

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    public bool HasAnyScope(IEnumerable<string> scopes) => scopes.Any(Scopes.Contains);

    /// <summary>
    /// Organisation scope for branch records: the committee's office and administrators see every branch, a branch's
    /// secretary and party-affairs officer only their own.
    /// </summary>
    public bool MayKeepBranch(Guid branchId) =>
        IsInAnyRole([PlatformRoles.OfficeStaff, PlatformRoles.Administrator])
        || (IsInAnyRole(PlatformRoles.BranchKeepers) && BranchId == branchId);

    /// <summary>
    /// The enterprise an enterprise contact's token names (code and registered name), which it files for when it names
    /// none; null for everyone else.
    /// </summary>
    public (string Code, string Name)? OwnEnterprise =>
        Roles.Contains(PlatformRoles.EnterpriseContact) && EnterpriseCode is { } code && EnterpriseName is { } name ? (code, name) : null;

    /// <summary>An enterprise contact acts only for its own enterprise; everyone else the endpoint admits is not limited.</summary>
    public bool MayActForEnterprise(string creditCode) =>
        !Roles.Contains(PlatformRoles.EnterpriseContact) || string.Equals(EnterpriseCode, creditCode, StringComparison.Ordinal);
}
