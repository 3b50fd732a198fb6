using BrandPlatform.Reporting.Features.Scorecard;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

public static class DisciplineFiguresRegistration
{
    public static WebApplicationBuilder AddDisciplineFigures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DisciplineFigureQueries>();
        builder.Services.AddScoped<IScorecardMeasures, DisciplineScorecardMeasures>();
        return builder;
    }

    public static RouteGroupBuilder MapDisciplineFigures(this RouteGroupBuilder reporting)
    {
        reporting.MapGetDisciplineCoverage();
        reporting.MapGetDisciplinePledges();
        return reporting;
    }
}
