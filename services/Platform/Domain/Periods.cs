namespace BrandPlatform.Platform.Domain;

/// <summary>Months and quarters of the China calendar, as the cadence rules and quarterly campaigns count them.</summary>
public static class Periods
{
    /// <summary>The years a query or record may name: wide enough for any record, narrow enough that a mistyped year is caught.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    public static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;

    public static int[] MonthsOf(int quarter) => [quarter * 3 - 2, quarter * 3 - 1, quarter * 3];

    public static DateOnly FirstDayOf(int year, int quarter) => new(year, quarter * 3 - 2, 1);

    public static DateOnly LastDayOf(int year, int quarter) => FirstDayOf(year, quarter).AddMonths(3).AddDays(-1);

    public static ChinaPeriod Quarter(int year, int quarter) => new(FirstDayOf(year, quarter), LastDayOf(year, quarter));

    public static ChinaPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The last day a quarter's plan is on time: a calendar day of the quarter's first month.</summary>
    public static DateOnly PlanDueOn(int year, int quarter, int dueDay) => FirstDayOf(year, quarter).AddDays(dueDay - 1);
}
