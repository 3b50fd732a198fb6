using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Contracts.Supervision;
using BrandPlatform.Platform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.PracticalMatters;

/// <summary>
/// A practical matter follows its supervision task (the task's id is the matter's), from every task event in the task's
/// order: its state, and its completion when the office closes the task (queue community-supervision-tasks). Other
/// tasks are not the community's business and leave nothing behind but their positions.
/// </summary>
[ProjectionName("supervision-tasks")]
public sealed class SupervisionFollower(CommunityDbContext db, TimeProvider timeProvider, ILogger<SupervisionFollower> logger)
    : VersionedProjection<SupervisionTaskEvent, CommunityDbContext>(db, timeProvider, logger)
{
    private readonly TimeProvider time = timeProvider;

    protected override async Task ApplyAsync(SupervisionTaskEvent taskEvent, CancellationToken cancellationToken)
    {
        if (taskEvent.Source != PracticalMatterEvent.SupervisionSource)
        {
            return;
        }
        var matter = await Db.PracticalMatters.FindAsync([taskEvent.TaskId], cancellationToken)
            ?? throw new InvalidOperationException($"Practical matter {taskEvent.TaskId} is not known; the retry will find it.");
        matter.FollowTask(taskEvent.AggregateVersion, taskEvent.State, (taskEvent as SupervisionTaskClosed)?.ClosedOn, time.GetUtcNow());
    }

    /// <summary>A rebuild forgets the task's state, not a completion already announced (<see cref="Domain.PracticalMatter.FollowTask"/>).</summary>
    public override Task ClearAsync(CancellationToken cancellationToken) =>
        Db.PracticalMatters.ExecuteUpdateAsync(set => set.SetProperty(m => m.TaskVersion, 0L).SetProperty(m => m.TaskState, (string?)null), cancellationToken);
}
