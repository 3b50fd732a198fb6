using BrandPlatform.Contracts.Tickets;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>
/// Reporting's own copy of what it needs about one ticket, built from the tickets service's events, which
/// <see cref="TicketRecordsProjection"/> applies in the ticket's order: each event brings the ticket's state and clocks
/// as they stand after it, and its own facts.
/// </summary>
public sealed class TicketRecord
{
    private TicketRecord() { }

    public Guid TicketId { get; private set; }
    public string Number { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Priority { get; private set; } = "";
    public string State { get; private set; } = "";
    public DateTimeOffset StateAt { get; private set; }
    public Guid? LeadUnitId { get; private set; }
    public Guid? ChamberId { get; private set; }
    /// <summary>The chamber's name when the ticket was filed: figures per chamber are labelled with it.</summary>
    public string? ChamberName { get; private set; }
    /// <summary>The government system that filed the ticket (client id); null when a person filed it.</summary>
    public string? FilingSystem { get; private set; }
    /// <summary>The brand and measure the ticket was filed under: the brand's page lists it.</summary>
    public Guid? BrandId { get; private set; }
    public Guid? BrandMeasureId { get; private set; }
    public string RequesterKind { get; private set; } = "";
    /// <summary>How it arrived (portal, handler, visit, event, project, hotline, governmentSystem, community): what liaison's reach counts.</summary>
    public string Channel { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? AcceptanceDue { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public DateTimeOffset? FirstContactDue { get; private set; }
    public DateTimeOffset? FirstContactAt { get; private set; }
    public DateTimeOffset? StageReplyDue { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public DateTimeOffset? OriginalResolutionDue { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public double? HandlingWorkingHours { get; private set; }
    public string? Satisfaction { get; private set; }
    public int ReopenCount { get; private set; }
    public int Reminders { get; private set; }
    public int Urges { get; private set; }
    public int Supervisions { get; private set; }
    public int PublicNotices { get; private set; }
    /// <summary>
    /// PostgreSQL's row version (xmin). The projection's position already lets one event of a ticket apply at a time;
    /// this also stops an unnumbered event (from before versioning) overwriting a concurrent one.
    /// </summary>
    public uint Version { get; private set; }

    /// <summary>What the shared figure rules need of this ticket.</summary>
    public TicketFacts Facts() => new()
    {
        AcceptedAt = AcceptedAt, AcceptanceDue = AcceptanceDue, FirstContactAt = FirstContactAt, FirstContactDue = FirstContactDue,
        RespondedAt = RespondedAt, StageReplyDue = StageReplyDue, ResolvedAt = ResolvedAt, OriginalResolutionDue = OriginalResolutionDue,
        State = State, Satisfaction = Satisfaction, ReopenCount = ReopenCount, HandlingWorkingHours = HandlingWorkingHours,
        Reminders = Reminders, Urges = Urges, Supervisions = Supervisions, PublicNotices = PublicNotices,
    };

    public static TicketRecord For(TicketEvent integrationEvent) => new() { TicketId = integrationEvent.TicketId };

    public void Apply(TicketEvent integrationEvent)
    {
        Number = integrationEvent.Number;
        Category = integrationEvent.Category;
        Priority = integrationEvent.Priority;
        SubmittedAt = integrationEvent.SubmittedAt;
        ChamberId = integrationEvent.ChamberId;
        ChamberName = integrationEvent.ChamberName;
        FilingSystem = integrationEvent.FilingSystem;
        BrandId = integrationEvent.BrandId;
        BrandMeasureId = integrationEvent.BrandMeasureId;
        RequesterKind = integrationEvent.RequesterKind;
        State = integrationEvent.State;
        StateAt = integrationEvent.OccurredAt;
        LeadUnitId = integrationEvent.LeadUnitId;
        AcceptanceDue = integrationEvent.AcceptanceDue;
        FirstContactDue = integrationEvent.FirstContactDue;
        FirstContactAt = integrationEvent.FirstContactAt;
        StageReplyDue = integrationEvent.StageReplyDue;
        OriginalResolutionDue = integrationEvent.OriginalResolutionDue;
        switch (integrationEvent)
        {
            case TicketSubmitted submitted:
                Channel = submitted.Channel;
                break;
            case TicketAccepted accepted:
                AcceptedAt = accepted.AcceptedAt;
                break;
            case TicketResolved resolved:
                ResolvedAt = resolved.ResolvedAt;
                HandlingWorkingHours = resolved.HandlingWorkingHours;
                break;
            case TicketResponded responded:
                // The ticket keeps its first stage reply's time; every TicketResponded carries it.
                RespondedAt ??= responded.RespondedAt;
                break;
            case TicketReminded:
                Reminders++;
                break;
            case TicketEscalated escalated:
                switch (escalated.Step)
                {
                    case LadderSteps.Urge: Urges++; break;
                    case LadderSteps.Supervise: Supervisions++; break;
                    case LadderSteps.Publicise: PublicNotices++; break;
                }
                break;
            case TicketConfirmed confirmed:
                Satisfaction = confirmed.Satisfaction;
                break;
            case TicketReopened:
                // A reopened ticket is no longer resolved until it is resolved again (退回重办 undoes 办结).
                ReopenCount++;
                ResolvedAt = null;
                break;
        }
    }
}
