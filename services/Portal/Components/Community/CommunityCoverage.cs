namespace BrandPlatform.Portal.Components.Community;

/// <summary>
/// A quarter's coverage as reporting counts it (GET /api/reporting/community-coverage?year=&amp;quarter=): per branch,
/// members registered with a community (confirmed and waiting) of the members it has, services under the quarter's
/// theme of those required, and whether it falls short. Hours are kept for the record and never ranked.
/// </summary>
public sealed record CoverageAnswer(int Year, int Quarter, DateOnly ReferenceDay, CoverageTheme? Theme, IReadOnlyList<CoverageRow> Branches);

public sealed record CoverageTheme(Guid ThemeId, string Title, int ServicesPerBranch);

public sealed record CoverageRow(
    Guid BranchId, string? BranchName, int Members, int RegisteredConfirmed, int RegisteredPending, int Services, int ThemedServices, int Required,
    bool Short, decimal Hours)
{
    public int RegisteredMembers => RegisteredConfirmed + RegisteredPending;
}

/// <summary>A branch's members with no registration with a community in a year (GET …/community-coverage/unregistered).</summary>
public sealed record UnregisteredAnswer(int Year, Guid BranchId, string BranchName, DateOnly ReferenceDay, IReadOnlyList<UnregisteredMember> Members);

public sealed record UnregisteredMember(Guid PersonId, string DisplayName);

/// <summary>How long published items took from what they tell of to publication, in China days (GET /api/reporting/publication-lag).</summary>
public sealed record PublicationLagAnswer(int Year, int Items, double? MedianDays, int? MaxDays);

public static class CommunityCoverage
{
    public static string PathOf(int year, int quarter) => $"api/reporting/community-coverage?year={year}&quarter={quarter}";

    public static string UnregisteredPathOf(int year, Guid branchId) => $"api/reporting/community-coverage/unregistered?year={year}&branchId={branchId}";

    public static string LagPathOf(int year) => $"api/reporting/publication-lag?year={year}";
}
