using BrandPlatform.Community.Domain;
using BrandPlatform.Community.Features.Publicity;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Programme;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Infrastructure;

public sealed class CommunityDbContext(DbContextOptions<CommunityDbContext> options) : DbContext(options), IUnitRosters, IDirectoryUnits
{
    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<ResidentialCommunity> Communities => Set<ResidentialCommunity>();
    public DbSet<CommunityPairing> Pairings => Set<CommunityPairing>();
    public DbSet<CommunityRegistration> Registrations => Set<CommunityRegistration>();
    public DbSet<ServiceTheme> Themes => Set<ServiceTheme>();
    public DbSet<CommunityService> Services => Set<CommunityService>();
    public DbSet<ResidentProblem> ResidentProblems => Set<ResidentProblem>();
    public DbSet<PracticalMatter> PracticalMatters => Set<PracticalMatter>();
    public DbSet<PublicityItem> PublicityItems => Set<PublicityItem>();
    public DbSet<HeldActivity> HeldActivities => Set<HeldActivity>();
    public DbSet<SolvedTicket> SolvedTickets => Set<SolvedTicket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.AddUnitRosters();
        modelBuilder.AddDirectoryUnits();
        modelBuilder.Entity<ResidentialCommunity>(community =>
        {
            community.ToTable("communities");
            community.Property(c => c.Id).ValueGeneratedNever();
            community.Property(c => c.Name).HasMaxLength(ResidentialCommunity.NameMaxLength);
            community.Property(c => c.Street).HasMaxLength(ResidentialCommunity.StreetMaxLength);
            community.Property(c => c.ContactName).HasMaxLength(ResidentialCommunity.ContactNameMaxLength);
            community.Property(c => c.ContactPhone).HasMaxLength(PhoneNumbers.MaxLength);
            community.Property(c => c.Version).IsConcurrencyToken();
            community.HasIndex(c => c.Name).IsUnique();
        });
        modelBuilder.Entity<CommunityPairing>(pairing =>
        {
            pairing.ToTable("pairings");
            pairing.Property(p => p.Id).ValueGeneratedNever();
            pairing.Property(p => p.Note).HasMaxLength(CommunityPairing.NoteMaxLength);
            pairing.Property(p => p.PairedBy).HasMaxLength(200);
            pairing.Property(p => p.Version).IsConcurrencyToken();
            pairing.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(p => p.CommunityId).OnDelete(DeleteBehavior.Restrict);
            pairing.HasIndex(p => new { p.BranchId, p.CommunityId });
            pairing.HasIndex(p => new { p.From, p.Id });
        });
        modelBuilder.Entity<CommunityRegistration>(registration =>
        {
            registration.ToTable("registrations");
            registration.Property(r => r.Id).ValueGeneratedNever();
            registration.Property(r => r.PersonName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            registration.Property(r => r.CommunityName).HasMaxLength(ResidentialCommunity.NameMaxLength);
            registration.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
            registration.Property(r => r.ConfirmedBy).HasConversion<string>().HasMaxLength(20);
            registration.Property(r => r.ConfirmationNote).HasMaxLength(CommunityRegistration.NoteMaxLength);
            registration.Property(r => r.ConfirmedByName).HasMaxLength(200);
            registration.Property(r => r.Version).IsConcurrencyToken();
            registration.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(r => r.CommunityId).OnDelete(DeleteBehavior.Restrict);
            // One open registration a member a year: a second at once is refused by the database too.
            registration.HasIndex(r => new { r.PersonId, r.Year }).IsUnique().HasFilter("state <> 'Ended'");
            registration.HasIndex(r => new { r.BranchId, r.Year });
            registration.HasIndex(r => new { r.RegisteredOn, r.Id });
        });
        modelBuilder.Entity<ServiceTheme>(theme =>
        {
            theme.ToTable("service_themes");
            theme.Property(t => t.Id).ValueGeneratedNever();
            theme.Property(t => t.Title).HasMaxLength(ServiceTheme.TitleMaxLength);
            theme.Property(t => t.Description).HasMaxLength(ServiceTheme.DescriptionMaxLength);
            theme.Property(t => t.Version).IsConcurrencyToken();
            theme.Ignore(t => t.Period);
            theme.HasIndex(t => new { t.Year, t.Quarter }).IsUnique();
        });
        modelBuilder.Entity<CommunityService>(service =>
        {
            service.ToTable("services");
            service.Property(s => s.Id).ValueGeneratedNever();
            service.Property(s => s.CommunityName).HasMaxLength(ResidentialCommunity.NameMaxLength);
            service.Property(s => s.Summary).HasMaxLength(CommunityService.SummaryMaxLength);
            service.Property(s => s.Participants).HasJsonColumn();
            service.Property(s => s.Photos).HasJsonColumn();
            service.Property(s => s.Hours).HasPrecision(8, 1);
            service.Property(s => s.RecordedByName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            service.HasOne<ResidentialCommunity>().WithMany().HasForeignKey(s => s.CommunityId).OnDelete(DeleteBehavior.Restrict);
            service.HasIndex(s => s.ParticipantIds).HasMethod("gin");
            service.HasIndex(s => new { s.BranchId, s.On });
            service.HasIndex(s => new { s.On, s.Id });
        });
        modelBuilder.Entity<ResidentProblem>(problem =>
        {
            problem.ToTable("resident_problems");
            problem.Property(p => p.Id).ValueGeneratedNever();
            problem.Property(p => p.ResidentName).HasMaxLength(ResidentProblem.ResidentNameMaxLength);
            problem.Property(p => p.ResidentPhone).HasMaxLength(PhoneNumbers.MaxLength);
            problem.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
            problem.Property(p => p.Title).HasMaxLength(TicketFields.TitleMaxLength);
            problem.Property(p => p.Description).HasMaxLength(TicketFields.DescriptionMaxLength);
            problem.HasOne<CommunityService>().WithMany().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PracticalMatter>(matter =>
        {
            matter.ToTable("practical_matters");
            matter.Property(m => m.Id).ValueGeneratedNever();
            matter.Property(m => m.Title).HasMaxLength(PracticalMatter.TitleMaxLength);
            matter.Property(m => m.Description).HasMaxLength(PracticalMatter.DescriptionMaxLength);
            matter.Property(m => m.OwnerUnitName).HasMaxLength(DirectoryUnit.NameMaxLength);
            matter.Property(m => m.OwnerPersonName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            matter.Property(m => m.Beneficiaries).HasMaxLength(PracticalMatter.BeneficiariesMaxLength);
            matter.Property(m => m.FeedbackCadence).HasConversion<string>().HasMaxLength(20);
            matter.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
            matter.Property(m => m.TaskState).HasMaxLength(32);
            matter.Property(m => m.Version).IsConcurrencyToken();
            matter.HasIndex(m => new { m.Year, m.Deadline, m.Id });
        });
        modelBuilder.Entity<PublicityItem>(item =>
        {
            item.ToTable("publicity_items");
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.SourceKind).HasConversion<string>().HasMaxLength(30);
            item.Property(i => i.Title).HasMaxLength(PublicityItem.TitleMaxLength);
            item.Property(i => i.Summary).HasMaxLength(PublicityItem.SummaryMaxLength);
            item.Property(i => i.Body).HasMaxLength(PublicityItem.BodyMaxLength);
            item.Property(i => i.DraftedByName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            item.Property(i => i.PublishedBy).HasMaxLength(200);
            item.Property(i => i.Comments).HasJsonColumn();
            item.Property(i => i.Version).IsConcurrencyToken();
            item.HasIndex(i => new { i.State, i.DraftedAt, i.Id });
            item.HasIndex(i => new { i.PublishedAt, i.Id });
            item.HasIndex(i => new { i.BranchId, i.DraftedAt });
        });
        modelBuilder.Entity<HeldActivity>(activity =>
        {
            activity.ToTable("held_activities");
            activity.Property(a => a.Id).ValueGeneratedNever();
            activity.Property(a => a.Kind).HasMaxLength(40);
            activity.Property(a => a.Topic).HasMaxLength(500);
            activity.Property(a => a.State).HasMaxLength(20);
        });
        modelBuilder.Entity<SolvedTicket>(ticket =>
        {
            ticket.ToTable("ticket_copies");
            ticket.Property(t => t.Id).ValueGeneratedNever();
            ticket.Property(t => t.Number).HasMaxLength(32);
            ticket.Property(t => t.Category).HasMaxLength(30);
            ticket.Property(t => t.RequesterName).HasMaxLength(200);
            ticket.Property(t => t.State).HasMaxLength(32);
            ticket.Property(t => t.Satisfaction).HasMaxLength(32);
        });
        modelBuilder.AddEventVersions();
    }
}

public sealed class CommunityDesignTimeFactory : DesignTimeDbContextFactory<CommunityDbContext>;
