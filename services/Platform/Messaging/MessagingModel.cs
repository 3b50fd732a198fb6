using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Platform.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox, event history and inbox tables to a service's model; every service's DbContext calls this once.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).ValueGeneratedNever();
            outbox.Property(m => m.EventName).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.CorrelationId).HasMaxLength(128);
            outbox.Property(m => m.TraceParent).HasMaxLength(64);
            outbox.Property(m => m.TraceState).HasMaxLength(512);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            // The dispatcher only ever looks for unsent rows; a partial index keeps that scan small forever.
            outbox.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL");
            outbox.HasIndex(m => m.SentAt);
        });

        modelBuilder.Entity<EventHistoryEntry>(history =>
        {
            history.ToTable("event_history");
            history.HasKey(e => e.Position);
            history.Property(e => e.Position).UseIdentityByDefaultColumn();
            history.HasIndex(e => e.EventId).IsUnique();
            history.Property(e => e.EventName).HasMaxLength(200);
            history.Property(e => e.Payload).HasColumnType("jsonb");
            // A rebuild reads one family's events in history order.
            history.HasIndex(e => new { e.EventName, e.Position });
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.HasIndex(m => m.ProcessedAt);
        });
        return modelBuilder;
    }
}
