using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Infrastructure;

namespace BrandPlatform.Study.Features.Branches;

/// <summary>The units study schedules for, copied from the directory (queue study-directory-units).</summary>
public sealed class DirectoryUnitsCopy(StudyDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<StudyDbContext>(db, timeProvider, logger);

/// <summary>
/// The rosters of branches, party groups, the leadership team, the central group and the youth study group, whose
/// members the rules expect at their activities (queue study-branch-rosters: its name predates the other units).
/// </summary>
[ProjectionName("branch-rosters")]
public sealed class UnitRostersCopy(StudyDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger)
    : UnitRostersProjection<StudyDbContext>(db, timeProvider, logger);
