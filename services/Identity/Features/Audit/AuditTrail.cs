using BrandPlatform.Identity.Domain;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Security;

namespace BrandPlatform.Identity.Features.Audit;

/// <summary>
/// Adds audit entries to the current unit of work, with who called from where; they are saved with the change they
/// describe.
/// </summary>
public sealed class AuditTrail(IdentityDbContext db, IHttpContextAccessor accessor, TimeProvider timeProvider)
{
    public void Record(string action, bool succeeded, string? target, string? detail = null, string? actor = null)
    {
        var context = accessor.HttpContext;
        db.AuditEntries.Add(AuditEntry.Record(
            action, succeeded,
            actor ?? (context is null ? "system" : context.Caller() is { Subject: not "" } caller ? $"{caller.Subject} {caller.DisplayName}" : "anonymous"),
            target, detail,
            context?.Connection.RemoteIpAddress?.ToString(),
            CorrelationContext.Current,
            timeProvider.GetUtcNow()));
    }
}
