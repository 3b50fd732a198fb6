using BrandPlatform.Platform.Organisation;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Platform.Localization;

/// <summary>Names of organisation units, for answers that name units (<see cref="UnitReference"/>).</summary>
public interface IUnitNames
{
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}

/// <summary>A service's copy of the directory's units names them.</summary>
public sealed class DirectoryUnitNames(IDirectoryUnits db) : IUnitNames
{
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
}
