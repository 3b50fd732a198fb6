using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

/// <summary>A member's registration with a home community for a year (在职党员到社区报到), as coverage counts it.</summary>
public sealed class RegistrationRecord : IEventRecord<MemberRegistrationEvent, RegistrationRecord>
{
    public const string Pending = "pending", Confirmed = "confirmed";

    private RegistrationRecord() { }

    public Guid RegistrationId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid BranchId { get; private set; }
    public string CommunityName { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    /// <summary>pending, confirmed or ended: an ended registration no longer counts.</summary>
    public string State { get; private set; } = "";
    public uint Version { get; private set; }

    public static Guid KeyOf(MemberRegistrationEvent integrationEvent) => integrationEvent.RegistrationId;

    public static RegistrationRecord For(MemberRegistrationEvent integrationEvent) => new() { RegistrationId = integrationEvent.RegistrationId };

    public void Apply(MemberRegistrationEvent integrationEvent)
    {
        PersonId = integrationEvent.PersonId;
        BranchId = integrationEvent.BranchId;
        CommunityName = integrationEvent.CommunityName;
        Year = integrationEvent.Year;
        RegisteredOn = integrationEvent.RegisteredOn;
        State = integrationEvent.State;
    }
}

/// <summary>A quarter's service theme (一季一主题) and how many services under it each branch holds.</summary>
public sealed class ServiceThemeRecord : IEventRecord<ServiceThemeEvent, ServiceThemeRecord>
{
    private ServiceThemeRecord() { }

    public Guid ThemeId { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public string Title { get; private set; } = "";
    public int ServicesPerBranch { get; private set; }
    /// <summary>When the theme was set: should a quarter ever get a second one, the latest is the quarter's.</summary>
    public DateTimeOffset SetAt { get; private set; }
    public uint Version { get; private set; }

    public static Guid KeyOf(ServiceThemeEvent integrationEvent) => integrationEvent.ThemeId;

    public static ServiceThemeRecord For(ServiceThemeEvent integrationEvent) => new() { ThemeId = integrationEvent.ThemeId, SetAt = integrationEvent.OccurredAt };

    public void Apply(ServiceThemeEvent integrationEvent)
    {
        Year = integrationEvent.Year;
        Quarter = integrationEvent.Quarter;
        Title = integrationEvent.Title;
        ServicesPerBranch = integrationEvent.ServicesPerBranch;
        if (integrationEvent is ServiceThemeSet)
        {
            SetAt = integrationEvent.OccurredAt;
        }
    }
}

/// <summary>
/// A community service (志愿服务) a branch held: counted for the branch's quarter, and shown on the card of each member
/// who served (the participants' ids are kept for that only; figures compare branches, never people).
/// </summary>
public sealed class CommunityServiceRecord : IEventRecord<CommunityServiceEvent, CommunityServiceRecord>
{
    private CommunityServiceRecord() { }

    public Guid ServiceId { get; private set; }
    public Guid BranchId { get; private set; }
    public string CommunityName { get; private set; } = "";
    public Guid? ThemeId { get; private set; }
    public DateOnly On { get; private set; }
    public List<Guid> ParticipantIds { get; private set; } = [];
    public int PeopleServed { get; private set; }
    /// <summary>Kept for the record and summed per branch, never ranked.</summary>
    public decimal? Hours { get; private set; }
    public string Summary { get; private set; } = "";
    public uint Version { get; private set; }

    public static Guid KeyOf(CommunityServiceEvent integrationEvent) => integrationEvent.ServiceId;

    public static CommunityServiceRecord For(CommunityServiceEvent integrationEvent) => new() { ServiceId = integrationEvent.ServiceId };

    public void Apply(CommunityServiceEvent integrationEvent)
    {
        BranchId = integrationEvent.BranchId;
        CommunityName = integrationEvent.CommunityName;
        ThemeId = integrationEvent.ThemeId;
        On = integrationEvent.On;
        ParticipantIds = [.. integrationEvent.ParticipantIds];
        PeopleServed = integrationEvent.PeopleServed;
        Hours = integrationEvent.Hours;
        Summary = integrationEvent.Summary;
    }
}

/// <summary>A publicity item (宣传稿件): when it was published and when what it tells of happened (the publication lag).</summary>
public sealed class PublicityItemRecord : IEventRecord<PublicityItemEvent, PublicityItemRecord>
{
    public const string Published = "published";

    private PublicityItemRecord() { }

    public Guid ItemId { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid BranchId { get; private set; }
    public string Title { get; private set; } = "";
    public string? SourceKind { get; private set; }
    public Guid? SourceId { get; private set; }
    public DateTimeOffset? SourceOccurredAt { get; private set; }
    public string State { get; private set; } = "";
    /// <summary>The last publication: an item withdrawn keeps it, but only a published one counts.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint Version { get; private set; }

    public static Guid KeyOf(PublicityItemEvent integrationEvent) => integrationEvent.ItemId;

    public static PublicityItemRecord For(PublicityItemEvent integrationEvent) => new() { ItemId = integrationEvent.ItemId };

    public void Apply(PublicityItemEvent integrationEvent)
    {
        Kind = integrationEvent.Kind;
        BranchId = integrationEvent.BranchId;
        Title = integrationEvent.Title;
        SourceKind = integrationEvent.SourceKind;
        SourceId = integrationEvent.SourceId;
        SourceOccurredAt = integrationEvent.SourceOccurredAt;
        State = integrationEvent.State;
        if (integrationEvent is PublicityItemPublished published)
        {
            PublishedAt = published.PublishedAt;
        }
    }
}

/// <summary>The community service's registrations (queue reporting-community-registrations).</summary>
[ProjectionName("community-registrations")]
public sealed class RegistrationsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<RegistrationsProjection> logger)
    : RecordProjection<MemberRegistrationEvent, RegistrationRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>The quarters' service themes (queue reporting-community-themes).</summary>
[ProjectionName("community-themes")]
public sealed class ServiceThemesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<ServiceThemesProjection> logger)
    : RecordProjection<ServiceThemeEvent, ServiceThemeRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>The community services branches held (queue reporting-community-services).</summary>
[ProjectionName("community-services")]
public sealed class CommunityServicesProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<CommunityServicesProjection> logger)
    : RecordProjection<CommunityServiceEvent, CommunityServiceRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>The publicity items (queue reporting-publicity-items).</summary>
[ProjectionName("publicity-items")]
public sealed class PublicityItemsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<PublicityItemsProjection> logger)
    : RecordProjection<PublicityItemEvent, PublicityItemRecord, ReportingDbContext>(db, timeProvider, logger);

/// <summary>The tables of the community projections, each written by one projection only.</summary>
public static class CommunityFiguresModel
{
    public static ModelBuilder AddCommunityFigureTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegistrationRecord>(registration =>
        {
            registration.ToTable("community_registrations");
            registration.HasKey(r => r.RegistrationId);
            registration.Property(r => r.RegistrationId).ValueGeneratedNever();
            registration.Property(r => r.State).HasMaxLength(20);
            registration.HasIndex(r => new { r.Year, r.PersonId });
            registration.Property(r => r.Version).IsRowVersion();
        });
        modelBuilder.Entity<ServiceThemeRecord>(theme =>
        {
            theme.ToTable("community_service_themes");
            theme.HasKey(t => t.ThemeId);
            theme.Property(t => t.ThemeId).ValueGeneratedNever();
            theme.HasIndex(t => new { t.Year, t.Quarter });
            theme.Property(t => t.Version).IsRowVersion();
        });
        modelBuilder.Entity<CommunityServiceRecord>(service =>
        {
            service.ToTable("community_services");
            service.HasKey(s => s.ServiceId);
            service.Property(s => s.ServiceId).ValueGeneratedNever();
            service.HasIndex(s => s.On);
            service.Property(s => s.Version).IsRowVersion();
        });
        modelBuilder.Entity<PublicityItemRecord>(item =>
        {
            item.ToTable("publicity_items");
            item.HasKey(i => i.ItemId);
            item.Property(i => i.ItemId).ValueGeneratedNever();
            item.Property(i => i.Kind).HasMaxLength(20);
            item.Property(i => i.SourceKind).HasMaxLength(32);
            item.Property(i => i.State).HasMaxLength(20);
            item.HasIndex(i => i.PublishedAt);
            item.Property(i => i.Version).IsRowVersion();
        });
        return modelBuilder;
    }
}
