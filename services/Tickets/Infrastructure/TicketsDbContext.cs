using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Tickets.Domain;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Tickets.Infrastructure;

public sealed class TicketsDbContext(DbContextOptions<TicketsDbContext> options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();

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
            ticket.Property(t => t.EnterpriseName).HasMaxLength(Ticket.EnterpriseNameMaxLength);
            ticket.Property(t => t.UnifiedSocialCreditCode).HasMaxLength(18).IsFixedLength();
            ticket.Property(t => t.Category).HasConversion<string>().HasMaxLength(32);
            ticket.Property(t => t.State).HasConversion<string>().HasMaxLength(32);
            ticket.HasIndex(t => t.SubmittedAt);
        });

        modelBuilder.Entity<TicketNumberSequence>(sequence =>
        {
            sequence.ToTable("ticket_number_sequences");
            sequence.HasKey(s => s.Year);
            sequence.Property(s => s.Year).ValueGeneratedNever();
        });
    }
}

/// <summary>The last number given out in a year; numbers restart at 1 every year, without gaps.</summary>
public sealed class TicketNumberSequence
{
    public int Year { get; set; }
    public long LastValue { get; set; }
}

public sealed class TicketsDesignTimeFactory : DesignTimeDbContextFactory<TicketsDbContext>;
