using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

/// <summary>
/// A member's make-up (补学) for a campaign whose session they missed (absent, on leave, or not yet in the branch when
/// it met): read every case the campaign studies and pass its quiz. Complete once both are done; that is announced once.
/// </summary>
public sealed class WarningMakeUp : Aggregate
{
    private WarningMakeUp() { }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid[] ReadCaseIds { get; private set; } = [];
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    public static WarningMakeUp Start(WarningCampaign campaign, Guid personId, DateTimeOffset now)
    {
        campaign.RequireOpen(nameof(DisciplineTexts.StepMakeUp));
        return new WarningMakeUp { Id = Guid.CreateVersion7(now), CampaignId = campaign.Id, PersonId = personId, StartedAt = now, Version = 1 };
    }

    /// <summary>Records that the member read one of the campaign's cases (422 for another case); reading again changes nothing.</summary>
    public void ReadCase(WarningCampaign campaign, Guid caseId, bool quizPassed, DateTimeOffset now)
    {
        campaign.RequireOpen(nameof(DisciplineTexts.StepMakeUp));
        if (!campaign.CaseIds.Contains(caseId))
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.CaseNotInCampaign_Title)), Text(nameof(DisciplineTexts.CaseNotInCampaign_Detail)));
        }
        if (!ReadCaseIds.Contains(caseId))
        {
            ReadCaseIds = [.. ReadCaseIds, caseId];
            Version++;
        }
        CompleteIfDone(campaign, quizPassed, now);
    }

    /// <summary>Completes the make-up when every case is read and the quiz is passed (called after either happens).</summary>
    public void CompleteIfDone(WarningCampaign campaign, bool quizPassed, DateTimeOffset now)
    {
        if (IsComplete || !quizPassed || campaign.CaseIds.Except(ReadCaseIds).Any())
        {
            return;
        }
        CompletedAt = now;
        Version++;
        Raise(new WarningMakeUpCompleted { OccurredAt = now, MakeUpId = Id, CampaignId = CampaignId, PersonId = PersonId, CompletedAt = now });
    }
}
