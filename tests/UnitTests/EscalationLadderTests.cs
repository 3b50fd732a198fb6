using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using Shouldly;

using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>
/// The escalation ladder with a fake clock: the scheduler looks every half hour, day and night; each step comes one
/// working day after the last, and nothing goes out outside working hours.
/// </summary>
public sealed class EscalationLadderTests
{
    private static readonly DeadlinePolicy Deadlines = TestCalendar.Deadlines;
    private static readonly EscalationPolicy Policy = new() { ReminderBefore = "4h", PublicNoticeAfterDays = 2 };
    private static readonly Guid Leader = Guid.NewGuid();
    private static readonly TicketActor Office = new("office-1", "办公室", "OfficeStaff", null);


    private static Ticket AcceptedAt(DateTimeOffset at)
    {
        var ticket = TicketLifecycleTests.NewTicket(at);
        ticket.Accept(Office, Deadlines, at);
        ticket.Assign(Guid.NewGuid(), [], Office, at);
        ((IEventSource)ticket).RaisedEvents.Take();
        return ticket;
    }

    /// <summary>Ticks every 30 minutes from <paramref name="from"/> to <paramref name="to"/>; returns when each step was taken.</summary>
    private static List<(DateTimeOffset At, EscalationLevel Level)> Run(Ticket ticket, DateTimeOffset from, DateTimeOffset to)
    {
        var steps = new List<(DateTimeOffset, EscalationLevel)>();
        for (var now = from; now <= to; now = now.AddMinutes(30))
        {
            if (ticket.AdvanceEscalation(Policy, Deadlines, Leader, now))
            {
                steps.Add((now, ticket.EscalationLevel));
            }
        }
        return steps;
    }

    [Fact]
    public void An_overdue_ticket_climbs_one_step_per_working_day_in_working_hours_only()
    {
        var ticket = AcceptedAt(China(3, 2, 9));
        ticket.ResolutionDue.ShouldBe(China(3, 11, 17, 30));

        var steps = Run(ticket, China(3, 2, 9), China(3, 25, 0));

        steps.ShouldBe([
            (China(3, 11, 13, 30), EscalationLevel.Reminded),   // four working hours before the deadline
            (China(3, 12, 9), EscalationLevel.Urged),           // 催办 the working day after it was missed
            (China(3, 13, 9), EscalationLevel.Supervised),      // 督办 the next working day
            (China(3, 17, 9), EscalationLevel.Publicised),      // 通报 two working days later, over the weekend
        ]);
        steps.ShouldAllBe(s => Deadlines.Calendar.IsWorkingTime(s.At));
        var events = ((IEventSource)ticket).RaisedEvents.Take();
        events.OfType<TicketEscalated>().Select(e => e.Step).ShouldBe(["urge", "supervise", "publicise"]);
        events.OfType<TicketEscalated>().Single(e => e.Step == "supervise").LeaderId.ShouldBe(Leader);
        ticket.SupervisionOrders.ShouldHaveSingleItem().LeaderId.ShouldBe(Leader);
        ticket.Timeline.Select(e => e.Action).TakeLast(4).ShouldBe(["remind", "urge", "supervise", "publicise"]);
    }

    [Fact]
    public void Over_the_spring_festival_the_ladder_waits_for_working_days_and_uses_the_make_up_saturday()
    {
        // Accepted on Thursday 5 February: seven working days end on the make-up Saturday 14 February.
        var ticket = AcceptedAt(China(2, 5, 10));
        ticket.ResolutionDue.ShouldBe(China(2, 14, 17, 30));

        var steps = Run(ticket, China(2, 14, 0), China(3, 3, 0));

        steps.Select(s => (s.At, s.Level)).ShouldBe([
            (China(2, 14, 13, 30), EscalationLevel.Reminded),
            (China(2, 24, 9), EscalationLevel.Urged),
            (China(2, 25, 9), EscalationLevel.Supervised),
            (China(2, 27, 9), EscalationLevel.Publicised),
        ]);
    }

    [Fact]
    public void A_paused_or_resolved_ticket_does_not_escalate()
    {
        var paused = AcceptedAt(China(3, 2, 9));
        paused.Pause("等待材料", Office, China(3, 3, 9));
        Run(paused, China(3, 3, 9), China(3, 31, 0)).ShouldBeEmpty();

        var resolved = AcceptedAt(China(3, 2, 9));
        resolved.StartHandling(null, Office, China(3, 2, 10));
        resolved.Resolve("已办结", Office, Deadlines, China(3, 3, 10));
        Run(resolved, China(3, 3, 10), China(3, 31, 0)).ShouldBeEmpty();
    }

    [Fact]
    public void A_dissatisfied_confirmation_reopens_and_urges_at_once()
    {
        var ticket = AcceptedAt(China(3, 2, 9));
        ticket.StartHandling(null, Office, China(3, 2, 10));
        ticket.Resolve("已办结", Office, Deadlines, China(3, 3, 10));
        ticket.Confirm(Satisfaction.Dissatisfied, "没有解决", new TicketActor("e", "企业", "EnterpriseContact", null), China(3, 4, 10));

        ticket.State.ShouldBe(TicketState.Reopened);
        ticket.EscalationLevel.ShouldBe(EscalationLevel.Urged);
        ((IEventSource)ticket).RaisedEvents.Take().OfType<TicketEscalated>().ShouldHaveSingleItem().Step.ShouldBe("urge");
    }
}
