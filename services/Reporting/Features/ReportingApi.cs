using BrandPlatform.Reporting.Features.TicketFigures;

namespace BrandPlatform.Reporting.Features;

public static class ReportingApi
{
    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        var reporting = app.MapGroup("/api/reporting").WithTags("Reporting");
        reporting.MapGetTicketSummary();
        reporting.MapGetTicketFigures();
        return app;
    }
}
