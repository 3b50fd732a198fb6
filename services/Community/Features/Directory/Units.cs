using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Community.Features.Directory;

/// <summary>Names of the directory's units and people as the community service's copy knows them.</summary>
internal static class Units
{
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CommunityDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
    }

    public static string NameIn(this IReadOnlyDictionary<Guid, string> names, Guid id) => names.TryGetValue(id, out var name) ? name : "";
}

/// <summary>People as the community service's copy of the rosters knows them.</summary>
internal static class People
{
    /// <summary>The name a person has on the rosters today; null for a person who belongs to no unit now.</summary>
    public static Task<string?> NameAsync(CommunityDbContext db, Guid personId, CancellationToken cancellationToken) =>
        db.UnitMembers.AsNoTracking().Current().Where(m => m.PersonId == personId)
            .OrderBy(m => m.JoinedOn).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken);
}
