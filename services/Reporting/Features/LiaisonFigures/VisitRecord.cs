using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.LiaisonFigures;

/// <summary>A liaison visit as reach counts it: its day, its kind and the contacts it met with their categories.</summary>
public sealed class VisitRecord : IEventRecord<VisitEvent, VisitRecord>
{
    private VisitRecord() { }

    public Guid VisitId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateOnly VisitedOn { get; private set; }
    public List<Guid> ContactIds { get; private set; } = [];
    /// <summary>One per contact, in <see cref="ContactIds"/>' order.</summary>
    public List<string> ContactCategories { get; private set; } = [];
    public int ProblemCount { get; private set; }
    /// <summary>PostgreSQL's row version (xmin).</summary>
    public uint Version { get; private set; }

    public static Guid KeyOf(VisitEvent integrationEvent) => integrationEvent.VisitId;

    public static VisitRecord For(VisitEvent integrationEvent) => new() { VisitId = integrationEvent.VisitId };

    public void Apply(VisitEvent integrationEvent)
    {
        Kind = integrationEvent.Kind;
        VisitedOn = integrationEvent.VisitedOn;
        if (integrationEvent is VisitRecorded recorded)
        {
            ContactIds = [.. recorded.ContactIds];
            ContactCategories = [.. recorded.ContactCategories];
            ProblemCount = recorded.ProblemCount;
        }
    }
}

/// <summary>Liaison's visits (queue reporting-liaison-visits).</summary>
[ProjectionName("liaison-visits")]
public sealed class VisitsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<VisitsProjection> logger)
    : RecordProjection<VisitEvent, VisitRecord, ReportingDbContext>(db, timeProvider, logger);

public static class LiaisonFiguresModel
{
    public static ModelBuilder AddLiaisonFigureTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VisitRecord>(visit =>
        {
            visit.ToTable("liaison_visits");
            visit.HasKey(v => v.VisitId);
            visit.Property(v => v.VisitId).ValueGeneratedNever();
            visit.Property(v => v.Kind).HasMaxLength(40);
            visit.HasIndex(v => v.VisitedOn);
            visit.Property(v => v.Version).IsRowVersion();
        });
        return modelBuilder;
    }
}
