using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Branches;

/// <summary>The branches study schedules for, copied from the directory (queue study-directory-units).</summary>
public sealed class DirectoryUnitsCopy(StudyDbContext db, TimeProvider timeProvider, ILogger<DirectoryUnitsCopy> logger)
    : DirectoryUnitsProjection<StudyDbContext>(db, timeProvider, logger);

/// <summary>
/// Branch rosters from every event of each person, in the person's order (queue study-branch-rosters). A stint whose
/// join study never saw (the person joined before study kept rosters) is recorded from its leave.
/// </summary>
[ProjectionName("branch-rosters")]
public sealed class BranchRostersProjection(StudyDbContext db, TimeProvider timeProvider, ILogger<BranchRostersProjection> logger)
    : VersionedProjection<PersonEvent, StudyDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(PersonEvent integrationEvent, CancellationToken cancellationToken)
    {
        switch (integrationEvent)
        {
            case MemberJoinedBranch joined:
                await JoinAsync(joined, cancellationToken);
                break;
            case MemberLeftBranch left:
                await LeaveAsync(left, cancellationToken);
                break;
        }
    }

    private async Task JoinAsync(MemberJoinedBranch message, CancellationToken cancellationToken)
    {
        var leftFirst = await Db.BranchMembers.FirstOrDefaultAsync(m =>
            m.PersonId == message.PersonId && m.BranchId == message.BranchId && m.JoinedOn == null && m.LeftOn >= message.On, cancellationToken);
        if (leftFirst is not null)
        {
            leftFirst.CompleteJoin(message.DisplayName, message.On);
        }
        else
        {
            Db.BranchMembers.Add(BranchMember.FromJoin(message.PersonId, message.BranchId, message.DisplayName, message.On));
        }
    }

    private async Task LeaveAsync(MemberLeftBranch message, CancellationToken cancellationToken)
    {
        var open = await Db.BranchMembers.FirstOrDefaultAsync(m =>
            m.PersonId == message.PersonId && m.BranchId == message.BranchId && m.LeftOn == null && m.JoinedOn <= message.On, cancellationToken);
        if (open is not null)
        {
            open.Leave(message.On);
        }
        else
        {
            Db.BranchMembers.Add(BranchMember.FromLeave(message.PersonId, message.BranchId, message.On));
        }
    }
}
