using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.StudyFigures;

/// <summary>
/// Held study activities that name a brand (study accepts any brand id: the registry lives here, so the page lists
/// only what points at it). Planned and cancelled ones are not work done under the brand.
/// </summary>
public sealed class StudyActivitiesUnderBrand(ReportingDbContext db) : IBrandWorkSource
{
    public const string Kind = "studyActivity";

    public async Task<IReadOnlyList<BrandWorkItem>> ForBrandAsync(Guid brandId, CancellationToken cancellationToken) =>
        await db.StudyActivities.AsNoTracking()
            .Where(a => a.BrandId == brandId && a.State == "held" && a.HeldAt != null)
            .Select(a => new BrandWorkItem(Kind, a.ActivityId, a.Topic, a.State, a.HeldAt!.Value, a.BrandMeasureId))
            .ToListAsync(cancellationToken);
}
