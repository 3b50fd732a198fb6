using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BrandPlatform.Reporting.Features;

/// <summary>How a figure's rows are cut: one row per unit over the whole period, or per unit and month or quarter.</summary>
public enum FigureGrouping
{
    Branch,
    Month,
    Quarter,
}

/// <summary>One slice of the asked period a row belongs to: the whole period (label null), or a month or quarter of it.</summary>
public sealed record PeriodSlice(string? Label, ChinaPeriod Period);

/// <summary>
/// The period a programme figure is asked for: <c>from</c>/<c>to</c> (China dates) or <c>year</c> with an optional
/// <c>quarter</c>; without either, the year so far. Bad values are a 400 naming the field.
/// </summary>
public static class ReportPeriod
{
    private const int MaxYears = 5;
    // Figures cut periods into calendar months, quarters and years: the bounds keep every cut a real date.
    private const int FirstYear = Periods.FirstYear;
    private const int LastYear = Periods.LastYear;

    /// <summary>The answers to a bad period, for the operations' OpenAPI examples.</summary>
    public static ProblemDetails[] ExampleProblems =>
    [
        ApiExamples.Invalid("to", ChinaPeriod.BackwardsMessage),
        ApiExamples.Invalid("quarter", PeriodTexts.QuarterInvalid),
        ApiExamples.Invalid("year", PeriodTexts.YearInvalid),
        ApiExamples.Invalid("year", PeriodTexts.YearWithDates),
    ];

    /// <summary>Every reporting operation that takes a year or a quarter refuses the same values with the same words.</summary>
    public static void CheckYearAndQuarter(int? year, int? quarter, IDictionary<string, string[]> problems)
    {
        if (year is < FirstYear or > LastYear)
        {
            problems["year"] = [PeriodTexts.YearInvalid];
        }
        if (quarter is < 1 or > 4)
        {
            problems["quarter"] = [PeriodTexts.QuarterInvalid];
        }
    }

    public static (ChinaPeriod? Period, ValidationProblem? Problem) Of(DateOnly? from, DateOnly? to, int? year, int? quarter, TimeProvider timeProvider)
    {
        if (year is not null && (from is not null || to is not null))
        {
            return (null, FieldProblems.Invalid("year", PeriodTexts.YearWithDates));
        }
        var problems = new Dictionary<string, string[]>();
        CheckYearAndQuarter(year, quarter, problems);
        if (problems.Count > 0)
        {
            return (null, FieldProblems.Invalid(problems));
        }
        if (quarter is not null && year is null)
        {
            return (null, FieldProblems.Invalid("quarter", PeriodTexts.QuarterNeedsYear));
        }
        var period = (year, quarter) switch
        {
            ({ } y, { } q) => Periods.Quarter(y, q),
            ({ } y, null) => new ChinaPeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)),
            _ => ChinaPeriod.Of(from, to, timeProvider),
        };
        if (period.From.Year is < FirstYear or > LastYear)
        {
            return (null, FieldProblems.Invalid("from", PeriodTexts.DateOutOfRange));
        }
        if (period.To.Year is < FirstYear or > LastYear)
        {
            return (null, FieldProblems.Invalid("to", PeriodTexts.DateOutOfRange));
        }
        if (period.IsBackwards)
        {
            return (null, FieldProblems.Invalid("to", ChinaPeriod.BackwardsMessage));
        }
        // A figure is computed month by month from the rosters and records: a bound keeps a long range from costing the service.
        if (period.To.DayNumber - period.From.DayNumber > MaxYears * 366)
        {
            return (null, FieldProblems.Invalid("to", PeriodTexts.PeriodTooLong));
        }
        return (period, null);
    }

    /// <summary>The grouping a caller named (default: per branch over the whole period); null when it is none of them.</summary>
    public static FigureGrouping? GroupingOf(string? groupBy) => groupBy switch
    {
        null or "branch" => FigureGrouping.Branch,
        "month" => FigureGrouping.Month,
        "quarter" => FigureGrouping.Quarter,
        _ => null,
    };

    /// <summary>The period cut by <paramref name="grouping"/>: calendar months or quarters, the first and last clipped to the period.</summary>
    public static IReadOnlyList<PeriodSlice> Slices(ChinaPeriod period, FigureGrouping grouping)
    {
        if (grouping == FigureGrouping.Branch)
        {
            return [new PeriodSlice(null, period)];
        }
        var months = grouping == FigureGrouping.Month ? 1 : 3;
        var start = grouping == FigureGrouping.Month
            ? new DateOnly(period.From.Year, period.From.Month, 1)
            : Periods.FirstDayOf(period.From.Year, Periods.QuarterOf(period.From));
        var slices = new List<PeriodSlice>();
        for (var from = start; from <= period.To; from = from.AddMonths(months))
        {
            var label = grouping == FigureGrouping.Month
                ? from.ToString("yyyy-MM", CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{from.Year}-Q{Periods.QuarterOf(from)}");
            var to = from.AddMonths(months).AddDays(-1);
            slices.Add(new PeriodSlice(label, new ChinaPeriod(from < period.From ? period.From : from, to > period.To ? period.To : to)));
        }
        return slices;
    }
}
