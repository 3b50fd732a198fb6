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

    [Theory]
    [InlineData("$.category", "category")]
    [InlineData("$.contacts[0].phone", "contacts[0].phone")]
    [InlineData("$", "$")]
    [InlineData(null, "$")]
    public void Json_paths_become_field_names(string? path, string field) =>
        ProblemExceptionHandler.JsonPathToField(path).ShouldBe(field);
}
