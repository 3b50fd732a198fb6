using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Features.Rotation;
using BrandPlatform.Study.Infrastructure;

namespace BrandPlatform.Study.Features.Branches;

/// <summary>The units study schedules for, copied from the directory (queue study-directory-units).</summary>
public sealed class DirectoryUnitsCopy(StudyDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<StudyDbContext>(db, timeProvider, logger);

/// <summary>
/// The rosters of branches, party groups, the leadership team, the central group and the youth study group, whose
/// members the rules expect at their activities (queue study-branch-rosters: its name predates the other units).
/// A join or leave of a youth study group also gives its rotation's future terms again, in the same commit, so the
/// rotation is never fair to a roster other than the one stored.
/// </summary>
[ProjectionName("branch-rosters")]
public sealed class UnitRostersCopy : UnitRostersProjection<StudyDbContext>
{
    private readonly TimeProvider clock;

    public UnitRostersCopy(StudyDbContext db, TimeProvider timeProvider, ILogger<UnitRostersCopy> logger) : base(db, timeProvider, logger) =>
        clock = timeProvider;

    protected override async Task ApplyAsync(PersonEvent integrationEvent, CancellationToken cancellationToken)
    {
        await base.ApplyAsync(integrationEvent, cancellationToken);
        var youthGroup = integrationEvent switch
        {
            MemberJoinedUnit { UnitKind: UnitKinds.YouthStudyGroup } joined => joined.UnitId,
            MemberLeftUnit { UnitKind: UnitKinds.YouthStudyGroup } left => left.UnitId,
            _ => (Guid?)null,
        };
        if (youthGroup is { } group)
        {
            await Db.RefreshRotationAsync(group, clock, cancellationToken);
        }
    }
}
