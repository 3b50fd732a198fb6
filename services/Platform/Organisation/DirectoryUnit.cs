using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Organisation;

/// <summary>
/// A service's local copy of one organisation unit of the directory (owned by the identity service), kept from the
/// directory's events: study schedules activities for branches, tickets assigns task forces and departments.
/// </summary>
public sealed class DirectoryUnit
{
    public const int NameMaxLength = 100;

    private DirectoryUnit() { }

    public DirectoryUnit(Guid id, string kind, string name, Guid? parentId)
    {
        Id = id;
        Kind = kind;
        Name = name;
        ParentId = parentId;
    }

    public Guid Id { get; private set; }
    /// <summary>The directory's camelCase kind code (see <see cref="UnitKinds"/>).</summary>
    public string Kind { get; private set; } = "";
    public string Name { get; private set; } = "";
    public Guid? ParentId { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    public bool IsActive => ValidTo is null;

    public void MoveTo(Guid parentId) => ParentId = parentId;

    public void Deactivate(DateOnly validTo) => ValidTo = validTo;

    /// <summary>Takes the directory's statement of the whole unit (a snapshot newer than this copy).</summary>
    public void Restate(string kind, string name, Guid? parentId, DateOnly? validTo)
    {
        Kind = kind;
        Name = name;
        ParentId = parentId;
        ValidTo = validTo;
    }
}

/// <summary>The directory's unit kind codes as they travel in its events.</summary>
public static class UnitKinds
{
    public const string OrganCommittee = "organCommittee";
    public const string Branch = "branch";
    public const string PartyGroup = "partyGroup";
    public const string LeadershipTeam = "leadershipTeam";
    public const string CentralStudyGroup = "centralStudyGroup";
    public const string YouthStudyGroup = "youthStudyGroup";
    public const string TaskForce = "taskForce";
    public const string Department = "department";
}

/// <summary>A DbContext that keeps the directory's units.</summary>
public interface IDirectoryUnits
{
    DbSet<DirectoryUnit> Units { get; }
}

public static class DirectoryUnitModel
{
    /// <summary>The units and the positions of the projection that keeps them.</summary>
    public static ModelBuilder AddDirectoryUnits(this ModelBuilder modelBuilder)
    {
        modelBuilder.AddVersionedProjections();
        modelBuilder.Entity<DirectoryUnit>(unit =>
        {
            unit.ToTable("units");
            unit.Property(u => u.Id).ValueGeneratedNever();
            unit.Property(u => u.Kind).HasMaxLength(32);
            unit.Property(u => u.Name).HasMaxLength(DirectoryUnit.NameMaxLength);
            unit.HasIndex(u => u.Kind);
        });
        return modelBuilder;
    }
}

/// <summary>
/// The directory's units as a service keeps them, from every unit event in each unit's order. Each service declares
/// one sealed subclass for its DbContext (MassTransit finds it in the service's assembly and names its queue
/// <c>{service}-directory-units</c>).
/// </summary>
[ProjectionName("directory-units")]
public abstract class DirectoryUnitsProjection<TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : VersionedProjection<OrganisationUnitEvent, TDbContext>(db, timeProvider, logger)
    where TDbContext : DbContext, IDirectoryUnits
{
    protected override async Task ApplyAsync(OrganisationUnitEvent integrationEvent, CancellationToken cancellationToken)
    {
        switch (integrationEvent)
        {
            case OrganisationUnitCreated created when await FindAsync(created.UnitId, cancellationToken) is null:
                Db.Units.Add(new DirectoryUnit(created.UnitId, created.Kind, created.Name, created.ParentId));
                break;
            case OrganisationUnitAnnounced announced:
                var unit = await FindAsync(announced.UnitId, cancellationToken);
                if (unit is null)
                {
                    unit = new DirectoryUnit(announced.UnitId, announced.Kind, announced.Name, announced.ParentId);
                    Db.Units.Add(unit);
                }
                unit.Restate(announced.Kind, announced.Name, announced.ParentId, announced.ValidTo);
                break;
            case OrganisationUnitMoved moved:
                (await KnownAsync(moved.UnitId, cancellationToken)).MoveTo(moved.ToParentId);
                break;
            case OrganisationUnitDeactivated deactivated:
                (await KnownAsync(deactivated.UnitId, cancellationToken)).Deactivate(deactivated.ValidTo);
                break;
        }
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.Units.ExecuteDeleteAsync(cancellationToken);

    private async Task<DirectoryUnit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Db.Units.FindAsync([id], cancellationToken);

    // In order, a unit's creation comes before its changes; only an unnumbered event from before versioning can
    // overtake it, and its retry finds the unit.
    private async Task<DirectoryUnit> KnownAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Unit {id} is not known yet; the retry will find it.");
}
