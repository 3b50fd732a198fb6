using BrandPlatform.Platform.Http;
using BrandPlatform.Tickets.Domain;
using Shouldly;

namespace BrandPlatform.UnitTests;

public sealed class TicketNumberTests
{
    [Fact]
    public void Numbers_are_prefixed_and_zero_padded() =>
        TicketNumber.For(2026, 123).Value.ShouldBe("QY-2026-000123");

    [Fact]
    public void The_numbering_year_follows_china_time_not_utc()
    {
        // 16:30 UTC on 31 December is already 00:30 on 1 January in Beijing.
        TicketNumber.YearOf(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)).ShouldBe(2027);
        TicketNumber.YearOf(new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero)).ShouldBe(2026);
    }

    [Fact]
    public void A_submitted_ticket_announces_itself_once()
    {
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var ticket = Ticket.Submit(TicketNumber.For(2026, 1), " 用地审批 ", TicketCategory.Land, "描述", "某某公司", "91350100M000100Y43", now);

        ticket.State.ShouldBe(TicketState.Submitted);
        ((BrandPlatform.Platform.Domain.IEventSource)ticket).RaisedEvents.Take().ShouldHaveSingleItem().ShouldBeOfType<BrandPlatform.Contracts.Tickets.TicketSubmitted>().TicketId.ShouldBe(ticket.Id);
        ((BrandPlatform.Platform.Domain.IEventSource)ticket).RaisedEvents.Take().ShouldBeEmpty();
        ticket.Title.ShouldBe("用地审批");
        Should.Throw<ArgumentException>(() =>
            Ticket.Submit(TicketNumber.For(2026, 2), "t", TicketCategory.Land, "d", "e", "91350100M000100Y44", now));
    }

    [Theory]
    [InlineData("$.category", "category")]
    [InlineData("$.contacts[0].phone", "contacts[0].phone")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    public void Json_paths_become_field_names(string? path, string field) =>
        ProblemExceptionHandler.JsonPathToField(path).ShouldBe(field);
}
