using BrandPlatform.Community.Infrastructure;
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
