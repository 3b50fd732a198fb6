using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Messaging;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>Reporting's copy of one quarterly warning campaign (一季一警示): the quarter its coverage is counted for.</summary>
public sealed class CampaignRecord : IEventRecord<WarningCampaignEvent, CampaignRecord>
{
    private CampaignRecord() { }

    public Guid CampaignId { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public string Theme { get; private set; } = "";
    /// <summary>launched or closed: a closed campaign's coverage still counts for its quarter.</summary>
    public string State { get; private set; } = "";
    /// <summary>PostgreSQL's row version (xmin): the guard against an unnumbered event racing a numbered one.</summary>
    public uint Version { get; private set; }

    public ChinaPeriod Period => Periods.Quarter(Year, Quarter);

    public static Guid KeyOf(WarningCampaignEvent integrationEvent) => integrationEvent.CampaignId;

    public static CampaignRecord For(WarningCampaignEvent integrationEvent) => new() { CampaignId = integrationEvent.CampaignId };

    public void Apply(WarningCampaignEvent integrationEvent)
    {
        Year = integrationEvent.Year;
        Quarter = integrationEvent.Quarter;
        Theme = integrationEvent.Theme;
        State = integrationEvent.State;
    }
}
