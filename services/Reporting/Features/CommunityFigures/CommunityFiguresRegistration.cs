using BrandPlatform.Platform.Security;

namespace BrandPlatform.Reporting.Features.CommunityFigures;

public static class CommunityFiguresRegistration
{
    public static RouteGroupBuilder MapCommunityFigures(this RouteGroupBuilder reporting)
    {
        reporting.MapGetCommunityCoverage();
        reporting.MapGetUnregisteredMembers();
        reporting.MapGetPublicationLag();
        return reporting;
    }
}

/// <summary>
/// Community figures are the office's, the leaders' and administrators' for every branch, and a branch keeper's
/// (secretary, party-affairs officer) for their own branch, which is where the work is done. People only: a government
/// system is refused whatever its scopes.
/// </summary>
public static class CommunityAccess
{
    public static readonly string[] Roles = [.. ReportingAccess.Readers, .. PlatformRoles.BranchKeepers];

    public static bool SeesAllBranches(this Caller caller) => caller.IsInAnyRole(ReportingAccess.Readers);

    public static bool MaySeeBranch(this Caller caller, Guid branchId) => caller.SeesAllBranches() || caller.MayKeepBranch(branchId);
}
