using BrandPlatform.Platform.Programme;
using System.Text.Json;
using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Calendar;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using Microsoft.Extensions.Hosting;
using Shouldly;

using static BrandPlatform.UnitTests.TestCalendar;
using RequesterProfile = BrandPlatform.Tickets.Domain.Requester;

namespace BrandPlatform.UnitTests;

/// <summary>The closed loop as the entity enforces it: every legal step, every illegal one, and the clocks.</summary>
public sealed class TicketLifecycleTests
{
    private static readonly DeadlinePolicy Deadlines = TestCalendar.Deadlines;
    private static readonly TicketActor Office = new("office-1", "办公室", "OfficeStaff", null);
    private static readonly TicketActor Handler = new("handler-1", "经办人", "TaskForceHandler", Guid.NewGuid());
    private static readonly TicketActor Requester = new("enterprise-1", "联络员", "EnterpriseContact", null);


    internal static Ticket NewTicket(DateTimeOffset at, TicketPriority priority = TicketPriority.Normal) =>
        Ticket.Submit(TicketNumber.For(2026, 1), " 用地审批 ", TicketCategory.Land, "描述",
            RequesterProfile.Enterprise("某某公司", "91350100M000100Y43", null, at), "某某公司", null,
            priority, TicketChannel.Portal, null, [], Requester, Deadlines, at);

    private static Ticket InState(TicketState state)
    {
        var ticket = NewTicket(China(3, 2, 9));
        var now = China(3, 2, 10);
        var unit = Guid.NewGuid();
        switch (state)
        {
            case TicketState.Submitted: break;
            case TicketState.Rejected: ticket.Reject("不属于受理范围", Office, now); break;
            case TicketState.Withdrawn: ticket.Withdraw("已自行解决", Requester, now); break;
            default:
                ticket.Accept(Office, Deadlines, now);
                if (state == TicketState.Accepted) break;
                if (state == TicketState.Paused) { ticket.Pause("等待补充材料", Handler, now); break; }
                ticket.Assign(unit, [], Office, now);
                if (state == TicketState.Assigned) break;
                ticket.StartHandling(null, Handler, now);
                if (state == TicketState.InProgress) break;
                ticket.Respond("已联系银行", Handler, now);
                if (state == TicketState.Responded) break;
                ticket.Resolve("已放款", Handler, Deadlines, now);
                if (state == TicketState.Resolved) break;
                if (state == TicketState.Reopened) { ticket.Reopen("撤单质检发现被要求撤单", Office, now); break; }
                ticket.Confirm(Satisfaction.Satisfied, null, Requester, now);
                break;
        }
        ticket.State.ShouldBe(state);
        Take(ticket);
        return ticket;
    }

    private static readonly Dictionary<string, (TicketState[] From, Action<Ticket> Step)> Steps = new()
    {
        ["accept"] = ([TicketState.Submitted], t => t.Accept(Office, Deadlines, China(3, 3, 9))),
        ["reject"] = ([TicketState.Submitted], t => t.Reject("r", Office, China(3, 3, 9))),
        ["assign"] = ([TicketState.Accepted, TicketState.Assigned, TicketState.Reopened], t => t.Assign(Guid.NewGuid(), [], Office, China(3, 3, 9))),
        ["start"] = ([TicketState.Assigned], t => t.StartHandling(null, Handler, China(3, 3, 9))),
        ["respond"] = ([TicketState.InProgress, TicketState.Responded], t => t.Respond("n", Handler, China(3, 3, 9))),
        ["resolve"] = ([TicketState.InProgress, TicketState.Responded], t => t.Resolve("n", Handler, Deadlines, China(3, 3, 9))),
        ["confirm"] = ([TicketState.Resolved], t => t.Confirm(Satisfaction.Satisfied, null, Requester, China(3, 3, 9))),
        ["reopen"] = ([TicketState.Resolved, TicketState.Confirmed], t => t.Reopen("r", Office, China(3, 3, 9))),
        ["pause"] = ([TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded], t => t.Pause("r", Handler, China(3, 3, 9))),
        ["resume"] = ([TicketState.Paused], t => t.Resume(null, Handler, Deadlines, China(3, 3, 9))),
        ["withdraw"] = ([TicketState.Submitted, TicketState.Accepted, TicketState.Assigned, TicketState.InProgress, TicketState.Responded, TicketState.Paused],
            t => t.Withdraw("r", Requester, China(3, 3, 9))),
    };

    public static TheoryData<string, TicketState> EveryStepInEveryState()
    {
        var data = new TheoryData<string, TicketState>();
        foreach (var step in Steps.Keys)
        {
            foreach (var state in Enum.GetValues<TicketState>())
            {
                data.Add(step, state);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStepInEveryState))]
    public void Each_step_is_allowed_exactly_in_its_states_and_otherwise_refused_naming_the_state(string step, TicketState state)
    {
        var ticket = InState(state);
        var (from, apply) = Steps[step];
        var entries = ticket.Timeline.Count;
        var version = ticket.Version;

        if (from.Contains(state))
        {
            apply(ticket);
            ticket.Version.ShouldBeGreaterThan(version);
            ticket.Timeline.Count.ShouldBeGreaterThan(entries);
        }
        else
        {
            var refused = Should.Throw<RuleViolation>(() => apply(ticket));
            refused.Status.ShouldBe(409);
            // The refusal names the state: in English "in progress", in Chinese its name in quotes.
            refused.Message.ShouldContain($"The ticket is {JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString()).Replace('_', ' ')};");
            refused.Detail.Format(PlatformLanguages.Default).ShouldStartWith("工单当前为“");
            ticket.State.ShouldBe(state);
            ticket.Version.ShouldBe(version);
            ticket.Timeline.Count.ShouldBe(entries);
            Take(ticket).ShouldBeEmpty();
        }
    }

    [Fact]
    public void A_normal_ticket_filed_on_the_make_up_saturday_before_the_spring_festival_is_accepted_that_day_and_contacted_the_first_day_back()
    {
        var ticket = NewTicket(China(2, 14, 10));

        ticket.AcceptanceDue.ShouldBe(China(2, 14, 17, 30), "办事不隔天: the make-up Saturday is a working day");
        ticket.FirstContactDue.ShouldBe(China(2, 24, 17, 30));
        var submitted = Take(ticket).ShouldHaveSingleItem().ShouldBeOfType<TicketSubmitted>();
        submitted.AcceptanceDue.ShouldBe(China(2, 14, 17, 30));
        submitted.Priority.ShouldBe("normal");
        submitted.Channel.ShouldBe("portal");
    }

    [Theory]
    [InlineData(3, 2, 9, 0, 3, 2)]     // Monday at opening: that day
    [InlineData(3, 2, 12, 30, 3, 2)]   // the lunch break of a working day: still that day
    [InlineData(3, 2, 17, 29, 3, 2)]   // one minute before close: still that day
    [InlineData(3, 2, 7, 30, 3, 2)]    // before opening: the whole working day is ahead
    [InlineData(3, 2, 17, 30, 3, 3)]   // at close: the next working day
    [InlineData(3, 2, 22, 0, 3, 3)]    // after hours
    [InlineData(2, 14, 16, 0, 2, 14)]  // the make-up Saturday before the Spring Festival is a working day
    [InlineData(2, 14, 18, 0, 2, 24)]  // that Saturday after hours: the first day back after the holiday
    [InlineData(2, 13, 20, 0, 2, 14)]  // Friday evening: the make-up Saturday
    [InlineData(2, 16, 10, 0, 2, 24)]  // 除夕, the eve of the Spring Festival, a holiday
    [InlineData(3, 1, 10, 0, 3, 2)]    // an ordinary Sunday
    public void A_normal_ticket_is_accepted_on_the_working_day_it_arrives_or_by_the_close_of_the_next_one_after_hours(
        int month, int day, int hour, int minute, int dueMonth, int dueDay) =>
        NewTicket(China(month, day, hour, minute)).AcceptanceDue.ShouldBe(China(dueMonth, dueDay, 17, 30));

    [Fact]
    public void The_acceptance_rule_stays_configurable()
    {
        var settings = new Dictionary<string, Dictionary<string, string>> { ["Normal"] = new() { ["Acceptance"] = "1d" } };
        var nextDay = new DeadlinePolicy(TestCalendar.Calendar, DeadlinePolicy.FromSettings(settings));

        nextDay.For(TicketPriority.Normal).Acceptance.After(China(3, 2, 10), nextDay.Calendar).ShouldBe(China(3, 3, 17, 30));
        WorkingSpan.Parse("0d").After(China(3, 2, 10), nextDay.Calendar).ShouldBe(China(3, 2, 17, 30));
        Should.Throw<FormatException>(() => WorkingSpan.Parse("0h"));
    }

    [Fact]
    public void Acceptance_starts_the_stage_reply_and_resolution_clocks_in_working_days()
    {
        var ticket = NewTicket(China(9, 24, 10));
        ticket.Accept(Office, Deadlines, China(9, 24, 11));

        ticket.StageReplyDue.ShouldBe(China(9, 30, 17, 30), "28, 29, 30 September; 中秋 and the weekend do not count");
        ticket.ResolutionDue.ShouldBe(China(10, 12, 17, 30), "28–30 September, 8, 9, the make-up Saturday 10 and Monday 12 October");
        ticket.OriginalResolutionDue.ShouldBe(ticket.ResolutionDue);
    }

    [Fact]
    public void Urgent_tickets_run_on_working_hours()
    {
        var ticket = NewTicket(China(3, 2, 11), TicketPriority.Urgent);
        ticket.AcceptanceDue.ShouldBe(China(3, 2, 14, 30), "two working hours, lunch excluded");
        ticket.FirstContactDue.ShouldBe(China(3, 2, 16, 30));
    }

    [Fact]
    public void A_pause_stops_the_clocks_and_the_paused_working_time_is_added_back_on_resume()
    {
        var ticket = NewTicket(China(3, 2, 9));
        ticket.Accept(Office, Deadlines, China(3, 2, 9));
        var resolutionDue = ticket.ResolutionDue!.Value;
        ticket.Assign(Guid.NewGuid(), [], Office, China(3, 2, 10));

        ticket.Pause("等待企业补充材料", Handler, China(3, 3, 9));
        ticket.Resume("材料已收到", Handler, Deadlines, China(3, 5, 9)); // two full working days later

        ticket.State.ShouldBe(TicketState.Assigned);
        ticket.PausedWorkingTime.ShouldBe(TimeSpan.FromHours(14));
        ticket.ResolutionDue.ShouldBe(Deadlines.Calendar.AddWorkingTime(resolutionDue, TimeSpan.FromHours(14)));
        ticket.ResolutionDue!.Value.ShouldBeGreaterThan(resolutionDue);
        Take(ticket).Select(e => e.GetType()).ShouldBe(
            [typeof(TicketSubmitted), typeof(TicketAccepted), typeof(TicketAssigned), typeof(TicketPaused), typeof(TicketResumed)]);
    }

    [Fact]
    public void Handling_time_excludes_the_pause_and_a_dissatisfied_confirmation_reopens()
    {
        var ticket = NewTicket(China(3, 2, 9));
        ticket.Accept(Office, Deadlines, China(3, 2, 9));
        var coHandling = Guid.NewGuid();
        ticket.Assign(Guid.NewGuid(), [coHandling], Office, China(3, 2, 9));
        ticket.StartHandling("已电话联系", Handler, China(3, 2, 10));
        ticket.Pause("等待材料", Handler, China(3, 2, 13, 30));
        ticket.Resume(null, Handler, Deadlines, China(3, 3, 9));
        ticket.RecordCoHandlingFeedback(coHandling, "协办意见", Office, China(3, 3, 11));
        ticket.Resolve("已协调解决", Handler, Deadlines, China(3, 3, 12));
        var resolved = Take(ticket).OfType<TicketResolved>().Single();
        resolved.HandlingWorkingHours.ShouldBe(6, "09:00–12:00 and 09:00–12:00; the afternoon pause is excluded");

        ticket.Confirm(Satisfaction.Dissatisfied, "问题没有真正解决", Requester, China(3, 4, 9));

        ticket.State.ShouldBe(TicketState.Reopened);
        ticket.ReopenCount.ShouldBe(1);
        Take(ticket).Select(e => e.GetType()).ShouldBe([typeof(TicketConfirmed), typeof(TicketReopened), typeof(TicketEscalated)]);
        ticket.Timeline.Select(e => e.Action).ShouldBe(["submit", "accept", "assign", "start", "pause", "resume", "co-handling-feedback", "resolve", "confirm", "reopen", "urge"]);
    }

    [Fact]
    public void The_lead_unit_cannot_also_co_handle()
    {
        var ticket = InState(TicketState.Accepted);
        var unit = Guid.NewGuid();
        Should.Throw<RuleViolation>(() => ticket.Assign(unit, [unit], Office, China(3, 3, 9))).Status.ShouldBe(422);
    }

    [Fact]
    public void A_bad_credit_code_never_makes_a_requester()
    {
        Should.Throw<ArgumentException>(() => RequesterProfile.Enterprise("e", "91350100M000100Y44", null, China(3, 2, 9)));
    }

    private static List<IntegrationEvent> Take(IEventSource source) => [.. source.RaisedEvents.Take()];
}
