using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Tickets.Domain;
using Microsoft.Extensions.Hosting;
using Shouldly;

using static BrandPlatform.UnitTests.TestCalendar;

namespace BrandPlatform.UnitTests;

/// <summary>Chambers' leader links, phone masking, co-handling feedback before resolution, and the shared figure rules.</summary>
public sealed class RequesterAndFigureRulesTests
{
    [Fact]
    public void A_chamber_has_one_linked_leader_on_any_day_and_periods_never_overlap()
    {
        var chamber = Chamber.Create("市工商联青年商会", isKey: true, China(1, 5, 9));
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var link = chamber.LinkLeader(first, "甲领导", new DateOnly(2026, 1, 1), null);

        Should.Throw<RuleViolation>(() => chamber.LinkLeader(second, "乙领导", new DateOnly(2026, 6, 1), null)).Status.ShouldBe(409);
        chamber.EndLink(link.Id, new DateOnly(2026, 5, 31));
        chamber.LinkLeader(second, "乙领导", new DateOnly(2026, 6, 1), null);

        chamber.LeaderOn(new DateOnly(2025, 12, 31)).ShouldBeNull();
        chamber.LeaderOn(new DateOnly(2026, 5, 31)).ShouldBe(first);
        chamber.LeaderOn(new DateOnly(2026, 6, 1)).ShouldBe(second);
        Should.Throw<RuleViolation>(() => chamber.LinkLeader(first, "甲领导", new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1))).Status.ShouldBe(422);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("0591-87654321", "0591-****4321")]
    [InlineData("010-12345678-123", "010-********-123")]
    public void Phone_numbers_are_masked_in_lists(string phone, string masked)
    {
        PhoneNumbers.IsValid(phone).ShouldBeTrue();
        PhoneNumbers.Mask(phone).ShouldBe(masked);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23812345678")]
    [InlineData("1381234567a")]
    public void Phone_numbers_that_cannot_be_called_are_refused(string phone) => PhoneNumbers.IsValid(phone).ShouldBeFalse();

    [Fact]
    public void A_contact_never_prints_the_whole_number()
    {
        var requester = Requester.Person("王某某", PersonCategory.PrivateEconomy, null, China(3, 2, 9));
        requester.ReplaceContacts([("王某某", "13812345678", null)]);
        requester.Contacts.Single().ToString().ShouldNotContain("13812345678");
    }

    [Fact]
    public void The_lead_unit_resolves_only_after_every_co_handling_unit_has_given_feedback()
    {
        var co = Guid.NewGuid();
        var ticket = TicketLifecycleTests.NewTicket(China(3, 2, 9));
        var office = new TicketActor("office-1", "办公室", "OfficeStaff", null);
        ticket.Accept(office, Deadlines, China(3, 2, 10));
        ticket.Assign(Guid.NewGuid(), [co], office, China(3, 2, 10));
        ticket.StartHandling(null, office, China(3, 2, 11));

        Should.Throw<RuleViolation>(() => ticket.Resolve("已办结", office, Deadlines, China(3, 2, 15))).Title.Format(PlatformLanguages.Default).ShouldBe("协办单位尚未反馈意见");
        Should.Throw<RuleViolation>(() => ticket.RecordCoHandlingFeedback(Guid.NewGuid(), "不是协办单位", office, China(3, 2, 15))).Status.ShouldBe(422);
        ticket.RecordCoHandlingFeedback(co, "协办意见", office, China(3, 2, 15));
        ticket.Resolve("已办结", office, Deadlines, China(3, 2, 16));
        ticket.State.ShouldBe(TicketState.Resolved);
    }

    private static readonly DateTimeOffset Due = China(3, 10, 17);

    private static TicketFacts Resolved(bool onTime, string? satisfaction, string state = "confirmed", int reopens = 0) => new()
    {
        AcceptedAt = Due.AddDays(-5), AcceptanceDue = Due.AddDays(-4),
        FirstContactAt = Due.AddDays(-5), FirstContactDue = Due.AddDays(-5).AddHours(-1),
        RespondedAt = Due.AddDays(-2), StageReplyDue = Due.AddDays(-1),
        ResolvedAt = state == "reopened" ? null : onTime ? Due.AddHours(-1) : Due.AddHours(1), OriginalResolutionDue = Due,
        State = state, Satisfaction = satisfaction, ReopenCount = reopens, HandlingWorkingHours = 20, Urges = onTime ? 0 : 1,
    };

    [Fact]
    public void Figures_follow_the_published_definitions()
    {
        var figures = TicketFigures.Of(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
        [
            Resolved(onTime: true, "satisfied"),
            Resolved(onTime: false, "basicallySatisfied"),
            Resolved(onTime: true, "dissatisfied", state: "reopened", reopens: 1),
            Resolved(onTime: true, satisfaction: null, state: "resolved"),
            new TicketFacts { State = "submitted" },
        ]);

        figures.Volume.ShouldBe(5);
        figures.Accepted.ShouldBe(4);
        figures.AcceptedOnTimeRate.ShouldBe(1);
        figures.FirstContactOnTimeRate.ShouldBe(0, "contact came an hour late every time");
        figures.StageReplyOnTimeRate.ShouldBe(1);
        figures.Resolved.ShouldBe(4);
        figures.ResolvedOnTimeRate.ShouldBe(0.5, "one late, one reopened");
        figures.SolvedRate.ShouldBe(0.5, "two closed as solved of four resolved");
        figures.Confirmed.ShouldBe(3);
        figures.SatisfactionRate.ShouldBe(0.6667);
        figures.ReopenRate.ShouldBe(0.25);
        figures.AverageHandlingWorkingHours.ShouldBe(20);
        figures.Escalations.Urges.ShouldBe(1);
        TicketFigures.Of(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), []).SatisfactionRate.ShouldBeNull();
    }
}
