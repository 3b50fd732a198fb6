using BrandPlatform.Platform.Audit;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Policies;
using BrandPlatform.Tickets.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Infrastructure;

public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : DbContext(options), IDirectoryUnits
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Requester> Requesters => Set<Requester>();
    public DbSet<Chamber> Chambers => Set<Chamber>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<CitablePolicy> CitablePolicies => Set<CitablePolicy>();

    /// <summary>Whether a ticket names this external reference already: a problem announced again is not filed twice.</summary>
    public Task<bool> FiledAsync(ExternalReference external, CancellationToken cancellationToken) =>
        Tickets.AnyAsync(t => t.External!.Source == external.Source && t.External.Reference == external.Reference, cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddAuditLog();
        modelBuilder.AddDirectoryUnits();

        modelBuilder.Entity<Ticket>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.HasKey(t => t.Id);
            ticket.Property(t => t.Id).ValueGeneratedNever();
            ticket.Property(t => t.Number)
                .HasConversion(n => n.Value, v => TicketNumber.Parse(v))
                .HasMaxLength(20);
            ticket.HasIndex(t => t.Number).IsUnique();
            ticket.Property(t => t.Title).HasMaxLength(Ticket.TitleMaxLength);
            ticket.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMaxLength);
            ticket.Property(t => t.RequesterName).HasMaxLength(Requester.NameMaxLength);
            ticket.Property(t => t.UnifiedSocialCreditCode).HasMaxLength(18).IsFixedLength();
            ticket.HasOne<Requester>().WithMany().HasForeignKey(t => t.RequesterId).OnDelete(DeleteBehavior.Restrict);
            ticket.HasIndex(t => t.ChamberId);
            ticket.HasMany(t => t.CoHandlingFeedback).WithOne().HasForeignKey(f => f.TicketId);
            ticket.Navigation(t => t.CoHandlingFeedback).HasField("coHandlingFeedback").UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.HasMany(t => t.Attachments).WithOne().HasForeignKey(a => a.TicketId);
            ticket.Navigation(t => t.Attachments).HasField("attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.Property(t => t.Category).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.State).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.StateBeforePause).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.Priority).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.Channel).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.RequesterKind).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.Satisfaction).HasConversion<string>().HasMaxLength(32);
            // Optimistic concurrency: a change based on an older version fails instead of overwriting (ETag / If-Match).
            // The ticket's events have their own sequence (EventVersions), for the reason given there.
            ticket.Property(t => t.Version).IsConcurrencyToken();
            ticket.HasIndex(t => t.SubmittedAt);
            ticket.HasIndex(t => new { t.State, t.ResolutionDue });
            ticket.HasIndex(t => t.UnifiedSocialCreditCode);
            ticket.OwnsOne(t => t.External, external =>
            {
                external.Property(e => e.Source).HasColumnName("external_source").HasMaxLength(ExternalReference.MaxLength);
                external.Property(e => e.Reference).HasColumnName("external_reference").HasMaxLength(ExternalReference.MaxLength);
                external.HasIndex(e => new { e.Source, e.Reference }).IsUnique();
            });
            ticket.HasIndex(t => new { t.LastChangedAt, t.Id });
            ticket.OwnsOne(t => t.Objection, objection =>
            {
                objection.Property(o => o.Reason).HasColumnName("objection_reason").HasMaxLength(Ticket.NoteMaxLength);
                objection.Property(o => o.RaisedAt).HasColumnName("objection_raised_at");
                objection.Property(o => o.RaisedBy).HasColumnName("objection_raised_by").HasMaxLength(100);
                objection.Property(o => o.DecisionDue).HasColumnName("objection_decision_due");
            });
            ticket.OwnsOne(t => t.WithdrawalReview, review =>
            {
                review.Property(r => r.ReviewedAt).HasColumnName("withdrawal_reviewed_at");
                review.Property(r => r.PressedByUnit).HasColumnName("withdrawal_pressed_by_unit");
                review.Property(r => r.Note).HasColumnName("withdrawal_review_note").HasMaxLength(Ticket.NoteMaxLength);
            });
            ticket.Property(t => t.CitedPolicies).HasJsonColumn();
            ticket.HasMany(t => t.ReturnVisits).WithOne().HasForeignKey(v => v.TicketId);
            ticket.Navigation(t => t.ReturnVisits).HasField("returnVisits").UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.HasIndex(t => new { t.State, t.ConfirmationDue });
            ticket.HasIndex(t => t.ReturnVisitPending).HasFilter("return_visit_pending");
            ticket.HasIndex(t => t.WithdrawnAt);
            ticket.OwnsOne(t => t.Extension, extension =>
            {
                extension.Property(e => e.RequestedDue).HasColumnName("extension_requested_due");
                extension.Property(e => e.Reason).HasColumnName("extension_reason").HasMaxLength(Ticket.NoteMaxLength);
                extension.Property(e => e.RequestedAt).HasColumnName("extension_requested_at");
                extension.Property(e => e.RequestedBy).HasColumnName("extension_requested_by").HasMaxLength(100);
            });
            ticket.Property(t => t.SubmittedBy).HasMaxLength(128);
            ticket.HasIndex(t => t.SubmittedBy);
            ticket.Property(t => t.FilingSystem).HasMaxLength(128);
            ticket.Property(t => t.ChamberName).HasMaxLength(Chamber.NameMaxLength);
            ticket.Property(t => t.EscalationLevel).HasConversion<string>().HasMaxLength(32);
            ticket.HasMany(t => t.SupervisionOrders).WithOne().HasForeignKey(o => o.TicketId);
            ticket.Navigation(t => t.SupervisionOrders).HasField("supervisionOrders").UsePropertyAccessMode(PropertyAccessMode.Field);
            ticket.HasMany(t => t.Timeline).WithOne().HasForeignKey(e => e.TicketId);
            ticket.Navigation(t => t.Timeline).HasField("timeline").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<CoHandlingFeedback>(feedback =>
        {
            feedback.ToTable("co_handling_feedback");
            feedback.Property(f => f.Id).ValueGeneratedNever();
            feedback.Property(f => f.Note).HasMaxLength(Ticket.NoteMaxLength);
            feedback.Property(f => f.GivenBy).HasMaxLength(100);
        });

        modelBuilder.Entity<Attachment>(attachment =>
        {
            attachment.ToTable("ticket_attachments");
            attachment.Property(a => a.Id).ValueGeneratedNever();
            attachment.Property(a => a.FileName).HasMaxLength(AttachmentInfo.FileNameMaxLength);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            attachment.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
            attachment.Property(a => a.AddedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<Requester>(requester =>
        {
            requester.ToTable("requesters");
            requester.Property(r => r.Id).ValueGeneratedNever();
            requester.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            requester.Property(r => r.Name).HasMaxLength(Requester.NameMaxLength);
            requester.Property(r => r.UnifiedSocialCreditCode).HasMaxLength(18).IsFixedLength();
            requester.HasIndex(r => r.UnifiedSocialCreditCode).IsUnique();
            requester.Property(r => r.PersonCategory).HasConversion<string>().HasMaxLength(32);
            requester.HasOne<Chamber>().WithMany().HasForeignKey(r => r.ChamberId);
            requester.HasIndex(r => r.Name);
            requester.HasMany(r => r.Contacts).WithOne().HasForeignKey(c => c.RequesterId);
            requester.Navigation(r => r.Contacts).HasField("contacts").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<RequesterContact>(contact =>
        {
            contact.ToTable("requester_contacts");
            contact.Property(c => c.Id).ValueGeneratedNever();
            contact.Property(c => c.Name).HasMaxLength(RequesterContact.NameMaxLength);
            contact.Property(c => c.Phone).HasMaxLength(PhoneNumbers.MaxLength);
            contact.Property(c => c.Position).HasMaxLength(RequesterContact.PositionMaxLength);
        });

        modelBuilder.Entity<Chamber>(chamber =>
        {
            chamber.ToTable("chambers");
            chamber.Property(c => c.Id).ValueGeneratedNever();
            chamber.Property(c => c.Name).HasMaxLength(Chamber.NameMaxLength);
            // Unique among the chambers kept here before (they are matched to liaison's by name); liaison keeps the
            // names of its own unique, and two may meet for a moment while a rebuild states old names again.
            chamber.HasIndex(c => c.Name).IsUnique().HasFilter("organisation_id IS NULL");
            chamber.HasIndex(c => c.OrganisationId).IsUnique();
            chamber.HasMany(c => c.LeaderLinks).WithOne().HasForeignKey(l => l.ChamberId);
            chamber.Navigation(c => c.LeaderLinks).HasField("leaderLinks").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ChamberLeaderLink>(link =>
        {
            link.ToTable("chamber_leader_links");
            link.Property(l => l.Id).ValueGeneratedNever();
            link.Property(l => l.LeaderName).HasMaxLength(ChamberLeaderLink.LeaderNameMaxLength);
            link.HasIndex(l => l.LeaderId);
        });

        modelBuilder.Entity<RoutingRule>(rule =>
        {
            rule.ToTable("routing_rules");
            rule.HasKey(r => r.Category);
            rule.Property(r => r.Category).HasConversion<string>().HasMaxLength(32);
            rule.HasOne<DirectoryUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<TimelineEntry>(entry =>
        {
            entry.ToTable("ticket_timeline");
            entry.Property(e => e.Action).HasMaxLength(32);
            entry.Property(e => e.FromState).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.ToState).HasConversion<string>().HasMaxLength(32);
            entry.Property(e => e.ActorId).HasMaxLength(128);
            entry.Property(e => e.ActorName).HasMaxLength(100);
            entry.Property(e => e.ActorRole).HasMaxLength(64);
            entry.Property(e => e.Note).HasMaxLength(Ticket.NoteMaxLength);
            entry.HasIndex(e => new { e.TicketId, e.Id });
        });

        modelBuilder.Entity<WebhookSubscription>(subscription =>
        {
            subscription.ToTable("webhook_subscriptions");
            subscription.Property(s => s.Id).ValueGeneratedNever();
            subscription.Property(s => s.Owner).HasMaxLength(128);
            subscription.Property(s => s.CallbackUrl).HasMaxLength(WebhookSubscription.UrlMaxLength);
            subscription.Property(s => s.Secret).HasMaxLength(64);
            subscription.HasIndex(s => s.Owner);
        });

        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.Property(d => d.Id).ValueGeneratedNever();
            delivery.Property(d => d.LastError).HasMaxLength(500);
            delivery.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId);
            delivery.Property(d => d.ClaimToken).IsConcurrencyToken();
            delivery.HasIndex(d => new { d.DeliveredAt, d.GaveUpAt, d.NextAttemptAt });
            delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        });

        modelBuilder.Entity<ReturnVisit>(visit =>
        {
            visit.ToTable("return_visits");
            visit.Property(v => v.Id).ValueGeneratedNever();
            visit.Property(v => v.VisitedBy).HasMaxLength(100);
            visit.Property(v => v.Satisfaction).HasConversion<string>().HasMaxLength(32);
            visit.Property(v => v.Note).HasMaxLength(Ticket.NoteMaxLength);
        });

        modelBuilder.Entity<SupervisionOrder>(order =>
        {
            order.ToTable("supervision_orders");
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.Instructions).HasMaxLength(SupervisionOrder.TextMaxLength);
            order.Property(o => o.Answer).HasMaxLength(SupervisionOrder.TextMaxLength);
            order.HasIndex(o => new { o.LeaderId, o.IssuedAt });
            order.HasMany(o => o.Entries).WithOne().HasForeignKey(e => e.OrderId);
            order.Navigation(o => o.Entries).HasField("entries").UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<SupervisionEntry>(entry =>
        {
            entry.ToTable("supervision_entries");
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.Kind).HasMaxLength(16);
            entry.Property(e => e.Text).HasMaxLength(SupervisionOrder.TextMaxLength);
            entry.Property(e => e.By).HasMaxLength(SupervisionEntry.ByMaxLength);
            entry.HasIndex(e => new { e.OrderId, e.At });
        });

        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_keys");
            record.HasKey(r => new { r.Caller, r.Key });
            record.Property(r => r.Caller).HasMaxLength(128);
            record.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
            record.Property(r => r.RequestHash).HasMaxLength(64);
        });

        modelBuilder.AddCitablePolicies();
        modelBuilder.AddEventVersions();
    }
}

/// <summary>
/// A creation request made with an Idempotency-Key: the same caller retrying with the same key gets the same ticket, never
/// a second one. Kept with the ticket it created.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 100;

    public string Caller { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>SHA-256 of the request body: the same key with a different request is refused.</summary>
    public string RequestHash { get; set; } = "";
    public Guid TicketId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TicketsDesignTimeFactory : DesignTimeDbContextFactory<TicketsDbContext>;
