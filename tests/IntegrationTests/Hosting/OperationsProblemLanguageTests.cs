using System.Net;
using System.Text.Json;
using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Hosting;

/// <summary>The operations endpoints answer a broker that cannot be reached with a 503 in the operator's language.</summary>
public sealed class OperationsProblemLanguageTests(TestServers servers)
{
    [Fact]
    public async Task Replaying_error_queues_without_a_broker_is_a_503_problem_in_the_caller_s_language()
    {
        var cancel = TestContext.Current.CancellationToken;
        // Port 9 (discard) refuses connections on loopback: the broker is down for the replay only.
        await using var service = await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb",
            configureServices: services => services.AddSingleton(provider => new ErrorQueueReplayer(
                new Uri("amqp://guest:guest@127.0.0.1:9/"), ["discipline-nothing"], provider.GetRequiredService<ILogger<ErrorQueueReplayer>>())));
        using var dashboard = service.CreateClient();
        dashboard.DefaultRequestHeaders.Add("X-Operations-Key", ServiceFactory<DisciplineDbContext>.OperationsKey);

        foreach (var language in new[] { "zh-CN", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, ErrorQueueEndpoints.ReplayPath);
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await dashboard.SendAsync(request, cancel);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel)).RootElement;
            if (language == "en")
            {
                ProblemLanguage.ShouldSpeakEnglish(problem);
            }
            else
            {
                ProblemLanguage.ShouldSpeakChinese(problem);
                problem.GetProperty("title").GetString().ShouldBe("消息中间件无法连接");
            }
        }
    }
}
