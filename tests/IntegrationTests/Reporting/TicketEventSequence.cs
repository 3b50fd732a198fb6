using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Reporting.Features.TicketFigures;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// One ticket's events numbered as the tickets service raises them: resolved, confirmed dissatisfied (which reopens and
/// urges it in the same step, at the same instant), resolved again, then a return visit that confirms it (two events
/// of one step, one instant: the case that used to leave reporting's record "resolved").
/// </summary>
public static class TicketEventSequence
{
    // 09:00 in China; UTC, as the service stamps its events.
    private static readonly DateTimeOffset Submitted = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public static TicketEvent[] Of(Guid ticketId)
    {
        var lead = Guid.NewGuid();
        var t = Submitted;
        TicketEvent[] events =
        [
            new TicketSubmitted { OccurredAt = t, RequesterName = "三明市某某机械有限公司", Channel = "portal" },
            new TicketAccepted { OccurredAt = t.AddHours(1), AcceptedAt = t.AddHours(1) },
            new TicketAssigned { OccurredAt = t.AddHours(2), LeadUnitId = lead },
            new TicketResponded { OccurredAt = t.AddDays(1), RespondedAt = t.AddDays(1), LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketResolved { OccurredAt = t.AddDays(2), ResolvedAt = t.AddDays(2), HandlingWorkingHours = 14.5, LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketConfirmed { OccurredAt = t.AddDays(3), Satisfaction = "dissatisfied", LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketReopened { OccurredAt = t.AddDays(3), Reason = "requester dissatisfied", LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketEscalated { OccurredAt = t.AddDays(3), Step = LadderSteps.Urge, LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketAssigned { OccurredAt = t.AddDays(4), LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketResolved { OccurredAt = t.AddDays(5), ResolvedAt = t.AddDays(5), HandlingWorkingHours = 30, LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketReturnVisited { OccurredAt = t.AddDays(8), Answered = true, Satisfaction = "satisfied", ReallySolved = true, LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
            new TicketConfirmed { OccurredAt = t.AddDays(8), Satisfaction = "satisfied", LeadUnitId = lead, FirstContactAt = t.AddHours(3) },
        ];
        string[] states = ["submitted", "accepted", "assigned", "responded", "resolved", "confirmed", "reopened", "reopened", "assigned", "resolved", "resolved", "confirmed"];
        return [.. events.Select((e, i) => e with
        {
            AggregateId = ticketId,
            AggregateVersion = i + 1,
            TicketId = ticketId,
            Number = "QY-2026-000123",
            Category = "land",
            Priority = "normal",
            RequesterKind = "enterprise",
            EnterpriseCode = "91350100M000100Y43",
            State = states[i],
            SubmittedAt = Submitted,
            AcceptanceDue = Submitted.AddHours(8),
            FirstContactDue = Submitted.AddDays(1),
            StageReplyDue = i >= 2 ? Submitted.AddDays(3) : null,
            OriginalResolutionDue = i >= 2 ? Submitted.AddDays(10) : null,
            ResolutionDue = i >= 2 ? Submitted.AddDays(10) : null,
        })];
    }

    /// <summary>The record the events give when applied one after another in the ticket's order.</summary>
    public static TicketRecord InOrder(IReadOnlyList<TicketEvent> events)
    {
        var record = TicketRecord.For(events[0]);
        foreach (var e in events)
        {
            record.Apply(e);
        }
        return record;
    }

    /// <summary>Every fact of a record but PostgreSQL's row version, as text that names what differs.</summary>
    public static string Describe(TicketRecord record) => string.Join("; ", typeof(TicketRecord).GetProperties()
        .Where(p => p.Name != nameof(TicketRecord.Version))
        .Select(p => $"{p.Name}={(p.GetValue(record) is DateTimeOffset at ? at.UtcDateTime.ToString("O") : p.GetValue(record))}"));
}
