using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Gateway;

/// <summary>What the gateway answers itself, when the service behind a route is down, speaks the caller's language.</summary>
public sealed class GatewayProblemLanguageTests : IClassFixture<GatewayProblemLanguageTests.DownstreamDownFactory>
{
    private readonly DownstreamDownFactory factory;

    public GatewayProblemLanguageTests(DownstreamDownFactory factory) => this.factory = factory;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("zh-CN")]
    public async Task A_service_that_is_down_is_a_502_problem_in_chinese_by_default(string? language)
    {
        var problem = await AnonymousRouteAsync(language);

        ProblemLanguage.ShouldSpeakChinese(problem);
        problem.GetProperty("status").GetInt32().ShouldBe((int)HttpStatusCode.BadGateway);
        problem.GetProperty("title").GetString().ShouldBe("上游服务不可用");
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_502_problem_in_english_on_request()
    {
        var problem = await AnonymousRouteAsync("en");

        ProblemLanguage.ShouldSpeakEnglish(problem);
        problem.GetProperty("title").GetString().ShouldBe("The service behind the gateway is unreachable");
    }

    /// <summary>A sign-in route (anonymous at the edge) whose service is down.</summary>
    private async Task<JsonElement> AnonymousRouteAsync(string? language)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/identity/.well-known/openid-configuration");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", await response.Content.ReadAsStringAsync(Cancel));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    /// <summary>Every service down, and a rate limit these few requests stay under.</summary>
    public sealed class DownstreamDownFactory : GatewayTests.GatewayFactory
    {
        protected override int PermitLimit => 100;
    }
}
