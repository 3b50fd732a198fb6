using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Domain;
using BrandPlatform.Study.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Rotation;

/// <summary>The youth study group's current members as the rotation needs them, and keeping the rotation fair when they change.</summary>
public static class RotationRosters
{
    /// <summary>
    /// The group's current members, counting the joins and leaves this context holds but has not saved yet: the roster
    /// projection refreshes the rotation in the transaction that applies the change.
    /// </summary>
    public static async Task<IReadOnlyList<RotationCandidate>> RotationCandidatesAsync(this StudyDbContext db, Guid groupId, CancellationToken cancellationToken)
    {
        await db.UnitMembers.Where(m => m.UnitId == groupId).LoadAsync(cancellationToken);
        return [.. db.UnitMembers.Local
            .Where(m => m.UnitId == groupId && m.IsCurrent)
            .DistinctBy(m => m.PersonId)
            .Select(m => new RotationCandidate(m.PersonId, m.DisplayName, m.JoinedOn!.Value))];
    }

    /// <summary>Gives the group's terms not yet begun again after a join or leave (nothing when no rotation was scheduled).</summary>
    public static async Task RefreshRotationAsync(this StudyDbContext db, Guid groupId, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var rotation = await db.YouthGroupRotations.SingleOrDefaultAsync(r => r.GroupId == groupId, cancellationToken);
        if (rotation is null)
        {
            return;
        }
        rotation.Refresh(await db.RotationCandidatesAsync(groupId, cancellationToken), timeProvider.Today(), timeProvider.GetUtcNow());
    }
}
