using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>The closed loop's HTTP steps as the portal and the handlers' desk send them.</summary>
public static class TicketSteps
{
    public const string DemoEnterpriseCode = "91320100MA1X0ABC1F";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The demo enterprise files a ticket; returns its id and ETag.</summary>
    public static async Task<(Guid Id, string ETag)> SubmitAsync(HttpClient enterprise, string title = "流动资金贷款")
    {
        using var response = await enterprise.PostAsJsonAsync("/api/tickets", new
        {
            title,
            category = "financing",
            description = "扩大生产需要流动资金。",
            enterpriseName = "示范科技有限公司",
            unifiedSocialCreditCode = DemoEnterpriseCode,
        }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    /// <summary>One step that must succeed; returns the new ETag.</summary>
    public static async Task<string> StepAsync(HttpClient client, Guid id, string step, object body, string? etag = null)
    {
        using var response = await SendStepAsync(client, id, step, body, etag);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{step}: {await response.Content.ReadAsStringAsync(Cancel)}");
        return response.Headers.ETag!.Tag;
    }

    public static Task<HttpResponseMessage> SendStepAsync(HttpClient client, Guid id, string step, object body, string? ifMatch) =>
        client.SendAsync(StepRequest(id, step, body, ifMatch), Cancel);

    /// <summary>A step's request, for a test that adds headers of its own (Accept-Language).</summary>
    public static HttpRequestMessage StepRequest(Guid id, string step, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/{step}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(ifMatch));
        }
        return request;
    }
}
