using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.CommunityFigures;
using BrandPlatform.Reporting.Features.DisciplineFigures;
using BrandPlatform.Reporting.Features.Exports;
using BrandPlatform.Reporting.Features.LiaisonFigures;
using BrandPlatform.Reporting.Features.Live;
using BrandPlatform.Reporting.Features.MemberCards;
using BrandPlatform.Reporting.Features.Scorecard;
using BrandPlatform.Reporting.Features.StudyFigures;
using BrandPlatform.Reporting.Features.StudyProgramme;
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
        reporting.MapStudyProgramme();
        reporting.MapScorecard();
        reporting.MapDisciplineFigures();
        reporting.MapGetLiaisonReach();
        reporting.MapCommunityFigures();
        reporting.MapMemberCards();
        reporting.MapLiveFigures();
        reporting.MapExports();
        return app;
    }
}

/// <summary>
/// Figures are for the committee's office, liaison leaders and administrators, who count everything. A government
/// system with reporting.read reads the ticket figures of the tickets it filed only (ticket events name the filing
/// system); every other figure is platform-wide, so systems are refused those whatever their scopes.
/// </summary>
public static class ReportingAccess
{
    public static readonly string[] ReadScopes = ["reporting.read"];
    public static readonly string[] Readers = [PlatformRoles.OfficeStaff, PlatformRoles.LiaisonLeader, PlatformRoles.Administrator];
}
