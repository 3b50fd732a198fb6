using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Discipline.Features.Directory;

/// <summary>The branches sessions are held by, copied from the directory (queue discipline-directory-units).</summary>
public sealed class DirectoryUnitsCopy(DisciplineDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<DisciplineDbContext>(db, timeProvider, logger);

/// <summary>
/// The rosters: a branch's members are whom its sessions expect and whom its coverage counts; the leadership team's
/// sign the leaders' pledge (queue discipline-unit-rosters).
/// </summary>
public sealed class UnitRostersCopy(DisciplineDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger)
    : UnitRostersProjection<DisciplineDbContext>(db, timeProvider, logger);
