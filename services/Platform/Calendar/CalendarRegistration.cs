using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Calendar;

/// <summary>
/// Calendar:* — the years shipped with the platform (embedded cn-YYYY.json) plus any files in Calendar:Directory, where
/// operators drop the next year's cn-YYYY.json when the State Council publishes it (a file there replaces the shipped
/// one for its year), and Calendar:WorkingHours (list of Start/End, China time).
/// </summary>
public static class CalendarRegistration
{
    /// <summary>Once per service, however many of its areas ask for it.</summary>
    public static IHostApplicationBuilder AddWorkingCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("BrandPlatform.Calendar");
            var calendar = new WorkingCalendar(
                LoadYears(configuration["Calendar:Directory"]),
                configuration.GetSection("Calendar:WorkingHours").Get<List<WorkingPeriod>>());
            var year = services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
            if (!calendar.KnowsYear(year))
            {
                logger.LogWarning("No holiday calendar for {Year}: only weekends are days off until cn-{Year}.json is added to Calendar:Directory", year, year);
            }
            return calendar;
        });
        return builder;
    }

    public static IEnumerable<CalendarYear> LoadYears(string? directory)
    {
        var years = new Dictionary<int, CalendarYear>();
        var assembly = typeof(CalendarRegistration).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.Contains(".Calendar.cn-", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var year = CalendarYear.Parse(reader.ReadToEnd());
            years[year.Year] = year;
        }
        if (!string.IsNullOrEmpty(directory) && Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "cn-*.json"))
            {
                var year = CalendarYear.Parse(File.ReadAllText(file));
                years[year.Year] = year;
            }
        }
        return years.Values;
    }
}
