using BrandPlatform.Discipline.Domain;
using BrandPlatform.Platform.Attendance;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Infrastructure;

public sealed class DisciplineDbContext(DbContextOptions<DisciplineDbContext> options) : DbContext(options), IDirectoryUnits, IUnitRosters
{
    /// <summary>The case library's search column (title and summary), matched with trigrams: PostgreSQL has no Chinese word parser.</summary>
    public const string CaseSearchText = "SearchText";

    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<WarningCase> Cases => Set<WarningCase>();
    public DbSet<QuizQuestion> Questions => Set<QuizQuestion>();
    public DbSet<WarningCampaign> Campaigns => Set<WarningCampaign>();
    public DbSet<WarningSession> Sessions => Set<WarningSession>();
    public DbSet<QuizAttempt> Attempts => Set<QuizAttempt>();
    public DbSet<WarningMakeUp> MakeUps => Set<WarningMakeUp>();
    public DbSet<PledgeText> PledgeTexts => Set<PledgeText>();
    public DbSet<PledgeSignature> PledgeSignatures => Set<PledgeSignature>();
    public DbSet<IntegrityReminder> Reminders => Set<IntegrityReminder>();
    public DbSet<ReminderNotice> ReminderNotices => Set<ReminderNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddDirectoryUnits();
        modelBuilder.AddUnitRosters();
        modelBuilder.AddCheckIns();
        modelBuilder.Entity<WarningCase>(warningCase =>
        {
            warningCase.ToTable("cases");
            warningCase.Property(c => c.Id).ValueGeneratedNever();
            warningCase.Property(c => c.Title).HasMaxLength(WarningCase.TitleMaxLength);
            warningCase.Property(c => c.Summary).HasMaxLength(WarningCase.SummaryMaxLength);
            warningCase.Property(c => c.Source).HasMaxLength(WarningCase.SourceMaxLength);
            warningCase.Property(c => c.RecordedBy).HasMaxLength(200);
            warningCase.PrimitiveCollection(c => c.ViolationTypes).ElementType(t => t.HasConversion<string>());
            warningCase.Property(c => c.Version).IsConcurrencyToken();
            warningCase.Property<string>(CaseSearchText).HasComputedColumnSql("title || ' ' || summary", stored: true);
            warningCase.HasIndex(CaseSearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            warningCase.HasIndex(c => c.ViolationTypes).HasMethod("gin");
            warningCase.HasIndex(c => new { c.PublishedOn, c.Id });
        });
        modelBuilder.Entity<QuizQuestion>(question =>
        {
            question.ToTable("questions");
            question.Property(q => q.Id).ValueGeneratedNever();
            question.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
            question.Property(q => q.Stem).HasMaxLength(QuizQuestion.StemMaxLength);
            question.Property(q => q.Options).HasJsonColumn();
            question.Property(q => q.Explanation).HasMaxLength(QuizQuestion.ExplanationMaxLength);
            question.Property(q => q.CreatedBy).HasMaxLength(200);
            question.PrimitiveCollection(q => q.ViolationTypes).ElementType(t => t.HasConversion<string>());
            question.Property(q => q.Version).IsConcurrencyToken();
            question.HasIndex(q => new { q.Retired, q.Id });
        });
        modelBuilder.Entity<WarningCampaign>(campaign =>
        {
            campaign.ToTable("campaigns");
            campaign.Property(c => c.Id).ValueGeneratedNever();
            campaign.Property(c => c.Theme).HasMaxLength(WarningCampaign.ThemeMaxLength);
            campaign.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            campaign.Property(c => c.Quiz).HasJsonColumn();
            campaign.Property(c => c.Paper).HasJsonColumn();
            campaign.Property(c => c.LaunchedBy).HasMaxLength(200);
            campaign.Property(c => c.Version).IsConcurrencyToken();
            campaign.Ignore(c => c.Period);
            // One campaign per quarter for the organ (一季一警示).
            campaign.HasIndex(c => new { c.Year, c.Quarter }).IsUnique();
        });
        modelBuilder.Entity<WarningSession>(session =>
        {
            session.ToTable("sessions");
            session.Property(s => s.Id).ValueGeneratedNever();
            session.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
            session.Property(s => s.Topic).HasMaxLength(WarningSession.TopicMaxLength);
            session.Property(s => s.Place).HasMaxLength(WarningSession.PlaceMaxLength);
            session.Property(s => s.Notes).HasMaxLength(WarningSession.NotesMaxLength);
            session.Property(s => s.CancelReason).HasMaxLength(WarningSession.ReasonMaxLength);
            session.Property(s => s.CheckInCode).HasMaxLength(CheckInCodes.Length);
            session.Property(s => s.ScheduledBy).HasMaxLength(200);
            session.Property(s => s.Attendance).HasJsonColumn();
            session.Property(s => s.Version).IsConcurrencyToken();
            session.HasIndex(s => new { s.CampaignId, s.BranchId });
            session.HasIndex(s => s.PresentIds).HasMethod("gin");
        });
        modelBuilder.Entity<QuizAttempt>(attempt =>
        {
            attempt.ToTable("quiz_attempts");
            attempt.Property(a => a.Id).ValueGeneratedNever();
            attempt.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
            attempt.Property(a => a.Answers).HasJsonColumn();
            attempt.Property(a => a.ReopenedBy).HasMaxLength(200);
            attempt.Property(a => a.ReopenReason).HasMaxLength(QuizAttempt.ReasonMaxLength);
            attempt.Property(a => a.Version).IsConcurrencyToken();
            // One attempt per member and campaign, and one more per reopening: two starts at once cannot both count.
            attempt.HasIndex(a => new { a.CampaignId, a.PersonId, a.Number }).IsUnique();
        });
        modelBuilder.Entity<WarningMakeUp>(makeUp =>
        {
            makeUp.ToTable("make_ups");
            makeUp.Property(m => m.Id).ValueGeneratedNever();
            makeUp.Property(m => m.Version).IsConcurrencyToken();
            makeUp.HasIndex(m => new { m.CampaignId, m.PersonId }).IsUnique();
        });
        modelBuilder.Entity<PledgeText>(text =>
        {
            text.ToTable("pledge_texts");
            text.Property(t => t.Id).ValueGeneratedNever();
            text.Property(t => t.Role).HasConversion<string>().HasMaxLength(40);
            text.Property(t => t.Title).HasMaxLength(PledgeText.TitleMaxLength);
            text.Property(t => t.Body).HasMaxLength(PledgeText.BodyMaxLength);
            text.Property(t => t.BodyHash).HasMaxLength(64);
            text.Property(t => t.PublishedBy).HasMaxLength(200);
            text.HasIndex(t => new { t.Year, t.Role }).IsUnique();
        });
        modelBuilder.Entity<PledgeSignature>(signature =>
        {
            signature.ToTable("pledge_signatures");
            signature.Property(s => s.Id).ValueGeneratedNever();
            signature.Property(s => s.Role).HasConversion<string>().HasMaxLength(40);
            signature.Property(s => s.DisplayName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            signature.Property(s => s.BodyHash).HasMaxLength(64);
            signature.HasIndex(s => new { s.Year, s.PersonId }).IsUnique();
            signature.HasIndex(s => new { s.Year, s.BranchId });
        });
        modelBuilder.Entity<IntegrityReminder>(reminder =>
        {
            reminder.ToTable("integrity_reminders");
            reminder.Property(r => r.Id).ValueGeneratedNever();
            reminder.Property(r => r.Holiday).HasMaxLength(50);
            reminder.Property(r => r.Message).HasMaxLength(IntegrityReminder.MessageMaxLength);
            // One reminder per holiday, however many instances run the daily pass.
            reminder.HasIndex(r => r.HolidayFrom).IsUnique();
        });
        modelBuilder.Entity<ReminderNotice>(notice =>
        {
            notice.ToTable("reminder_notices");
            notice.HasKey(n => new { n.ReminderId, n.PersonId });
            notice.HasIndex(n => n.PersonId);
        });
        modelBuilder.AddEventVersions();
    }
}

public sealed class DisciplineDesignTimeFactory : DesignTimeDbContextFactory<DisciplineDbContext>;
