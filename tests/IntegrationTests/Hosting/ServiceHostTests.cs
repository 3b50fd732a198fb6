using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Hosting;

/// <summary>Every service starts on its own migrated database, reports database and broker in /health, and serves OpenAPI.</summary>
public sealed class ServiceHostTests(TestServers servers)
{
    [Fact]
    public Task Tickets_host() => AssertHostAsync<TicketsDbContext>("tickets", "ticketsdb", "企业服务工单");

    [Fact]
    public Task Study_host() => AssertHostAsync<StudyDbContext>("study", "studydb", "学习活动");

    [Fact]
    public Task Discipline_host() => AssertHostAsync<DisciplineDbContext>("discipline", "disciplinedb", "纪律教育");

    [Fact]
    public Task Liaison_host() => AssertHostAsync<LiaisonDbContext>("liaison", "liaisondb", "统战联络");

    [Fact]
    public Task Community_host() => AssertHostAsync<CommunityDbContext>("community", "communitydb", "社区工作与宣传");

    [Fact]
    public Task Identity_host() => AssertHostAsync<IdentityDbContext>("identity", "identitydb", "统一身份认证");

    [Fact]
    public Task Reporting_host() => AssertHostAsync<ReportingDbContext>("reporting", "reportingdb", "报表与督办");

    private async Task AssertHostAsync<TDbContext>(string service, string database, string title) where TDbContext : DbContext
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var factory = await ServiceFactory<TDbContext>.CreateAsync(servers, service, database);
        await factory.WaitUntilHealthyAsync(cancellationToken);
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health", cancellationToken);
        health.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = health.GetProperty("entries").EnumerateObject().Select(e => e.Name).ToList();
        checks.ShouldContain(typeof(TDbContext).Name, "the database is part of readiness");
        checks.ShouldContain(c => c.StartsWith("masstransit", StringComparison.Ordinal), "the broker is part of readiness");

        (await client.GetAsync("/alive", cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", cancellationToken);
        openApi.GetProperty("info").GetProperty("title").GetString()!.ShouldContain(title);

        var applied = await factory.QueryAsync(db => db.Database.GetAppliedMigrationsAsync(cancellationToken));
        applied.ShouldContain(m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }
}
