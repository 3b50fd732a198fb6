using BrandPlatform.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Infrastructure;

/// <summary>The directory itself names the units its refusals name (other services read their copy of it).</summary>
internal sealed class OrganisationUnitNames(IdentityDbContext db) : IUnitNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.OrganisationUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
}
