using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Liaison.Features.Directory;

/// <summary>
/// The directory's rosters: a contact's responsible cadre is a person who currently belongs to a unit of the organ, and
/// the contact keeps that person's name (queue liaison-unit-rosters).
/// </summary>
public sealed class UnitRostersCopy(LiaisonDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger)
    : UnitRostersProjection<LiaisonDbContext>(db, timeProvider, logger);

/// <summary>The directory's units: the task forces that own key projects, leads and relocation cases, by their current names (queue liaison-directory-units).</summary>
public sealed class DirectoryUnitsCopy(LiaisonDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<LiaisonDbContext>(db, timeProvider, logger);
