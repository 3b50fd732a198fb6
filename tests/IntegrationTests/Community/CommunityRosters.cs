using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.IntegrationTests.Community;

/// <summary>The community service's copy of the rosters, filled directly where a test's identity announces nothing to it.</summary>
public static class CommunityRosters
{
    public static async Task PutOnRosterAsync(IServiceProvider community, Guid person, Guid unit, string unitKind, string displayName, CancellationToken cancellationToken)
    {
        await using var scope = community.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommunityDbContext>();
        if (!await db.UnitMembers.Current().AnyAsync(m => m.PersonId == person && m.UnitId == unit, cancellationToken))
        {
            db.UnitMembers.Add(UnitMember.FromJoin(person, unit, unitKind, displayName, ChinaCalendar.DateOf(DateTimeOffset.UtcNow).AddDays(-400)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
