using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.StudyFigures;
using BrandPlatform.Reporting.Features.TicketFigures;

namespace BrandPlatform.Reporting.Features;

public static class ReportingApi
{
    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        var reporting = app.MapGroup("/api/reporting").WithTags("Reporting");
        reporting.MapGetTicketSummary();
        reporting.MapGetTicketFigures();
        reporting.MapGetStudySummary();
        reporting.MapExports();
        return app;
    }
}

/// <summary>
/// Figures are for the committee's office, liaison leaders and administrators: platform-wide figures, which reporting
/// cannot cut down to what one government system filed (its records do not say who filed), so systems are refused
/// whatever their scopes; a system reads the figures of its own tickets from the tickets service.
/// </summary>
public static class ReportingAccess
{
    public static readonly string[] ReadScopes = ["reporting.read"];
    public static readonly string[] Readers = [PlatformRoles.OfficeStaff, PlatformRoles.LiaisonLeader, PlatformRoles.Administrator];
}
