using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Resources;

namespace BrandPlatform.Platform.Http;

/// <summary>A year named in a query or a body: between <see cref="Periods.FirstYear"/> and <see cref="Periods.LastYear"/>.</summary>
public static class YearQuery
{
    public static string RangeMessage => string.Format(CultureInfo.CurrentCulture, PlatformTexts.YearRange, Periods.FirstYear, Periods.LastYear);

    /// <summary>Adds the field's problem when <paramref name="year"/> is given and out of range.</summary>
    public static void Check(int? year, IDictionary<string, string[]> problems, string field = "year")
    {
        if (year is < Periods.FirstYear or > Periods.LastYear)
        {
            problems[field] = [RangeMessage];
        }
    }
}
