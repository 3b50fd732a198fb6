using System.Net;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Reporting;

/// <summary>
/// Ticket figures are for the office, liaison leaders and administrators; a government system with reporting.read reads
/// the figures of what it filed (TicketFigureGroupsTests) and is refused the platform-wide summary.
/// </summary>
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

    [Fact]
    public async Task A_system_with_reporting_read_is_refused_platform_wide_figures()
    {
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "reporting.read");

        using var response = await system.GetAsync("/api/reporting/tickets/summary", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Operations_endpoints_admit_operators_and_the_dashboard_s_key_only()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var anonymous = fixture.Service.CreateClient();
        (await anonymous.PostAsync("/ops/error-queues/replay", null, cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var memberToken = (await fixture.Identity.SignInAsync("member", IdentityHost.DevelopmentPassword, "openid operations"))
            .GetProperty("access_token").GetString()!;
        using var member = IdentityHost.WithBearer(fixture.Service.CreateClient(), memberToken);
        (await member.PostAsync("/ops/error-queues/replay", null, cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var system = await fixture.Identity.ClientWithTokenAsync(fixture.Service, "reporting.read");
        (await system.PostAsync("/ops/error-queues/replay", null, cancel)).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "a government system's token is not an operator");

        using var dashboard = fixture.Service.CreateClient();
        dashboard.DefaultRequestHeaders.Add("X-Operations-Key", ServiceFactory<BrandPlatform.Reporting.Infrastructure.ReportingDbContext>.OperationsKey);
        (await dashboard.PostAsync("/ops/error-queues/replay", null, cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        dashboard.DefaultRequestHeaders.Remove("X-Operations-Key");
        dashboard.DefaultRequestHeaders.Add("X-Operations-Key", "guess");
        (await dashboard.PostAsync("/ops/error-queues/replay", null, cancel)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
