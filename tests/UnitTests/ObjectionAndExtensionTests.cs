using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using Shouldly;

using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>Assignment objections within one working day, and extensions requested a working day ahead.</summary>
public sealed class ObjectionAndExtensionTests
{
    private static readonly DeadlinePolicy Deadlines = TestCalendar.Deadlines;
    private static readonly TicketActor Office = new("office-1", "办公室", "OfficeStaff", null);
    private static readonly TicketActor Handler = new("handler-1", "经办人", "TaskForceHandler", null);


    private static Ticket AssignedOn(DateTimeOffset at, Guid unit)
    {
        var ticket = TicketLifecycleTests.NewTicket(at);
        ticket.Accept(Office, Deadlines, at);
        ticket.Assign(unit, [], Office, at);
        ((IEventSource)ticket).RaisedEvents.Take();
        return ticket;
    }

    [Fact]
    public void An_objection_within_one_working_day_goes_to_the_office_which_decides_by_the_close_of_that_day()
    {
        // Assigned on Friday afternoon: the objection period runs to the close of Monday.
        var ticket = AssignedOn(China(3, 6, 15), Guid.NewGuid());

        ticket.ObjectToAssignment("不属于本专班职责", Handler, Deadlines, China(3, 9, 16));

        ticket.Objection!.DecisionDue.ShouldBe(China(3, 9, 17, 30));
        var other = Guid.NewGuid();
        ticket.DecideObjection(uphold: true, other, "改由征迁专班主办", Office, China(3, 9, 17));
        ticket.LeadUnitId.ShouldBe(other);
        ticket.Objection.ShouldBeNull();
        ticket.State.ShouldBe(TicketState.Assigned);
        ticket.Timeline.Select(e => e.Action).TakeLast(3).ShouldBe(["object", "objection-upheld", "assign"]);
    }

    [Fact]
    public void A_late_objection_or_one_after_handling_started_is_refused_and_a_dismissed_one_changes_nothing()
    {
        var unit = Guid.NewGuid();
        var late = AssignedOn(China(3, 6, 15), unit);
        Should.Throw<RuleViolation>(() => late.ObjectToAssignment("r", Handler, Deadlines, China(3, 10, 9))).Status.ShouldBe(409);

        var started = AssignedOn(China(3, 6, 15), unit);
        started.StartHandling(null, Handler, China(3, 6, 16));
        Should.Throw<RuleViolation>(() => started.ObjectToAssignment("r", Handler, Deadlines, China(3, 6, 17))).Status.ShouldBe(409);

        var dismissed = AssignedOn(China(3, 6, 15), unit);
        dismissed.ObjectToAssignment("r", Handler, Deadlines, China(3, 6, 16));
        Should.Throw<RuleViolation>(() => dismissed.ObjectToAssignment("again", Handler, Deadlines, China(3, 6, 16))).Status.ShouldBe(409);
        dismissed.DecideObjection(uphold: false, null, "职责清楚，请继续办理", Office, China(3, 6, 17));
        dismissed.LeadUnitId.ShouldBe(unit);
        Should.Throw<RuleViolation>(() => dismissed.DecideObjection(false, null, null, Office, China(3, 6, 17))).Status.ShouldBe(409);
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_but_the_original_stays_for_statistics()
    {
        var ticket = AssignedOn(China(3, 2, 9), Guid.NewGuid());
        var original = ticket.ResolutionDue!.Value; // Wednesday 11 March, 17:30
        var requested = Deadlines.Calendar.DeadlineInWorkingDays(original, 3);

        ticket.RequestExtension(requested, "需等待上级部门批复", Handler, Deadlines, China(3, 10, 10));
        ticket.DecideExtension(approve: true, "同意延期，已告知企业", Office, China(3, 10, 11));

        ticket.ResolutionDue.ShouldBe(requested);
        ticket.OriginalResolutionDue.ShouldBe(original);
        var extended = ((IEventSource)ticket).RaisedEvents.Take().OfType<TicketExtended>().ShouldHaveSingleItem();
        extended.ResolutionDue.ShouldBe(requested);
        extended.OriginalResolutionDue.ShouldBe(original);
    }

    [Fact]
    public void An_extension_asked_for_on_the_last_day_or_for_an_earlier_date_is_refused()
    {
        var ticket = AssignedOn(China(3, 2, 9), Guid.NewGuid());
        var due = ticket.ResolutionDue!.Value;

        Should.Throw<RuleViolation>(() => ticket.RequestExtension(due.AddDays(5), "r", Handler, Deadlines, China(3, 11, 9))).Status.ShouldBe(409);
        Should.Throw<RuleViolation>(() => ticket.RequestExtension(due.AddDays(-1), "r", Handler, Deadlines, China(3, 9, 9))).Status.ShouldBe(422);
        Should.Throw<RuleViolation>(() => ticket.DecideExtension(true, null, Office, China(3, 9, 9))).Status.ShouldBe(409);

        ticket.RequestExtension(due.AddDays(5), "r", Handler, Deadlines, China(3, 9, 9));
        ticket.DecideExtension(approve: false, "理由不充分", Office, China(3, 9, 10));
        ticket.ResolutionDue.ShouldBe(due);
        ticket.Extension.ShouldBeNull();
    }
}
