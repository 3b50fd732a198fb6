using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Platform.Messaging;

namespace BrandPlatform.Reporting.Features.DisciplineFigures;

/// <summary>
/// Reporting's copy of one branch's warning session: once held, who was present (the attendance coverage counts).
/// Absences are not kept: a member not present is simply not covered by this session.
/// </summary>
public sealed class SessionRecord : IEventRecord<WarningSessionEvent, SessionRecord>
{
    public const string Held = "held";

    private SessionRecord() { }

    public Guid SessionId { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid BranchId { get; private set; }
    /// <summary>planned, held or cancelled.</summary>
    public string State { get; private set; } = "";
    public DateTimeOffset? HeldAt { get; private set; }
    public List<Guid> PresentIds { get; private set; } = [];
    public uint Version { get; private set; }

    public static Guid KeyOf(WarningSessionEvent integrationEvent) => integrationEvent.SessionId;

    public static SessionRecord For(WarningSessionEvent integrationEvent) => new() { SessionId = integrationEvent.SessionId };

    public void Apply(WarningSessionEvent integrationEvent)
    {
        CampaignId = integrationEvent.CampaignId;
        BranchId = integrationEvent.BranchId;
        State = integrationEvent.State;
        if (integrationEvent is WarningSessionHeld held)
        {
            HeldAt = held.HeldAt;
            PresentIds = [.. held.AttendeeIds];
        }
    }
}
