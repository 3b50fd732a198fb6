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

    /// <summary>
    /// Why a member may not make up the campaign, or null when they may: it must be open; a member present at one of
    /// its held sessions is covered already; otherwise their current branch must have held a session (whether they were
    /// absent from it or joined the branch after it met) — before that, the branch's own meeting is the way to take part.
    /// </summary>
    public static RuleViolation? Refusal(WarningCampaign campaign, bool attended, bool onABranchRoster, bool branchHasHeld)
    {
        if (!campaign.IsOpen)
        {
            return WarningCampaign.ClosedFor(nameof(DisciplineTexts.StepMakeUp));
        }
        if (attended)
        {
            return new RuleViolation(Text(nameof(DisciplineTexts.MakeUpNotNeeded_Title)), Text(nameof(DisciplineTexts.MakeUpNotNeeded_Detail)));
        }
        return !onABranchRoster ? new RuleViolation(Text(nameof(DisciplineTexts.MakeUpNotYet_Title)), Text(nameof(DisciplineTexts.MakeUpNoBranch_Detail)))
            : !branchHasHeld ? BranchNotYetHeld()
            : null;
    }

    /// <summary>409 before the member's branch has met: the branch's own session is the way to take part.</summary>
    public static RuleViolation BranchNotYetHeld() =>
        new(Text(nameof(DisciplineTexts.MakeUpNotYet_Title)), Text(nameof(DisciplineTexts.MakeUpNotYet_Detail)));

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
