using BrandPlatform.Liaison.Domain;
using BrandPlatform.Liaison.Features.TaskForces;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Platform.Programme;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Infrastructure;

public sealed class LiaisonDbContext(DbContextOptions<LiaisonDbContext> options) : DbContext(options), IUnitRosters, IDirectoryUnits
{
    /// <summary>A contact's search column (name and enterprise), matched with trigrams: PostgreSQL has no Chinese word parser.</summary>
    public const string ContactSearchText = "SearchText";

    public DbSet<UnitMember> UnitMembers => Set<UnitMember>();
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<UnitedFrontOrganisation> Organisations => Set<UnitedFrontOrganisation>();
    public DbSet<UnitedFrontContact> Contacts => Set<UnitedFrontContact>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<RaisedProblem> Problems => Set<RaisedProblem>();
    public DbSet<EngagementEvent> EngagementEvents => Set<EngagementEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<EngagementOutcome> EngagementOutcomes => Set<EngagementOutcome>();
    public DbSet<FriendshipPair> FriendshipPairs => Set<FriendshipPair>();
    public DbSet<FriendshipContact> FriendshipContacts => Set<FriendshipContact>();
    public DbSet<ThoughtTrendNote> ThoughtTrendNotes => Set<ThoughtTrendNote>();
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<TaskForceWork> TaskForceWorks => Set<TaskForceWork>();
    public DbSet<WorkStep> WorkSteps => Set<WorkStep>();
    public DbSet<FrozenBoard> FrozenBoards => Set<FrozenBoard>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.AddUnitRosters();
        modelBuilder.AddDirectoryUnits();
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
        modelBuilder.Entity<EngagementEvent>(engagement =>
        {
            engagement.ToTable("engagement_events");
            engagement.Property(e => e.Id).ValueGeneratedNever();
            engagement.Property(e => e.Series).HasConversion<string>().HasMaxLength(40);
            engagement.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
            engagement.Property(e => e.Title).HasMaxLength(EngagementEvent.TitleMaxLength);
            engagement.Property(e => e.Place).HasMaxLength(EngagementEvent.PlaceMaxLength);
            engagement.Property(e => e.Description).HasMaxLength(EngagementEvent.DescriptionMaxLength);
            engagement.Property(e => e.Summary).HasMaxLength(EngagementEvent.SummaryMaxLength);
            engagement.Property(e => e.CancellationReason).HasMaxLength(EngagementEvent.SummaryMaxLength);
            engagement.Property(e => e.Version).IsConcurrencyToken();
            engagement.HasIndex(e => new { e.StartsAt, e.Id });
            engagement.HasIndex(e => new { e.Series, e.StartsAt, e.Id });
        });
        modelBuilder.Entity<EventRegistration>(registration =>
        {
            registration.ToTable("event_registrations");
            registration.Property(r => r.Id).ValueGeneratedNever();
            registration.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            registration.Property(r => r.OrganisationName).HasMaxLength(Features.Engagement.EventRegistrations.OrganisationNameMaxLength);
            registration.Property(r => r.CreditCode).HasMaxLength(UnifiedSocialCreditCode.Length);
            registration.Property(r => r.AttendeeName).HasMaxLength(EventRegistration.AttendeeMaxLength);
            registration.Property(r => r.AttendeePosition).HasMaxLength(Features.Engagement.EventRegistrations.PositionMaxLength);
            registration.Property(r => r.Need).HasMaxLength(EventRegistration.NeedMaxLength);
            registration.Property(r => r.NeedAmountInTenThousandYuan).HasPrecision(12, 2);
            registration.HasOne<EngagementEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Restrict);
            registration.HasIndex(r => new { r.EventId, r.CreditCode }).IsUnique();
            registration.HasIndex(r => new { r.EventId, r.RegisteredAt, r.Id });
        });
        modelBuilder.Entity<EngagementOutcome>(outcome =>
        {
            outcome.ToTable("engagement_outcomes");
            outcome.Property(o => o.Id).ValueGeneratedNever();
            outcome.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            outcome.Property(o => o.Note).HasMaxLength(EngagementOutcome.NoteMaxLength);
            outcome.Property(o => o.AmountInTenThousandYuan).HasPrecision(12, 2);
            outcome.HasOne<EngagementEvent>().WithMany().HasForeignKey(o => o.EventId).OnDelete(DeleteBehavior.Restrict);
            // A registration with outcomes is no longer withdrawn (the event was held), but the database says so too.
            outcome.HasOne<EventRegistration>().WithMany().HasForeignKey(o => o.EnterpriseRegistrationId).OnDelete(DeleteBehavior.Restrict);
            outcome.HasOne<EventRegistration>().WithMany().HasForeignKey(o => o.BankRegistrationId).OnDelete(DeleteBehavior.Restrict);
            outcome.HasIndex(o => new { o.EventId, o.RecordedAt, o.Id });
        });
        modelBuilder.Entity<FriendshipPair>(pair =>
        {
            pair.ToTable("friendship_pairs");
            pair.Property(p => p.Id).ValueGeneratedNever();
            pair.Property(p => p.CadreName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            pair.HasOne<UnitedFrontContact>().WithMany().HasForeignKey(p => p.ContactId).OnDelete(DeleteBehavior.Restrict);
            // One pair of the same cadre and contact at a time; an ended pair may be formed again.
            pair.HasIndex(p => new { p.CadreId, p.ContactId }).IsUnique().HasFilter("ended_on IS NULL");
            pair.HasIndex(p => new { p.FormedAt, p.Id });
        });
        modelBuilder.Entity<FriendshipContact>(contact =>
        {
            contact.ToTable("friendship_contacts");
            contact.Property(c => c.Id).ValueGeneratedNever();
            contact.Property(c => c.Way).HasConversion<string>().HasMaxLength(30);
            contact.Property(c => c.Note).HasMaxLength(FriendshipContact.NoteMaxLength);
            contact.HasOne<FriendshipPair>().WithMany().HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Restrict);
            contact.HasIndex(c => new { c.PairId, c.On });
        });
        modelBuilder.Entity<ThoughtTrendNote>(note =>
        {
            note.ToTable("thought_trend_notes");
            note.Property(n => n.Id).ValueGeneratedNever();
            note.Property(n => n.ContactCategory).HasConversion<string>().HasMaxLength(40);
            note.Property(n => n.Topic).HasMaxLength(ThoughtTrendNote.TopicMaxLength);
            note.Property(n => n.Content).HasMaxLength(ThoughtTrendNote.ContentMaxLength);
            note.Property(n => n.AuthorName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            note.HasIndex(n => new { n.SubmittedAt, n.Id });
            note.HasIndex(n => new { n.AuthorId, n.ObservedOn });
        });
        modelBuilder.Entity<Policy>(policy =>
        {
            policy.ToTable("policies");
            policy.Property(p => p.Id).ValueGeneratedNever();
            policy.Property(p => p.Title).HasMaxLength(Policy.TitleMaxLength);
            policy.Property(p => p.Issuer).HasMaxLength(Policy.IssuerMaxLength);
            policy.Property(p => p.Region).HasMaxLength(Policy.RegionMaxLength);
            policy.Property(p => p.Summary).HasMaxLength(Policy.SummaryMaxLength);
            policy.Property(p => p.FullText).HasMaxLength(Policy.FullTextMaxLength);
            policy.Property(p => p.Version).IsConcurrencyToken();
            policy.HasGeneratedTsVectorColumn(p => p.SearchVector, ChineseSearch.Configuration, p => new { p.SearchTerms });
            policy.HasIndex(p => p.SearchVector).HasMethod("gin");
            policy.HasIndex(p => p.Tags).HasMethod("gin");
            policy.HasIndex(p => new { p.IssuedOn, p.Id });
        });
        modelBuilder.Entity<TaskForceWork>(work =>
        {
            work.ToTable("task_force_work");
            work.Property(w => w.Id).ValueGeneratedNever();
            work.Property(w => w.Kind).HasConversion<string>().HasMaxLength(30);
            work.Property(w => w.Stage).HasConversion<string>().HasMaxLength(20);
            work.Property(w => w.Name).HasMaxLength(TaskForceWork.NameMaxLength);
            work.Property(w => w.EnterpriseName).HasMaxLength(UnitedFrontContact.EnterpriseNameMaxLength);
            work.Property(w => w.EnterpriseCreditCode).HasMaxLength(UnifiedSocialCreditCode.Length);
            work.Property(w => w.Sector).HasMaxLength(TaskForceWork.SectorMaxLength);
            work.Property(w => w.AmountInTenThousandYuan).HasPrecision(12, 2);
            work.HasMany(w => w.Steps).WithOne().HasForeignKey(s => s.WorkId).OnDelete(DeleteBehavior.Restrict);
            work.Navigation(w => w.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
            work.HasIndex(w => new { w.RegisteredAt, w.Id });
            work.HasIndex(w => new { w.TaskForceId, w.Kind });
        });
        modelBuilder.Entity<WorkStep>(step =>
        {
            step.ToTable("task_force_work_steps");
            step.Property(s => s.Id).ValueGeneratedNever();
            step.Property(s => s.FromStage).HasConversion<string>().HasMaxLength(20);
            step.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
            step.Property(s => s.Note).HasMaxLength(TaskForceWork.NoteMaxLength);
            step.Property(s => s.RecordedByName).HasMaxLength(UnitMember.DisplayNameMaxLength);
            step.HasIndex(s => s.On);
        });
        modelBuilder.Entity<FrozenBoard>(board =>
        {
            board.ToTable("frozen_task_force_boards");
            board.HasKey(b => b.Month);
            board.Property(b => b.Board).HasJsonColumn();
        });
        modelBuilder.AddEventVersions();
    }
}

public sealed class LiaisonDesignTimeFactory : DesignTimeDbContextFactory<LiaisonDbContext>;
