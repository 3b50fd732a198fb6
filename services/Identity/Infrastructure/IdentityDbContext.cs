using System.Security.Cryptography;
using System.Text;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Infrastructure;

/// <summary>People and their accounts (ASP.NET Core Identity), the organisation directory, the audit, OpenIddict's
/// applications, scopes and tokens, the outbox, and the data-protection keys every replica shares.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityDbContext<Person, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.AddOutboxAndInbox();

        // The roles are fixed by the platform, with stable ids, in every environment.
        modelBuilder.Entity<IdentityRole<Guid>>().HasData(PlatformRoles.All.Select(role => new IdentityRole<Guid>
        {
            Id = new Guid(MD5.HashData(Encoding.UTF8.GetBytes("brandplatform-role:" + role))),
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));
        modelBuilder.Entity<Person>(person =>
        {
            person.Property(p => p.DisplayName).HasMaxLength(Person.DisplayNameMaxLength);
            person.Property(p => p.ExternalOrganisation).HasMaxLength(Person.OrganisationMaxLength);
            person.Property(p => p.EnterpriseCode).HasMaxLength(18);
            person.Property(p => p.EnterpriseName).HasMaxLength(Person.OrganisationMaxLength);
            person.HasMany(p => p.Memberships).WithOne().HasForeignKey(m => m.PersonId);
            person.Navigation(p => p.Memberships).HasField("memberships").UsePropertyAccessMode(PropertyAccessMode.Field);
            person.Ignore(p => p.CurrentBranch);
        });
        modelBuilder.Entity<OrganisationUnit>(unit =>
        {
            unit.Property(u => u.Id).ValueGeneratedNever();
            unit.Property(u => u.Name).HasMaxLength(OrganisationUnit.NameMaxLength);
            unit.Property(u => u.Kind).HasConversion<string>().HasMaxLength(32);
            unit.HasOne<OrganisationUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            unit.HasIndex(u => u.ParentId);
        });
        modelBuilder.Entity<UnitMembership>(membership =>
        {
            // Ids are made by the entity (Guid v7): a membership found through a person's collection is new, not changed.
            membership.Property(m => m.Id).ValueGeneratedNever();
            membership.Property(m => m.UnitKind).HasConversion<string>().HasMaxLength(32);
            membership.HasOne<OrganisationUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
            membership.HasIndex(m => new { m.UnitId, m.ValidTo });
            // One current membership per unit and person: a retried request cannot add a second one.
            membership.HasIndex(m => new { m.PersonId, m.UnitId }).IsUnique().HasFilter("valid_to IS NULL");
        });
        modelBuilder.AddAuditLog();
        modelBuilder.AddEventVersions();
    }
}

public sealed class IdentityDesignTimeFactory : DesignTimeDbContextFactory<IdentityDbContext>;
