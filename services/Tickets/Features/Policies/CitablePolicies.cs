using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Features.Policies;

/// <summary>
/// The tickets service's copy of liaison's 政策库 (title, issuer, day, region, in force or not; not the full text): what a
/// ticket's answer may cite, checked and named without asking liaison.
/// </summary>
public sealed class CitablePolicy : IEventRecord<PolicyEvent, CitablePolicy>
{
    private CitablePolicy() { }

    public Guid PolicyId { get; private set; }
    public string Title { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string Region { get; private set; } = "";
    public bool InForce { get; private set; }
    /// <summary>PostgreSQL's row version (xmin).</summary>
    public uint Version { get; private set; }

    public static Guid KeyOf(PolicyEvent integrationEvent) => integrationEvent.PolicyId;

    public static CitablePolicy For(PolicyEvent integrationEvent) => new() { PolicyId = integrationEvent.PolicyId };

    public void Apply(PolicyEvent integrationEvent)
    {
        Title = integrationEvent.Title;
        Issuer = integrationEvent.Issuer;
        IssuedOn = integrationEvent.IssuedOn;
        Region = integrationEvent.Region;
        InForce = integrationEvent.InForce;
    }
}

/// <summary>Liaison's policy events, in each policy's order (queue tickets-policies).</summary>
[ProjectionName("policies")]
public sealed class CitablePolicies(TicketsDbContext db, TimeProvider timeProvider, ILogger<CitablePolicies> logger)
    : RecordProjection<PolicyEvent, CitablePolicy, TicketsDbContext>(db, timeProvider, logger);

public static class CitablePoliciesModel
{
    public static ModelBuilder AddCitablePolicies(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CitablePolicy>(policy =>
        {
            policy.ToTable("citable_policies");
            policy.HasKey(p => p.PolicyId);
            policy.Property(p => p.PolicyId).ValueGeneratedNever();
            policy.Property(p => p.Title).HasMaxLength(200);
            policy.Property(p => p.Issuer).HasMaxLength(100);
            policy.Property(p => p.Region).HasMaxLength(50);
            policy.Property(p => p.Version).IsRowVersion();
        });
        return modelBuilder;
    }
}
