using System.Globalization;

namespace BrandPlatform.Portal.Components.Charts;

/// <summary>A category of a chart: its full name (the data table, the accessible name) and the short one the axis has room for.</summary>
public sealed record ChartCategory(string Label, string Short);

/// <summary>One set of bars or one line: a value per category, null where there is no figure (a rate of nothing).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// What a chart shows, and the same numbers its table shows: categories, series, how a value reads, and the scale's top
/// (1 for rates; counts get a round top of their own).
/// </summary>
public sealed record ChartData(
    string CategoryHeader, IReadOnlyList<ChartCategory> Categories, IReadOnlyList<ChartSeries> Series, ChartValueFormat Format)
{
    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v is null));

    /// <summary>The scale's top: 100 % for rates; for counts the largest value rounded up so the four grid steps are whole numbers.</summary>
    public double Max => Format == ChartValueFormat.Percent
        ? 1
        : Math.Max(4, Math.Ceiling(Series.SelectMany(s => s.Values).Max(v => v ?? 0) / 4) * 4);

    /// <summary>A month or branch with no figure: a dash, the same in every language.</summary>
    public const string NoValue = "—";

    public string Show(double? value) => value is not { } v
        ? NoValue
        : Format == ChartValueFormat.Percent
            ? v.ToString("P1", CultureInfo.CurrentCulture)
            : v.ToString("N0", CultureInfo.CurrentCulture);
}

public enum ChartValueFormat
{
    Count,
    Percent,
}
