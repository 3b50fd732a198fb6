using System.Globalization;

namespace BrandPlatform.Portal.Components.Charts;

public static class ChartGeometry
{
    /// <summary>SVG coordinates are written with a dot whatever the person's language.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
