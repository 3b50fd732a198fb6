using BrandPlatform.Contracts.Discipline;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>A member's completed make-up (补学) for a campaign: it stands in for attending a session.</summary>
public sealed class MakeUpRecord
{
    private MakeUpRecord() { }

    public Guid MakeUpId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateTimeOffset CompletedAt { get; private set; }

    public static MakeUpRecord Of(WarningMakeUpCompleted completed) => new()
    {
        MakeUpId = completed.MakeUpId,
        CampaignId = completed.CampaignId,
        PersonId = completed.PersonId,
        CompletedAt = completed.CompletedAt,
    };
}
