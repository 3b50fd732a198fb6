using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Messaging;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>A member's completed make-up (补学) for a campaign: it stands in for attending a session.</summary>
public sealed class MakeUpRecord : IEventRecord<WarningMakeUpEvent, MakeUpRecord>
{
    private MakeUpRecord() { }

    public Guid MakeUpId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid PersonId { get; private set; }
    public DateTimeOffset CompletedAt { get; private set; }

    public static Guid KeyOf(WarningMakeUpEvent integrationEvent) => integrationEvent.MakeUpId;

    public static MakeUpRecord For(WarningMakeUpEvent integrationEvent) => new()
    {
        MakeUpId = integrationEvent.MakeUpId,
        CampaignId = integrationEvent.CampaignId,
        PersonId = integrationEvent.PersonId,
    };

    public void Apply(WarningMakeUpEvent integrationEvent)
    {
        if (integrationEvent is WarningMakeUpCompleted completed)
        {
            CompletedAt = completed.CompletedAt;
        }
    }
}
