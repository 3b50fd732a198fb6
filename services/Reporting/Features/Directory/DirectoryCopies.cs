using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Infrastructure;

namespace BrandPlatform.Reporting.Features.Directory;

/// <summary>
/// The units every figure is grouped by, under their current names: a renamed or moved unit's history stays with it
/// (queue reporting-directory-units).
/// </summary>
public sealed class DirectoryUnitsCopy(ReportingDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<ReportingDbContext>(db, timeProvider, logger);

/// <summary>
/// The rosters: a branch's members on a day are the denominators of study and discipline coverage
/// (queue reporting-unit-rosters).
/// </summary>
public sealed class UnitRostersCopy(ReportingDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger)
    : UnitRostersProjection<ReportingDbContext>(db, timeProvider, logger);
