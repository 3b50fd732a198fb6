using BrandPlatform.Liaison.Domain;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Programme;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Infrastructure;

public sealed class LiaisonDbContext(DbContextOptions<LiaisonDbContext> options) : DbContext(options), IUnitRosters
{
    /// <summary>A contact's search column (name and enterprise), matched with trigrams: PostgreSQL has no Chinese word parser.</summary>
    public const string ContactSearchText = "SearchText";

    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<UnitedFrontOrganisation> Organisations => Set<UnitedFrontOrganisation>();
    public DbSet<UnitedFrontContact> Contacts => Set<UnitedFrontContact>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<RaisedProblem> Problems => Set<RaisedProblem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.AddUnitRosters();
        modelBuilder.Entity<UnitedFrontOrganisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(UnitedFrontOrganisation.NameMaxLength);
            organisation.Property(o => o.Category).HasConversion<string>().HasMaxLength(40);
            organisation.Property(o => o.Description).HasMaxLength(UnitedFrontOrganisation.DescriptionMaxLength);
            organisation.Property(o => o.Version).IsConcurrencyToken();
            organisation.HasIndex(o => o.Name).IsUnique();
            organisation.HasIndex(o => new { o.Category, o.Name, o.Id });
        });
        modelBuilder.Entity<UnitedFrontContact>(contact =>
        {
            contact.ToTable("contacts");
            contact.Property(c => c.Id).ValueGeneratedNever();
            contact.Property(c => c.Name).HasMaxLength(UnitedFrontContact.NameMaxLength);
            contact.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
            contact.Property(c => c.EnterpriseName).HasMaxLength(UnitedFrontContact.EnterpriseNameMaxLength);
            contact.Property(c => c.EnterpriseCreditCode).HasMaxLength(UnifiedSocialCreditCode.Length);
            contact.Property(c => c.Phone).HasMaxLength(PhoneNumbers.MaxLength);
            contact.Property(c => c.ResponsibleCadreName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            contact.Property(c => c.Version).IsConcurrencyToken();
            contact.Property<string>(ContactSearchText).HasComputedColumnSql("name || ' ' || coalesce(enterprise_name, '')", stored: true);
            contact.HasIndex(ContactSearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            contact.HasOne<UnitedFrontOrganisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            contact.HasIndex(c => new { c.ResponsibleCadreId, c.Name, c.Id });
            contact.HasIndex(c => new { c.Name, c.Id });
            contact.HasIndex(c => c.EnterpriseCreditCode);
        });
        modelBuilder.Entity<Visit>(visit =>
        {
            visit.ToTable("visits");
            visit.Property(v => v.Id).ValueGeneratedNever();
            visit.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
            visit.Property(v => v.Place).HasMaxLength(Visit.PlaceMaxLength);
            visit.Property(v => v.Findings).HasMaxLength(Visit.FindingsMaxLength);
            visit.Property(v => v.Visitors).HasJsonColumn();
            visit.HasIndex(v => v.VisitorIds).HasMethod("gin");
            visit.HasIndex(v => v.ContactIds).HasMethod("gin");
            visit.HasIndex(v => new { v.VisitedOn, v.Id });
        });
        modelBuilder.Entity<RaisedProblem>(problem =>
        {
            problem.ToTable("raised_problems");
            problem.Property(p => p.Id).ValueGeneratedNever();
            problem.Property(p => p.Origin).HasConversion<string>().HasMaxLength(20);
            problem.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
            problem.Property(p => p.Title).HasMaxLength(TicketFields.TitleMaxLength);
            problem.Property(p => p.Description).HasMaxLength(TicketFields.DescriptionMaxLength);
            problem.Property(p => p.EnterpriseName).HasMaxLength(UnitedFrontContact.EnterpriseNameMaxLength);
            problem.Property(p => p.EnterpriseCreditCode).HasMaxLength(UnifiedSocialCreditCode.Length);
            problem.Property(p => p.RaisedByName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            problem.Property(p => p.TicketNumber).HasMaxLength(32);
            problem.Property(p => p.TicketState).HasMaxLength(32);
            problem.HasIndex(p => p.OriginId);
            problem.HasIndex(p => p.TicketId);
        });
        modelBuilder.AddEventVersions();
    }
}

public sealed class LiaisonDesignTimeFactory : DesignTimeDbContextFactory<LiaisonDbContext>;
