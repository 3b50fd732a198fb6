using BrandPlatform.Platform.Security;
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

/// <summary>Figures are for the committee's office, liaison leaders and administrators, and systems granted reporting.read.</summary>
public static class ReportingAccess
{
    public static readonly string[] ReadScopes = ["reporting.read"];
    public static readonly string[] Readers = [PlatformRoles.OfficeStaff, PlatformRoles.LiaisonLeader, PlatformRoles.Administrator];
}
