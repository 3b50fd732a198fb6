using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.Community.Features.Directory;

/// <summary>
/// The directory's rosters: who belongs to which branch (participants of a service, a practical matter's owner) and the
/// names records keep (queue community-unit-rosters).
/// </summary>
public sealed class UnitRostersCopy(CommunityDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger)
    : UnitRostersProjection<CommunityDbContext>(db, timeProvider, logger);

/// <summary>The directory's units: branches' and departments' names (queue community-directory-units).</summary>
public sealed class DirectoryUnitsCopy(CommunityDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<CommunityDbContext>(db, timeProvider, logger);
