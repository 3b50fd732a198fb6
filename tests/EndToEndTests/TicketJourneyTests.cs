using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BrandPlatform.Testing;
using Aspire.Hosting.Testing;
using Npgsql;
using Shouldly;

namespace BrandPlatform.EndToEndTests;

/// <summary>The seed of the tickets service, driven through the gateway of the running system.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TicketJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task A_ticket_submitted_through_the_gateway_is_counted_by_reporting()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await Gateway.PostAsJsonAsync("/api/tickets", NewTicket("首次贯通测试"), cancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location.ShouldNotBeNull();
        response.Headers.Contains("X-Correlation-Id").ShouldBeTrue();
        (await Gateway.GetAsync(response.Headers.Location, cancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ticketId = await TicketIdAsync(response);
        await Eventually.ReturnsAsync(() => platform.CountedByReportingAsync([ticketId]), n => n == 1, Delivery, "reporting to record the ticket", cancellationToken);
        (await platform.TicketTotalAsync(cancellationToken)).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_400_problem_with_field_errors()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var response = await Gateway.PostAsync("/api/tickets",
            new StringContent("""{"title":"","category":"financing","description":"d","enterpriseName":"e","unifiedSocialCreditCode":"91350100M000100Y44"}""",
                Encoding.UTF8, "application/json"), cancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("errors");
        errors.TryGetProperty("title", out _).ShouldBeTrue();
        errors.TryGetProperty("unifiedSocialCreditCode", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_gateway_reports_each_service_and_serves_the_api_reference()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var health = await Gateway.GetFromJsonAsync<JsonElement>("/health", cancellationToken);
        foreach (var service in new[] { "tickets", "study", "discipline", "reporting" })
        {
            health.GetProperty("entries").GetProperty(service).GetProperty("status").GetString().ShouldBe("Healthy");
        }

        var docs = await Gateway.GetStringAsync("/docs/", cancellationToken);
        // Scalar resolves document URLs against the application base, where the gateway serves them.
        docs.ShouldContain("\"url\":\"openapi/tickets.json\"");
        foreach (var service in new[] { "tickets", "study", "discipline", "reporting" })
        {
            var document = await Gateway.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json", cancellationToken);
            document.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
        }
    }

    [Fact]
    public async Task Submitting_needs_a_token_from_the_identity_service_through_the_gateway()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var anonymous = platform.App.CreateHttpClient("gateway");
        using var refused = await anonymous.PostAsJsonAsync("/api/tickets", NewTicket("没有令牌"), cancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        var token = await platform.TokenAsync("tickets.write", cancellationToken);
        token.Split('.').Length.ShouldBe(3);
        using var authorised = platform.App.CreateHttpClient("gateway");
        authorised.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var accepted = await authorised.PostAsJsonAsync("/api/tickets", NewTicket("持令牌提交"), cancellationToken);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Created);

        var discovery = await anonymous.GetFromJsonAsync<JsonElement>("/identity/.well-known/openid-configuration", cancellationToken);
        discovery.GetProperty("issuer").GetString().ShouldBe(new Uri(anonymous.BaseAddress!, "/identity/").ToString());
    }

    [Fact]
    public async Task The_dashboard_command_replays_error_queues_with_the_deployment_s_operations_key()
    {
        // Throws unless the service answered 2xx: without the key the /ops endpoint answers 401.
        await platform.ReplayErrorQueuesAsync("reporting", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task People_sign_in_through_the_gateway_and_a_member_calling_an_admin_endpoint_gets_403()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = platform.App.CreateHttpClient("gateway");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.PersonTokenAsync("member", cancellationToken));
        using var asMember = await client.GetAsync("/api/directory/people", cancellationToken);
        asMember.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        asMember.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.PersonTokenAsync("admin", cancellationToken));
        // Ten a page: the directory's 'next' links must lead back through the gateway's own route.
        var people = await client.AllItemsAsync("/api/directory/people?limit=10", cancellationToken);
        people.Select(p => p.GetProperty("userName").GetString()).ShouldContain("secretary");
        people.Count.ShouldBeGreaterThanOrEqualTo(40, "the Development organisation has a few dozen people");
        people.Select(p => p.GetProperty("id").GetGuid()).ShouldBeUnique();
    }

    [Fact]
    public async Task Tickets_submitted_while_the_broker_is_down_for_30_seconds_are_all_counted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var submitted = new List<Guid>();

        await platform.StopResourceAsync("messaging", cancellationToken);
        await platform.App.ResourceNotifications.WaitForResourceAsync("messaging",
            e => e.Snapshot.State?.Text is "Exited" or "Finished" or "Stopped" or "FailedToStart", cancellationToken);

        // Six submissions spread over the 30 s outage; each must succeed without the broker.
        var outage = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Gateway.PostAsJsonAsync("/api/tickets", NewTicket($"中断期间的工单 {i}"), cancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            submitted.Add(await TicketIdAsync(response));
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
        outage.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30));
        (await platform.CountedByReportingAsync(submitted)).ShouldBe(0, "nothing can arrive while the broker is down");

        await platform.StartResourceAsync("messaging", cancellationToken);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("messaging", cancellationToken);

        await Eventually.ReturnsAsync(() => platform.CountedByReportingAsync(submitted), n => n == 6, TimeSpan.FromSeconds(120),
            "all six tickets to reach reporting after the broker returned", cancellationToken);
    }

    [Fact]
    public async Task An_event_published_again_with_the_same_message_id_is_counted_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var response = await Gateway.PostAsJsonAsync("/api/tickets", NewTicket("重复投递测试"), cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticketId = await TicketIdAsync(response);
        await using var tickets = new NpgsqlConnection(platform.Database("ticketsdb"));
        await tickets.OpenAsync(cancellationToken);
        var eventId = await Eventually.ReturnsAsync(
            () => ScalarAsync<Guid?>(tickets, $"SELECT id FROM outbox_messages WHERE sent_at IS NOT NULL AND payload->>'ticketId' = '{ticketId}'"),
            id => id is not null, Delivery, "the event to be published", cancellationToken);
        await Eventually.ReturnsAsync(() => platform.CountedByReportingAsync([ticketId]), n => n == 1, Delivery, "reporting to record the ticket", cancellationToken);
        var acksBefore = await SettledAcknowledgementsAsync("reporting-ticket-records", cancellationToken);

        // As after a crash between publishing and marking the row sent: the dispatcher publishes the same event again.
        await ScalarAsync<int?>(tickets, $"UPDATE outbox_messages SET sent_at = NULL, next_attempt_at = now() WHERE id = '{eventId}' RETURNING 1");
        await Eventually.ReturnsAsync(
            () => ScalarAsync<DateTime?>(tickets, $"SELECT sent_at FROM outbox_messages WHERE id = '{eventId}'"),
            sent => sent is not null, Delivery, "the event to be published a second time", cancellationToken);
        await using var reporting = new NpgsqlConnection(platform.Database("reportingdb"));
        await reporting.OpenAsync(cancellationToken);
        // The management API's delivery statistics prove the second copy reached the consumer and was acknowledged.
        await Eventually.ReturnsAsync(() => AcknowledgedAsync("reporting-ticket-records"), acks => acks >= acksBefore + 1,
            Delivery, "the second delivery to be consumed", cancellationToken);

        (await platform.CountedByReportingAsync([ticketId])).ShouldBe(1);
        // Applied once: the projection's position for the ticket is still the submission's version.
        (await ScalarAsync<long?>(reporting, $"SELECT version FROM projection_positions WHERE aggregate_id = '{ticketId}'")).ShouldBe(1);
    }

    internal static async Task<Guid> TicketIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    /// <summary>The broker refreshes queue statistics every 5 s: wait until the count stops moving.</summary>
    private async Task<long> SettledAcknowledgementsAsync(string queue, CancellationToken cancellationToken)
    {
        var last = await AcknowledgedAsync(queue);
        var stableSince = DateTime.UtcNow;
        var deadline = stableSince + Delivery;
        while (DateTime.UtcNow - stableSince < TimeSpan.FromSeconds(7))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{queue}'s acknowledgements kept moving for {Delivery.TotalSeconds:0} s: something else is delivering to it");
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = await AcknowledgedAsync(queue);
            if (now != last)
            {
                last = now;
                stableSince = DateTime.UtcNow;
            }
        }
        return last;
    }

    private async Task<long> AcknowledgedAsync(string queue)
    {
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{platform.RabbitMqManagementPort}/") };
        management.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest")));
        var info = await management.GetFromJsonAsync<JsonElement>($"api/queues/%2F/{queue}");
        return info.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("ack", out var ack) ? ack.GetInt64() : 0;
    }

    private static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    internal static object NewTicket(string title) => new
    {
        title,
        category = "approvals",
        description = "项目审批材料已齐备，希望加快办理。",
        enterpriseName = "三明市某某新材料有限公司",
        unifiedSocialCreditCode = "91350100M000100Y43",
    };
}
