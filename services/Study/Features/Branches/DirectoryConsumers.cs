using BrandPlatform.Contracts.Directory;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Branches;

// Each consumer applies one directory event to study's local copy, once (inbox), whatever order they arrive in.

public sealed class OrganisationUnitCreatedConsumer(StudyDbContext db, TimeProvider timeProvider, ILogger<OrganisationUnitCreatedConsumer> logger)
    : UnitCreatedConsumer<StudyDbContext>(db, timeProvider, logger);

public sealed class OrganisationUnitMovedConsumer(StudyDbContext db, TimeProvider timeProvider, ILogger<OrganisationUnitMovedConsumer> logger)
    : UnitMovedConsumer<StudyDbContext>(db, timeProvider, logger);

public sealed class OrganisationUnitDeactivatedConsumer(StudyDbContext db, TimeProvider timeProvider, ILogger<OrganisationUnitDeactivatedConsumer> logger)
    : UnitDeactivatedConsumer<StudyDbContext>(db, timeProvider, logger);

public sealed class MemberJoinedBranchConsumer(StudyDbContext db, TimeProvider timeProvider, ILogger<MemberJoinedBranchConsumer> logger)
    : InboxConsumer<MemberJoinedBranch, StudyDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(MemberJoinedBranch message, CancellationToken cancellationToken)
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
}

public sealed class MemberLeftBranchConsumer(StudyDbContext db, TimeProvider timeProvider, ILogger<MemberLeftBranchConsumer> logger)
    : InboxConsumer<MemberLeftBranch, StudyDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(MemberLeftBranch message, CancellationToken cancellationToken)
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
