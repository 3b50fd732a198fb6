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
}

/// <summary>The directory's unit kind codes as they travel in its events.</summary>
public static class UnitKinds
{
    public const string Branch = "branch";
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
    public static ModelBuilder AddDirectoryUnits(this ModelBuilder modelBuilder)
    {
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

// Each service declares one sealed consumer per event deriving from these (MassTransit registers the service's own
// concrete consumers and names their queues after the service). Each applies its event once (inbox); a move or
// deactivation that overtakes the creation fails and the retry finds the unit.

public abstract class UnitCreatedConsumer<TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : InboxConsumer<OrganisationUnitCreated, TDbContext>(db, timeProvider, logger)
    where TDbContext : DbContext, IDirectoryUnits
{
    protected override async Task HandleAsync(OrganisationUnitCreated message, CancellationToken cancellationToken)
    {
        if (await Db.Units.FindAsync([message.UnitId], cancellationToken) is null)
        {
            Db.Units.Add(new DirectoryUnit(message.UnitId, message.Kind, message.Name, message.ParentId));
        }
    }
}

public abstract class UnitMovedConsumer<TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : InboxConsumer<OrganisationUnitMoved, TDbContext>(db, timeProvider, logger)
    where TDbContext : DbContext, IDirectoryUnits
{
    protected override async Task HandleAsync(OrganisationUnitMoved message, CancellationToken cancellationToken) =>
        (await Db.Units.FindAsync([message.UnitId], cancellationToken)
            ?? throw new InvalidOperationException($"Unit {message.UnitId} is not known yet; the retry will find it."))
        .MoveTo(message.ToParentId);
}

public abstract class UnitDeactivatedConsumer<TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : InboxConsumer<OrganisationUnitDeactivated, TDbContext>(db, timeProvider, logger)
    where TDbContext : DbContext, IDirectoryUnits
{
    protected override async Task HandleAsync(OrganisationUnitDeactivated message, CancellationToken cancellationToken) =>
        (await Db.Units.FindAsync([message.UnitId], cancellationToken)
            ?? throw new InvalidOperationException($"Unit {message.UnitId} is not known yet; the retry will find it."))
        .Deactivate(message.ValidTo);
}
