using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Features.Documents;
using BrandPlatform.Reporting.Features.SupervisionTasks;

namespace BrandPlatform.Reporting.Features.Supervision;

/// <summary>
/// 督办: the office's own records (brands and their measures, supervision tasks, received documents, the 错情通报
/// register) under /api/supervision. They live in the reporting service, next to the figures that read them (README,
/// "Reporting and supervision"): one area each, mapped here with one line.
/// </summary>
public static class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var supervision = app.MapGroup("/api/supervision").WithTags("Supervision");
        supervision.MapBrandRegistry();
        supervision.MapDocumentRegisters();
        supervision.MapSupervisionTasks();
        return app;
    }
}

/// <summary>
/// Who does what in supervision: the office (and administrators) create, assign and accept; leaders read everything;
/// owners and branch keepers act on what is theirs, which the handlers check against the record with
/// <see cref="Caller"/>. People only: none of these records belong to a government system.
/// </summary>
public static class SupervisionAccess
{
    public static readonly string[] ReadScopes = ["supervision.read", "supervision.write"];
    public static readonly string[] WriteScopes = ["supervision.write"];

    /// <summary>The supervision office: creates, assigns, selects and accepts.</summary>
    public static readonly string[] Office = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator];

    /// <summary>Who reads every supervision record: the office and the leaders.</summary>
    public static readonly string[] ReadsAll = [PlatformRoles.OfficeStaff, PlatformRoles.Administrator, PlatformRoles.LiaisonLeader];

    /// <summary>Everyone who may own a task, keep a branch's brand or handle a document; what is theirs is checked per record.</summary>
    public static readonly string[] Participants =
    [
        PlatformRoles.OfficeStaff, PlatformRoles.Administrator, PlatformRoles.LiaisonLeader, PlatformRoles.BranchSecretary,
        PlatformRoles.PartyAffairsOfficer, PlatformRoles.Member, PlatformRoles.TaskForceHandler,
    ];

    public static bool MayReadAll(this Caller caller) => caller.IsInAnyRole(ReadsAll);

    public static bool IsOffice(this Caller caller) => caller.IsInAnyRole(Office);
}
