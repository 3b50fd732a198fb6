using BrandPlatform.Discipline.Domain;

namespace BrandPlatform.Discipline.Features.Campaigns;

/// <summary>A case a campaign studies, as a list shows it (the case library has the whole text).</summary>
public sealed record CampaignCase(Guid Id, string Title, IReadOnlyList<ViolationType> ViolationTypes);

/// <summary>
/// A campaign as participants see it: theme, cases, required sessions and the quiz's terms. Never the paper: its
/// questions reach a member only on their own attempt, and its answers only after they submit.
/// </summary>
public sealed record CampaignResponse(
    Guid Id, int Year, int Quarter, string Theme, IReadOnlyList<CampaignCase> Cases, int RequiredSessionsPerBranch, QuizSettings Quiz,
    CampaignState State, DateTimeOffset LaunchedAt, DateTimeOffset? ClosedAt, int Version)
{
    public static string ETagOf(WarningCampaign campaign) => $"\"{campaign.Version}\"";

    /// <param name="cases">The library's cases by id; a case the library lost still shows, by its id.</param>
    public static CampaignResponse From(WarningCampaign campaign, IReadOnlyDictionary<Guid, CampaignCase> cases) => new(
        campaign.Id, campaign.Year, campaign.Quarter, campaign.Theme,
        [.. campaign.CaseIds.Select(id => cases.GetValueOrDefault(id) ?? new CampaignCase(id, "", []))],
        campaign.RequiredSessionsPerBranch, campaign.Quiz, campaign.State, campaign.LaunchedAt, campaign.ClosedAt, campaign.Version);
}
