using BrandPlatform.Reporting.Features.StudyFigures;

namespace BrandPlatform.Reporting.Features.Brands;

public static class BrandRegistration
{
    /// <summary>The brand registry's services: the work sources its pages list (held study activities; tasks and tickets register their own).</summary>
    public static IHostApplicationBuilder AddBrandRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IBrandWorkSource, StudyActivitiesUnderBrand>();
        return builder;
    }

    /// <summary>The registry's routes under /api/supervision: brands and measures, logos, the year's plan, highlights.</summary>
    public static RouteGroupBuilder MapBrandRegistry(this RouteGroupBuilder supervision) =>
        supervision.MapBrands().MapBrandLogos().MapPlanItems().MapHighlights();
}
