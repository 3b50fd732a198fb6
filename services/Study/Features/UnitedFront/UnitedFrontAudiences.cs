using BrandPlatform.Contracts.Liaison;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.UnitedFront;

/// <summary>
/// Study's copy of a liaison contact (代表人士, 民营经济人士, 新的社会阶层人士): a person outside the organ, with no account,
/// whom a thematic-education activity for a united-front audience expects; the keeper marks whether they came.
/// </summary>
public sealed class UnitedFrontContact : IEventRecord<ContactEvent, UnitedFrontContact>
{
    public const string RepresentativeFigure = "representativeFigure";
    public const string PrivateEntrepreneur = "privateEntrepreneur";
    public const string NewSocialClassFigure = "newSocialClassFigure";

    private UnitedFrontContact() { }

    public Guid ContactId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Liaison's category code.</summary>
    public string Category { get; private set; } = "";
    public Guid? OrganisationId { get; private set; }
    /// <summary>PostgreSQL's row version (xmin).</summary>
    public uint Version { get; private set; }

    public static Guid KeyOf(ContactEvent integrationEvent) => integrationEvent.ContactId;

    public static UnitedFrontContact For(ContactEvent integrationEvent) => new() { ContactId = integrationEvent.ContactId };

    public void Apply(ContactEvent integrationEvent)
    {
        Name = integrationEvent.Name;
        Category = integrationEvent.Category;
        OrganisationId = integrationEvent.OrganisationId;
    }
}

/// <summary>Study's copy of a united-front organisation (a democratic party's committee, a chamber, an association): an audience a thematic education may name.</summary>
public sealed class UnitedFrontOrganisation : IEventRecord<OrganisationEvent, UnitedFrontOrganisation>
{
    public const string DemocraticParty = "democraticParty";

    private UnitedFrontOrganisation() { }

    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public string Category { get; private set; } = "";
    public uint Version { get; private set; }

    public static Guid KeyOf(OrganisationEvent integrationEvent) => integrationEvent.OrganisationId;

    public static UnitedFrontOrganisation For(OrganisationEvent integrationEvent) => new() { OrganisationId = integrationEvent.OrganisationId };

    public void Apply(OrganisationEvent integrationEvent)
    {
        Name = integrationEvent.Name;
        Category = integrationEvent.Category;
    }
}

/// <summary>Liaison's contact events, in each contact's order (queue study-united-front-contacts).</summary>
[ProjectionName("united-front-contacts")]
public sealed class UnitedFrontContacts(StudyDbContext db, TimeProvider timeProvider, ILogger<UnitedFrontContacts> logger)
    : RecordProjection<ContactEvent, UnitedFrontContact, StudyDbContext>(db, timeProvider, logger);

/// <summary>Liaison's organisation events, in each organisation's order (queue study-united-front-organisations).</summary>
[ProjectionName("united-front-organisations")]
public sealed class UnitedFrontOrganisations(StudyDbContext db, TimeProvider timeProvider, ILogger<UnitedFrontOrganisations> logger)
    : RecordProjection<OrganisationEvent, UnitedFrontOrganisation, StudyDbContext>(db, timeProvider, logger);

public static class UnitedFrontAudiences
{
    /// <summary>
    /// The contacts a united-front audience expects: the members of the organisation it names, or else those of its
    /// category (a democratic party's: the contacts of every democratic party's committee; mixed: every contact).
    /// </summary>
    public static IQueryable<UnitedFrontContact> Expected(this StudyDbContext db, ActivityAudience audience)
    {
        var contacts = db.UnitedFrontContacts.AsNoTracking();
        if (audience.OrganisationId is { } organisation)
        {
            return contacts.Where(c => c.OrganisationId == organisation);
        }
        return audience.UnitedFrontCategory switch
        {
            UnitedFrontCategory.DemocraticParty => contacts.Where(c => db.UnitedFrontOrganisations
                .Any(o => o.OrganisationId == c.OrganisationId && o.Category == UnitedFrontOrganisation.DemocraticParty)),
            UnitedFrontCategory.PrivateEconomy => contacts.Where(c => c.Category == UnitedFrontContact.PrivateEntrepreneur),
            UnitedFrontCategory.NewSocialClass => contacts.Where(c => c.Category == UnitedFrontContact.NewSocialClassFigure),
            _ => contacts,
        };
    }

    public static ModelBuilder AddUnitedFrontAudiences(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UnitedFrontContact>(contact =>
        {
            contact.ToTable("united_front_contacts");
            contact.HasKey(c => c.ContactId);
            contact.Property(c => c.ContactId).ValueGeneratedNever();
            contact.Property(c => c.Name).HasMaxLength(50);
            contact.Property(c => c.Category).HasMaxLength(40);
            contact.Property(c => c.Version).IsRowVersion();
            contact.HasIndex(c => c.OrganisationId);
            contact.HasIndex(c => c.Category);
        });
        modelBuilder.Entity<UnitedFrontOrganisation>(organisation =>
        {
            organisation.ToTable("united_front_organisations");
            organisation.HasKey(o => o.OrganisationId);
            organisation.Property(o => o.OrganisationId).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(100);
            organisation.Property(o => o.Category).HasMaxLength(40);
            organisation.Property(o => o.Version).IsRowVersion();
        });
        return modelBuilder;
    }
}
