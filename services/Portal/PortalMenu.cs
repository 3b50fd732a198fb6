using System.Security.Claims;
using BrandPlatform.Platform.Security;
using BrandPlatform.Portal.Components.Community;
using BrandPlatform.Portal.Components.Discipline;
using BrandPlatform.Portal.Components.Liaison;
using BrandPlatform.Portal.Components.Reports;
using BrandPlatform.Portal.Components.Study;
using BrandPlatform.Portal.Components.Supervision;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal;

/// <summary>A screen the menu and the home page offer to the roles whose daily work it is.</summary>
/// <param name="Href">Relative to the portal's base.</param>
/// <param name="Title">Its name in the person's language.</param>
/// <param name="Roles">Who sees it; empty for everyone signed in.</param>
public sealed record PortalScreen(string Href, Func<string> Title, Func<string> Description, params string[] Roles)
{
    public bool IsFor(ClaimsPrincipal user) => Roles.Length == 0 || Roles.Any(user.IsInRole);
}

/// <summary>
/// The portal's screens by role, in the order people meet them. The menu, the per-role home and the "what you may do
/// instead" of a denied page all read this one list, so a screen is offered exactly to those the APIs let use it.
/// </summary>
public static class PortalMenu
{
    public static readonly IReadOnlyList<PortalScreen> Screens =
    [
        new("dashboard", () => PortalTexts.Nav_Dashboard, () => PortalTexts.Nav_Dashboard_Description),
        new("tickets/new", () => TicketScreenTexts.Nav_Submit, () => TicketScreenTexts.Nav_Submit_Description,
            PlatformRoles.EnterpriseContact, PlatformRoles.TaskForceHandler, PlatformRoles.OfficeStaff, PlatformRoles.Administrator),
        new("tickets/mine", () => TicketScreenTexts.Nav_Mine, () => TicketScreenTexts.Nav_Mine_Description, PlatformRoles.EnterpriseContact),
        new("liaison/events", () => LiaisonScreenTexts.Nav_EventRegistration, () => LiaisonScreenTexts.Nav_EventRegistration_Description,
            PlatformRoles.EnterpriseContact),
        new("tickets/queue", () => TicketScreenTexts.Nav_Queue, () => TicketScreenTexts.Nav_Queue_Description,
            PlatformRoles.TaskForceHandler, PlatformRoles.OfficeStaff, PlatformRoles.Administrator),
        new("tickets/dispatch", () => TicketScreenTexts.Nav_Dispatch, () => TicketScreenTexts.Nav_Dispatch_Description,
            PlatformRoles.OfficeStaff, PlatformRoles.Administrator),
        new("tickets/return-visits", () => TicketScreenTexts.Nav_ReturnVisits, () => TicketScreenTexts.Nav_ReturnVisits_Description,
            PlatformRoles.OfficeStaff, PlatformRoles.Administrator),
        new("tickets/withdrawals", () => TicketScreenTexts.Nav_Withdrawals, () => TicketScreenTexts.Nav_Withdrawals_Description,
            PlatformRoles.OfficeStaff, PlatformRoles.Administrator),
        new("tickets/supervision", () => TicketScreenTexts.Nav_Supervision, () => TicketScreenTexts.Nav_Supervision_Description,
            PlatformRoles.LiaisonLeader, PlatformRoles.OfficeStaff, PlatformRoles.Administrator),
        new("supervision/tasks", () => SupervisionScreenTexts.Nav_Tasks, () => SupervisionScreenTexts.Nav_Tasks_Description, SupervisionRoles.ParticipantList),
        new("supervision/brands", () => SupervisionScreenTexts.Nav_Brands, () => SupervisionScreenTexts.Nav_Brands_Description, SupervisionRoles.ParticipantList),
        new("supervision/documents", () => SupervisionScreenTexts.Nav_Documents, () => SupervisionScreenTexts.Nav_Documents_Description,
            SupervisionRoles.ParticipantList),
        new("supervision/document-errors", () => SupervisionScreenTexts.Nav_DocumentErrors, () => SupervisionScreenTexts.Nav_DocumentErrors_Description,
            SupervisionRoles.ParticipantList),
        new("reports/chambers", () => ReportScreenTexts.Nav_Chambers, () => ReportScreenTexts.Nav_Chambers_Description, ReportRoles.ReaderList),
        new("reports/exports", () => ReportScreenTexts.Nav_Exports, () => ReportScreenTexts.Nav_Exports_Description, ReportRoles.ReaderList),
        new("operations", () => DashboardTexts.Nav_Operations, () => DashboardTexts.Nav_Operations_Description, PlatformRoles.Operator, PlatformRoles.Administrator),
        new("liaison/contacts", () => LiaisonScreenTexts.Nav_Contacts, () => LiaisonScreenTexts.Nav_Contacts_Description, LiaisonRoles.CadreList),
        new("liaison/events", () => LiaisonScreenTexts.Nav_Events, () => LiaisonScreenTexts.Nav_Events_Description, LiaisonRoles.CadreList),
        new("liaison/organisations", () => OrganisationScreenTexts.Nav_Organisations, () => OrganisationScreenTexts.Nav_Organisations_Description,
            LiaisonRoles.CadreList),
        new("liaison/task-force-work", () => TaskForceScreenTexts.Nav_Work, () => TaskForceScreenTexts.Nav_Work_Description, TaskForceRoles.WorkerList),
        new("liaison/task-force-board", () => TaskForceScreenTexts.Nav_Board, () => TaskForceScreenTexts.Nav_Board_Description, TaskForceRoles.WorkerList),
        new("study/mine", () => StudyScreenTexts.Nav_Mine, () => StudyScreenTexts.Nav_Mine_Description, PlatformRoles.Member),
        new("discipline/mine", () => StudyScreenTexts.Nav_Integrity, () => StudyScreenTexts.Nav_Integrity_Description, PlatformRoles.Member),
        new("discipline/quiz", () => DisciplineScreenTexts.Nav_Quiz, () => DisciplineScreenTexts.Nav_Quiz_Description, PlatformRoles.Member),
        new("discipline/campaigns", () => DisciplineScreenTexts.Nav_Campaigns, () => DisciplineScreenTexts.Nav_Campaigns_Description,
            StudyRoles.Split(DisciplineRoles.Keepers)),
        new("study/calendar", () => StudyScreenTexts.Nav_Calendar, () => StudyScreenTexts.Nav_Calendar_Description, StudyRoles.Split(StudyRoles.Organisers)),
        new("study/compliance", () => StudyScreenTexts.Nav_Compliance, () => StudyScreenTexts.Nav_Compliance_Description, StudyRoles.Split(StudyRoles.Organisers)),
        new("study/coverage", () => StudyScreenTexts.Nav_Coverage, () => StudyScreenTexts.Nav_Coverage_Description, StudyRoles.Split(StudyRoles.Organisers)),
        new("community/registration", () => CommunityScreenTexts.Nav_Registration, () => CommunityScreenTexts.Nav_Registration_Description, PlatformRoles.Member),
        new("community/my-card", () => CommunityScreenTexts.Nav_MyCard, () => CommunityScreenTexts.Nav_MyCard_Description, [PlatformRoles.Member]),
        new("community/services/new", () => CommunityScreenTexts.Nav_RecordService, () => CommunityScreenTexts.Nav_RecordService_Description,
            CommunityRoles.Split(CommunityRoles.Recorders)),
        new("community/branch", () => CommunityScreenTexts.Nav_Branch, () => CommunityScreenTexts.Nav_Branch_Description, CommunityRoles.Split(CommunityRoles.Organisers)),
        new("community/coverage", () => CommunityScreenTexts.Nav_Coverage, () => CommunityScreenTexts.Nav_Coverage_Description, CommunityRoles.Split(CommunityRoles.Organisers)),
        new("community/draft", () => CommunityScreenTexts.Nav_Draft, () => CommunityScreenTexts.Nav_Draft_Description, CommunityRoles.Split(CommunityRoles.Organisers)),
        new("community/publicity", () => CommunityScreenTexts.Nav_Items, () => CommunityScreenTexts.Nav_Items_Description, CommunityRoles.Split(CommunityRoles.Organisers)),
        new("community/review", () => CommunityScreenTexts.Nav_Review, () => CommunityScreenTexts.Nav_Review_Description, CommunityRoles.Split(CommunityRoles.Office)),
        new("community/communities", () => CommunityScreenTexts.Nav_Communities, () => CommunityScreenTexts.Nav_Communities_Description,
            CommunityRoles.Split(CommunityRoles.Office)),
        new("community/themes", () => CommunityScreenTexts.Nav_Themes, () => CommunityScreenTexts.Nav_Themes_Description, CommunityRoles.Split(CommunityRoles.Office)),
        new("community/practical-matters", () => CommunityScreenTexts.Nav_Matters, () => CommunityScreenTexts.Nav_Matters_Description,
            CommunityRoles.Split(CommunityRoles.Readers)),
        new("news", () => CommunityScreenTexts.Nav_News, () => CommunityScreenTexts.Nav_News_Description),
    ];

    public static IEnumerable<PortalScreen> For(ClaimsPrincipal user) => Screens.Where(s => s.IsFor(user));

    /// <summary>The person's roles by their portal names, for the header.</summary>
    public static IEnumerable<string> RoleNames(ClaimsPrincipal user) =>
        user.FindAll(PlatformClaims.Role).Select(r => PortalTexts.ResourceManager.GetString("Role_" + r.Value, PortalTexts.Culture) ?? r.Value);
}
