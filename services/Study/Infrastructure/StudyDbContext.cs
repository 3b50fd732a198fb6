using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Features.UnitedFront;
using BrandPlatform.Study.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Infrastructure;

public sealed class StudyDbContext(DbContextOptions<StudyDbContext> options) : DbContext(options), IDirectoryUnits, IUnitRosters
{
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<StudyActivity> Activities => Set<StudyActivity>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<YouthGroupRotation> YouthGroupRotations => Set<YouthGroupRotation>();
    public DbSet<QuarterPlan> QuarterPlans => Set<QuarterPlan>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<StudyMaterial> Materials => Set<StudyMaterial>();
    public DbSet<TrainingSeries> TrainingSeries => Set<TrainingSeries>();
    public DbSet<StudyNote> Notes => Set<StudyNote>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<UnitedFrontContact> UnitedFrontContacts => Set<UnitedFrontContact>();
    public DbSet<UnitedFrontOrganisation> UnitedFrontOrganisations => Set<UnitedFrontOrganisation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddDirectoryUnits();
        modelBuilder.AddUnitRosters();
        modelBuilder.AddCheckIns();
        modelBuilder.AddUnitedFrontAudiences();
        modelBuilder.Entity<StudyActivity>(activity =>
        {
            activity.ToTable("activities");
            activity.Property(a => a.Id).ValueGeneratedNever();
            activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            activity.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.AudienceKind).HasConversion<string>().HasMaxLength(20);
            activity.Property(a => a.Topic).HasMaxLength(StudyActivity.TopicMaxLength);
            activity.Property(a => a.Place).HasMaxLength(StudyActivity.PlaceMaxLength);
            activity.Property(a => a.Minutes).HasMaxLength(StudyActivity.MinutesMaxLength);
            activity.Property(a => a.CancelReason).HasMaxLength(StudyActivity.ReasonMaxLength);
            activity.Property(a => a.CheckInCode).HasMaxLength(CheckInCodes.Length);
            activity.Property(a => a.ScheduledBy).HasMaxLength(200);
            activity.Property(a => a.Materials).HasJsonColumn();
            activity.Property(a => a.Speakers).HasJsonColumn();
            activity.Property(a => a.Audience).HasJsonColumn();
            activity.Property(a => a.Attendance).HasJsonColumn();
            activity.Property(a => a.Amendments).HasJsonColumn();
            activity.Property(a => a.Version).IsConcurrencyToken();
            activity.HasIndex(a => new { a.OrganiserUnitId, a.PlannedStart });
            activity.HasIndex(a => new { a.BranchId, a.PlannedStart });
            activity.HasIndex(a => a.PlannedStart);
            activity.HasIndex(a => a.MaterialIds).HasMethod("gin");
            activity.HasIndex(a => a.AudienceMemberIds).HasMethod("gin");
            activity.HasIndex(a => a.PresentIds).HasMethod("gin");
            activity.HasIndex(a => a.SeriesId);
            activity.HasIndex(a => new { a.AudienceUnitId, a.PlannedStart });
        });
        modelBuilder.Entity<CalendarFeed>(feed =>
        {
            feed.ToTable("calendar_feeds");
            feed.Property(f => f.Id).ValueGeneratedNever();
            feed.Property(f => f.SecretHash).HasMaxLength(32);
            feed.HasIndex(f => f.SecretHash).IsUnique();
            feed.HasIndex(f => new { f.PersonId, f.IssuedAt });
        });
        modelBuilder.ApplyConfiguration(new EntityConfigurations.YouthGroupRotationConfiguration());
        modelBuilder.Entity<QuarterPlan>(plan =>
        {
            plan.ToTable("quarter_plans");
            plan.Property(p => p.Id).ValueGeneratedNever();
            plan.Property(p => p.Items).HasJsonColumn();
            plan.Property(p => p.FiledBy).HasMaxLength(200);
            plan.Property(p => p.Version).IsConcurrencyToken();
            plan.HasIndex(p => new { p.BranchId, p.Year, p.Quarter }).IsUnique();
        });
        modelBuilder.Entity<Rectification>(item =>
        {
            item.ToTable("rectifications");
            item.Property(r => r.Id).ValueGeneratedNever();
            item.Property(r => r.ActivityKind).HasConversion<string>().HasMaxLength(40);
            item.Property(r => r.Description).HasMaxLength(Rectification.DescriptionMaxLength);
            item.Property(r => r.OwnerName).HasMaxLength(Rectification.OwnerNameMaxLength);
            item.Property(r => r.CloseNote).HasMaxLength(Rectification.NoteMaxLength);
            item.Property(r => r.CreatedBy).HasMaxLength(200);
            item.Property(r => r.ClosedBy).HasMaxLength(200);
            item.Property(r => r.Version).IsConcurrencyToken();
            item.HasIndex(r => r.ActivityId);
            item.HasIndex(r => new { r.UnitId, r.DueOn });
            item.HasIndex(r => new { r.BranchId, r.DueOn });
        });
        modelBuilder.ApplyConfiguration(new StudyMaterialConfiguration());
        modelBuilder.ApplyConfiguration(new TrainingSeriesConfiguration());
        modelBuilder.ApplyConfiguration(new StudyNoteConfiguration());
        modelBuilder.AddEventVersions();
    }
}

public sealed class StudyDesignTimeFactory : DesignTimeDbContextFactory<StudyDbContext>;
