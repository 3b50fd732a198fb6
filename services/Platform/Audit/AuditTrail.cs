using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BrandPlatform.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work of the service's database, with who called from where; they are
/// saved by the same SaveChanges as the change they describe, so neither exists without the other.
/// </summary>
public sealed class AuditTrail(DbContext db, IHttpContextAccessor accessor, TimeProvider timeProvider)
{
    public void Record(string action, bool succeeded, string? target, string? detail = null, string? actor = null)
    {
        var context = accessor.HttpContext;
        db.Set<AuditEntry>().Add(AuditEntry.Record(
            action, succeeded,
            actor ?? (context is null ? "system" : context.Caller() is { Subject: not "" } caller ? caller.Signature : "anonymous"),
            target, detail,
            context?.Connection.RemoteIpAddress?.ToString(),
            context?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            CorrelationContext.Current,
            timeProvider.GetUtcNow()));
    }
}

public static class AuditModel
{
    /// <summary>The audit table of a service's database (audit_entries), append-only.</summary>
    public static ModelBuilder AddAuditLog(this ModelBuilder modelBuilder) => modelBuilder.Entity<AuditEntry>(audit =>
    {
        audit.ToTable("audit_entries");
        audit.Property(a => a.Action).HasMaxLength(40);
        audit.Property(a => a.Actor).HasMaxLength(256);
        audit.Property(a => a.Target).HasMaxLength(256);
        audit.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailMaxLength);
        audit.Property(a => a.IpAddress).HasMaxLength(64);
        audit.Property(a => a.UserAgent).HasMaxLength(256);
        audit.Property(a => a.CorrelationId).HasMaxLength(128);
        audit.HasIndex(a => a.OccurredAt);
    });

    /// <summary>The service's <see cref="AuditTrail"/>, writing to its own database.</summary>
    public static IHostApplicationBuilder AddAuditTrail<TDbContext>(this IHostApplicationBuilder builder) where TDbContext : DbContext
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => new AuditTrail(
            services.GetRequiredService<TDbContext>(), services.GetRequiredService<IHttpContextAccessor>(), services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
