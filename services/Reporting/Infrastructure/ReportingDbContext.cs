using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Features.CommunityFigures;
using BrandPlatform.Reporting.Features.DisciplineFigures;
using BrandPlatform.Reporting.Features.LiaisonFigures;
using BrandPlatform.Reporting.Features.Documents;
using BrandPlatform.Reporting.Features.StudyFigures;
using BrandPlatform.Reporting.Features.StudyProgramme;
using BrandPlatform.Reporting.Features.SupervisionTasks;
using BrandPlatform.Reporting.Features.TicketFigures;
using BrandPlatform.Reporting.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options), IDirectoryUnits, IUnitRosters
{
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<TicketRecord> TicketRecords => Set<TicketRecord>();
    public DbSet<StudyActivityRecord> StudyActivities => Set<StudyActivityRecord>();
    public DbSet<DesignatedMaterial> DesignatedMaterials => Set<DesignatedMaterial>();
    public DbSet<CampaignRecord> DisciplineCampaigns => Set<CampaignRecord>();
    public DbSet<VisitRecord> LiaisonVisits => Set<VisitRecord>();
    public DbSet<SessionRecord> DisciplineSessions => Set<SessionRecord>();
    public DbSet<QuizOutcomeRecord> DisciplineQuizOutcomes => Set<QuizOutcomeRecord>();
    public DbSet<MakeUpRecord> DisciplineMakeUps => Set<MakeUpRecord>();
    public DbSet<PledgeSignatureRecord> DisciplinePledgeSignatures => Set<PledgeSignatureRecord>();
    public DbSet<RegistrationRecord> CommunityRegistrations => Set<RegistrationRecord>();
    public DbSet<ServiceThemeRecord> CommunityThemes => Set<ServiceThemeRecord>();
    public DbSet<CommunityServiceRecord> CommunityServices => Set<CommunityServiceRecord>();
    public DbSet<PublicityItemRecord> PublicityItems => Set<PublicityItemRecord>();
    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<BrandMeasure> BrandMeasures => Set<BrandMeasure>();
    public DbSet<BrandLogo> BrandLogos => Set<BrandLogo>();
    public DbSet<PartyWorkPlanItem> PartyWorkPlanItems => Set<PartyWorkPlanItem>();
    public DbSet<BrandHighlight> BrandHighlights => Set<BrandHighlight>();
    public DbSet<ReceivedDocument> ReceivedDocuments => Set<ReceivedDocument>();
    public DbSet<DocumentReminder> DocumentReminders => Set<DocumentReminder>();
    public DbSet<DocumentErrorReport> DocumentErrors => Set<DocumentErrorReport>();
    public DbSet<SupervisionTask> SupervisionTasks => Set<SupervisionTask>();
    public DbSet<TaskFeedback> TaskFeedback => Set<TaskFeedback>();
    public DbSet<SupervisionTaskReminder> SupervisionTaskReminders => Set<SupervisionTaskReminder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddVersionedProjections();
        modelBuilder.AddDirectoryUnits();
        modelBuilder.AddUnitRosters();
        modelBuilder.Entity<TicketRecord>(ticket =>
        {
            ticket.ToTable("ticket_records");
            ticket.HasKey(t => t.TicketId);
            ticket.Property(t => t.TicketId).ValueGeneratedNever();
            ticket.Property(t => t.Number).HasMaxLength(20);
            ticket.Property(t => t.Category).HasMaxLength(32);
            ticket.Property(t => t.Priority).HasMaxLength(32);
            ticket.Property(t => t.State).HasMaxLength(32);
            ticket.Property(t => t.Satisfaction).HasMaxLength(32);
            ticket.Property(t => t.ChamberName).HasMaxLength(100);
            ticket.Property(t => t.FilingSystem).HasMaxLength(128);
            ticket.Property(t => t.Channel).HasMaxLength(32);
            ticket.HasIndex(t => t.Category);
            ticket.HasIndex(t => t.SubmittedAt);
            ticket.HasIndex(t => t.BrandId);
            ticket.Property(t => t.Version).IsRowVersion();
        });
        modelBuilder.ApplyConfiguration(new StudyActivityRecordConfiguration());
        modelBuilder.ApplyConfiguration(new DesignatedMaterialConfiguration());
        modelBuilder.AddDisciplineFigureTables();
        modelBuilder.AddLiaisonFigureTables();
        modelBuilder.AddCommunityFigureTables();
        modelBuilder.AddBrandRegistry();
        modelBuilder.AddDocumentRegisters();
        modelBuilder.AddSupervisionTasks();
        // Last: every aggregate that raises events gets its event sequence column.
        modelBuilder.AddEventVersions();
    }
}

public sealed class ReportingDesignTimeFactory : DesignTimeDbContextFactory<ReportingDbContext>;
