using System.Net;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>Ticket figures are for the office, liaison leaders and administrators, and systems granted reporting.read.</summary>
public sealed class ReportAccessTests(ReportingFixture fixture) : IClassFixture<ReportingFixture>
{
    [Theory]
    [InlineData("office", HttpStatusCode.OK)]
    [InlineData("leader", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    [InlineData("member", HttpStatusCode.Forbidden)]
    [InlineData("enterprise", HttpStatusCode.Forbidden)]
    [InlineData("handler", HttpStatusCode.Forbidden)]
    public async Task Each_role_gets_the_answer_its_duties_allow(string userName, HttpStatusCode expected)
    {
        using var client = await fixture.Identity.ClientForPersonAsync(fixture.Service, userName);

        using var response = await client.GetAsync("/api/reporting/tickets/summary", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
    }
}
