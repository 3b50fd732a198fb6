using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Domain;

public enum HighlightState
{
    Submitted,
    Selected,
    Declined,
}

/// <summary>
/// A highlight (亮点, 好经验好做法) a branch submits under its brand; the office selects it (then everyone reads it) or
/// declines it. Decided once.
/// </summary>
public sealed class BrandHighlight
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 2000;

    private BrandHighlight() { }

    public BrandHighlight(Guid id, Guid brandId, Guid branchId, string title, string summary, string submittedBy, DateTimeOffset at)
    {
        Id = id;
        BrandId = brandId;
        BranchId = branchId;
        Title = title.Trim();
        Summary = summary.Trim();
        SubmittedBy = submittedBy;
        SubmittedAt = at;
        State = HighlightState.Submitted;
        Version = 1;
    }

    public Guid Id { get; private set; }
    public Guid BrandId { get; private set; }
    /// <summary>The brand's branch, copied so lists filter by it without a join.</summary>
    public Guid BranchId { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public HighlightState State { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public int Version { get; private set; }

    public void Select(string actor, DateTimeOffset at) => Decide(HighlightState.Selected, nameof(BrandTexts.StepSelect), actor, at);

    public void Decline(string actor, DateTimeOffset at) => Decide(HighlightState.Declined, nameof(BrandTexts.StepDecline), actor, at);

    /// <summary>409 naming the step and the state when the office already decided.</summary>
    public static RuleViolation AlreadyDecided(string step, HighlightState state) => new(
        BrandTexts.ResourceManager.Text(nameof(BrandTexts.HighlightDecided_Title)),
        BrandTexts.ResourceManager.Text(nameof(BrandTexts.HighlightDecided_Detail), BrandTexts.ResourceManager.Text(step), state));

    private void Decide(HighlightState decision, string step, string actor, DateTimeOffset at)
    {
        if (State != HighlightState.Submitted)
        {
            throw AlreadyDecided(step, State);
        }
        State = decision;
        DecidedBy = actor;
        DecidedAt = at;
        Version++;
    }
}
