using BrandPlatform.Printing;

namespace BrandPlatform.Reporting.Features.Exports;

public static class Exports
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddChineseFont();
        builder.Services.AddScoped<QuarterlyReports>();
        return builder;
    }

    public static RouteGroupBuilder MapExports(this RouteGroupBuilder reporting)
    {
        reporting.MapGetQuarterlyReport();
        return reporting;
    }
}
