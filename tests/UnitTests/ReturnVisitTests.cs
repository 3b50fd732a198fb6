using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using Shouldly;
using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>回访 for resolved and closed tickets, and 撤单质检 of withdrawals.</summary>
public sealed class ReturnVisitTests
{
    private static readonly TicketActor Office = new("office-1", "办公室", "OfficeStaff", null);
    private static readonly TicketActor Requester = new("enterprise-1", "联络员", "EnterpriseContact", null);

    private static Ticket ResolvedOn(DateTimeOffset at)
    {
        var ticket = TicketLifecycleTests.NewTicket(at);
        ticket.Accept(Office, Deadlines, at);
        ticket.Assign(Guid.NewGuid(), [], Office, at);
        ticket.StartHandling(null, Office, at);
        ticket.Resolve("已办结", Office, Deadlines, at);
        ((IEventSource)ticket).RaisedEvents.Take();
        return ticket;
    }

    [Fact]
    public void A_resolved_ticket_waits_three_working_days_for_the_requester_then_enters_the_return_visit_queue()
    {
        ResolvedOn(China(2, 12, 10)).ConfirmationDue.ShouldBe(China(2, 24, 17, 30), "13, 14 (the make-up Saturday), then 24 February");
    }

    [Fact]
    public void An_unanswered_call_is_recorded_and_an_answered_one_confirms()
    {
        var ticket = ResolvedOn(China(3, 2, 10));

        ticket.RecordReturnVisit(answered: false, null, null, null, "无人接听", Office, China(3, 6, 10));
        ticket.State.ShouldBe(TicketState.Resolved);
        ticket.RecordReturnVisit(answered: true, Satisfaction.BasicallySatisfied, reallySolved: true, improperRequest: false, "企业表示基本满意", Office, China(3, 6, 15));

        ticket.State.ShouldBe(TicketState.Confirmed);
        ticket.Satisfaction.ShouldBe(Satisfaction.BasicallySatisfied);
        ticket.ReturnVisits.Count.ShouldBe(2);
        ((IEventSource)ticket).RaisedEvents.Take().Select(e => e.GetType())
            .ShouldBe([typeof(TicketReturnVisited), typeof(TicketReturnVisited), typeof(TicketConfirmed)]);
    }

    [Fact]
    public void A_problem_not_really_solved_reopens_and_urges_even_if_the_requester_is_polite()
    {
        var ticket = ResolvedOn(China(3, 2, 10));

        ticket.RecordReturnVisit(answered: true, Satisfaction.Satisfied, reallySolved: false, improperRequest: true, "问题实际未解决", Office, China(3, 6, 10));

        ticket.State.ShouldBe(TicketState.Reopened);
        ticket.Satisfaction.ShouldBe(Satisfaction.Dissatisfied);
        ticket.EscalationLevel.ShouldBe(EscalationLevel.Urged);
        ((IEventSource)ticket).RaisedEvents.Take().OfType<TicketReturnVisited>().Single().ImproperRequest.ShouldBe(true);
        Should.Throw<RuleViolation>(() => ticket.RecordReturnVisit(true, Satisfaction.Satisfied, true, false, null, Office, China(3, 6, 11))).Status.ShouldBe(409);
    }

    [Fact]
    public void A_ticket_the_requester_confirmed_still_gets_its_return_visit_and_a_dissatisfied_answer_redoes_it()
    {
        var ticket = ResolvedOn(China(3, 2, 10));
        ticket.Confirm(Satisfaction.Satisfied, null, Requester, China(3, 3, 9));
        ticket.State.ShouldBe(TicketState.Confirmed);
        ticket.ReturnVisitPending.ShouldBeTrue("every closed ticket is visited by default");

        ticket.RecordReturnVisit(answered: false, null, null, null, "无人接听", Office, China(3, 4, 10));
        ticket.ReturnVisitPending.ShouldBeTrue("an unanswered call leaves it in the queue");
        ticket.RecordReturnVisit(answered: true, Satisfaction.Satisfied, reallySolved: false, improperRequest: false, "贷款仍未落实", Office, China(3, 5, 10));

        ticket.State.ShouldBe(TicketState.Reopened);
        ticket.ReturnVisitPending.ShouldBeFalse();
        ticket.Satisfaction.ShouldBe(Satisfaction.Dissatisfied);
        ticket.EscalationLevel.ShouldBe(EscalationLevel.Urged);
        ticket.ReturnVisits.Count.ShouldBe(2);
        ((IEventSource)ticket).RaisedEvents.Take().Select(e => e.GetType())
            .ShouldBe([typeof(TicketConfirmed), typeof(TicketReturnVisited), typeof(TicketReturnVisited), typeof(TicketReopened), typeof(TicketEscalated)]);
    }

    [Fact]
    public void A_satisfied_return_visit_closes_the_confirmed_ticket_for_good()
    {
        var ticket = ResolvedOn(China(3, 2, 10));
        ticket.Confirm(Satisfaction.BasicallySatisfied, null, Requester, China(3, 3, 9));

        ticket.RecordReturnVisit(answered: true, Satisfaction.Satisfied, reallySolved: true, improperRequest: false, null, Office, China(3, 4, 10));

        ticket.State.ShouldBe(TicketState.Confirmed);
        ticket.Satisfaction.ShouldBe(Satisfaction.BasicallySatisfied, "the requester's own rating stands");
        ticket.ReturnVisitPending.ShouldBeFalse();
        Should.Throw<RuleViolation>(() => ticket.RecordReturnVisit(true, Satisfaction.Satisfied, true, false, null, Office, China(3, 4, 11))).Status.ShouldBe(409);
    }

    [Fact]
    public void A_resolved_ticket_confirmed_by_the_return_visit_call_is_not_called_again()
    {
        var ticket = ResolvedOn(China(3, 2, 10));

        ticket.RecordReturnVisit(answered: true, Satisfaction.Satisfied, reallySolved: true, improperRequest: false, null, Office, China(3, 6, 10));

        ticket.State.ShouldBe(TicketState.Confirmed);
        ticket.ReturnVisitPending.ShouldBeFalse();
    }

    [Fact]
    public void Confirmed_tickets_are_drawn_for_a_call_by_their_id_at_the_configured_rate()
    {
        var random = new Random(20261201);
        var ids = Enumerable.Range(0, 1000).Select(_ =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }).ToList();
        var share = new ReturnVisitPolicy { ConfirmedSharePercent = 30 };

        var drawn = ids.Where(share.Draws).ToList();

        drawn.Count.ShouldBeInRange(250, 350);
        drawn.ShouldAllBe(id => ReturnVisitPolicy.Bucket(id) < 30);
        ids.Where(share.Draws).ShouldBe(drawn, "the same ticket is drawn the same way every time");
        ids.ShouldAllBe(id => ReturnVisitPolicy.Default.Draws(id));
        ids.ShouldAllBe(id => !ReturnVisitPolicy.None.Draws(id));

        var notDrawn = ResolvedOn(China(3, 2, 10));
        var policy = new ReturnVisitPolicy { ConfirmedSharePercent = ReturnVisitPolicy.Bucket(notDrawn.Id) };
        notDrawn.Confirm(Satisfaction.Satisfied, null, Requester, China(3, 3, 9), policy);
        notDrawn.ReturnVisitPending.ShouldBeFalse();
        Should.Throw<RuleViolation>(() => notDrawn.RecordReturnVisit(false, null, null, null, null, Office, China(3, 4, 10))).Status.ShouldBe(409);
    }

    [Fact]
    public void A_withdrawal_pressed_by_a_unit_reopens_the_ticket_and_a_genuine_one_is_confirmed_once()
    {
        var pressed = TicketLifecycleTests.NewTicket(China(3, 2, 9));
        pressed.Accept(Office, Deadlines, China(3, 2, 9));
        pressed.Withdraw("问题已解决", Requester, China(3, 3, 9));
        pressed.ReviewWithdrawal(pressedByUnit: true, "回访核实：经办人要求企业撤单", Office, China(4, 1, 10));

        pressed.State.ShouldBe(TicketState.Reopened);
        pressed.WithdrawnAt.ShouldBe(China(3, 3, 9));
        pressed.EscalationLevel.ShouldBe(EscalationLevel.Urged);

        var genuine = TicketLifecycleTests.NewTicket(China(3, 2, 9));
        genuine.Withdraw("企业自行解决", Requester, China(3, 3, 9));
        genuine.ReviewWithdrawal(pressedByUnit: false, null, Office, China(4, 1, 10));
        genuine.State.ShouldBe(TicketState.Withdrawn);
        Should.Throw<RuleViolation>(() => genuine.ReviewWithdrawal(true, "again", Office, China(4, 1, 11))).Status.ShouldBe(409);
    }
}
