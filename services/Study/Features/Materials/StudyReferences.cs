using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Study.Resources;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Features.Materials;

/// <summary>
/// What an activity's plan refers to: a training series and library materials. The schedule and reschedule endpoints
/// ask here before the activity changes, so a plan never names a series or material that does not exist.
/// </summary>
public static class StudyReferences
{
    public const string SeriesField = "seriesId";

    /// <summary>The field of the material at <paramref name="index"/> of the request's materials.</summary>
    public static string MaterialField(int index) => $"materials[{index}].materialId";

    /// <summary>
    /// Field errors for the ids that do not exist: <paramref name="seriesId"/> (null: none named) and each of
    /// <paramref name="materialIds"/> in the request's order (null: a material named only by its title). Empty when all exist.
    /// </summary>
    public static async Task<IDictionary<string, string[]>> CheckAsync(
        StudyDbContext db, Guid? seriesId, IReadOnlyList<Guid?> materialIds, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (seriesId is { } series && !await db.TrainingSeries.AnyAsync(s => s.Id == series, cancellationToken))
        {
            problems[SeriesField] = [MaterialsTexts.UnknownSeries];
        }
        var named = materialIds.OfType<Guid>().Distinct().ToList();
        var known = named.Count == 0 ? [] : await db.Materials.Where(m => named.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < materialIds.Count; i++)
        {
            if (materialIds[i] is { } material && !known.Contains(material))
            {
                problems[MaterialField(i)] = [MaterialsTexts.UnknownMaterial];
            }
        }
        return problems;
    }
}
