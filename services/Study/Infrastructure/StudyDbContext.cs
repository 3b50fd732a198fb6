using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Domain;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Infrastructure;

public sealed class StudyDbContext(DbContextOptions<StudyDbContext> options) : DbContext(options), IDirectoryUnits, IUnitRosters
{
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<StudyActivity> Activities => Set<StudyActivity>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddDirectoryUnits();
        modelBuilder.AddUnitRosters();
        modelBuilder.AddCheckIns();
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
        modelBuilder.AddEventVersions();
    }
}

public sealed class StudyDesignTimeFactory : DesignTimeDbContextFactory<StudyDbContext>;
