namespace BrandPlatform.Discipline.Features.MakeUps;

/// <summary>
/// A member's own make-up of a campaign: whether they may make it up (and if not, why), the campaign's cases with
/// those read, whether their quiz is passed, and whether the make-up is complete. Nobody reads another member's.
/// </summary>
public sealed record MakeUpResponse(
    Guid CampaignId, bool Eligible, string? NotEligibleReason, IReadOnlyList<MakeUpCase> Cases, bool QuizPassed, bool Complete,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

public sealed record MakeUpCase(Guid Id, string Title, bool Read);
