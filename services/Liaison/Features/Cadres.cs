using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Liaison.Features;

/// <summary>The department's cadres as liaison's copy of the directory's rosters knows them.</summary>
internal static class Cadres
{
    /// <summary>The name a cadre has on the rosters today; null for a person who belongs to no unit now.</summary>
    public static Task<string?> NameAsync(LiaisonDbContext db, Guid personId, CancellationToken cancellationToken) =>
        db.UnitMembers.AsNoTracking().Current().Where(m => m.PersonId == personId)
            .OrderBy(m => m.JoinedOn).Select(m => m.DisplayName).FirstOrDefaultAsync(cancellationToken);
}
