using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Features.Webhooks;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// A name service the tests control: what each callback host resolves to, changeable while the service runs (DNS
/// rebinding); a name it does not know does not resolve.
/// </summary>
public sealed class TestNames : ICallbackHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string host, params string[] addresses) => names[host] = [.. addresses.Select(IPAddress.Parse)];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : throw new SocketException((int)SocketError.HostNotFound);
}

/// <summary>
/// The tickets service with 127.0.0.1 and two names allowed by the operator (as one would allow a receiver on the same
/// network), the test name service, and short polling.
/// </summary>
public sealed class WebhookFixture(TestServers servers) : IAsyncLifetime
{
    public const string AllowedName = "receiver.example.test";
    public const string AllowedButGone = "gone.example.test";
    public const int Limit = 5;

    public TestNames Names { get; } = new();
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<TicketsDbContext> Service { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public HttpClient Office { get; private set; } = null!;

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Tickets:Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Tickets:Webhooks:AllowedHosts:1"] = AllowedName,
        ["Tickets:Webhooks:AllowedHosts:2"] = AllowedButGone,
        ["Tickets:Webhooks:PollInterval"] = "00:00:00.200",
        ["Tickets:Webhooks:AttemptTimeout"] = "00:00:30",
        ["Tickets:Webhooks:MaxActiveSubscriptionsPerClient"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public void UseTestNames(IServiceCollection services) => services.AddSingleton<ICallbackHostResolver>(Names);

    public async ValueTask InitializeAsync()
    {
        Names.Set(AllowedName, "127.0.0.1");
        Identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<TicketsDbContext>.CreateAsync(
            servers, "tickets", "ticketsdb", Settings, Identity.Backchannel(), UseTestNames);
        Client = await Identity.ClientWithTokenAsync(Service, "tickets.read tickets.write");
        Office = await Identity.ClientForPersonAsync(Service, "office");
        await TicketUnits.CopyDirectoryAsync(Identity, Service);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Office.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>A receiver on 127.0.0.1 that records every POST it gets, by path, and answers as the path says.</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public sealed record Hit(string Path, string DeliveryId, string Timestamp, string Signature, string Body);

    private Receiver(WebApplication app) => this.app = app;

    public int Port { get; private init; }
    public ConcurrentQueue<Hit> Hits { get; } = new();

    public string Url(string path, string host = "127.0.0.1") => $"http://{host}:{Port}{path}";

    public IReadOnlyList<Hit> At(string path) => [.. Hits.Where(h => h.Path == path)];

    public static async Task<Receiver> StartAsync(CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var app = WebApplication.Create();
        app.Urls.Add($"http://127.0.0.1:{port}");
        var receiver = new Receiver(app) { Port = port };
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver.Hits.Enqueue(new Hit(context.Request.Path, context.Request.Headers["X-BrandPlatform-Delivery"].ToString(),
                context.Request.Headers["X-BrandPlatform-Timestamp"].ToString(), context.Request.Headers["X-BrandPlatform-Signature"].ToString(),
                await reader.ReadToEndAsync(context.RequestAborted)));
            await next(context);
        });
        app.MapPost("/ok", () => Results.Ok());
        app.MapPost("/fail-once", () => receiver.At("/fail-once").Count == 1 ? Results.StatusCode(500) : Results.Ok());
        app.MapPost("/fail", (HttpContext context) =>
        {
            // An answer that tries to get into the delivery log: an internal host name in the reason phrase and a big body.
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = "db-master.tickets.internal:5432 refused";
            return Results.Text(new string('x', 1_000_000), statusCode: 500);
        });
        app.MapPost("/redirect", () => Results.Redirect($"http://127.0.0.1:{port}/target", permanent: false, preserveMethod: true));
        app.MapPost("/target", () => Results.Ok());
        app.MapPost("/slow", async () =>
        {
            await receiver.release.Task;
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await app.DisposeAsync();
    }
}

/// <summary>
/// Webhooks that cannot be turned against the platform: callbacks to internal addresses are refused when registered and
/// again when sent (DNS rebinding), redirects are not followed, the delivery log keeps fixed failure categories, one
/// receiver cannot hold back another, a client's subscriptions are bounded, a cancelled subscription gets nothing
/// more, and two replicas deliver each notification once. A delivery is signed and retried with the same id.
/// </summary>
public sealed class WebhookTests(WebhookFixture fixture, TestServers servers) : IClassFixture<WebhookFixture>, IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A refusal's field message as a caller gets it without asking for a language.</summary>
    private static string InChinese(CallbackRefusal refusal)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = PlatformLanguages.Default;
        try
        {
            return CallbackAddresses.Message(refusal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private HttpClient Client => fixture.Client;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Each test starts within the client's subscription limit: what a test subscribed is cancelled after it.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in await Client.AllItemsAsync("/api/tickets/webhooks", CancellationToken.None))
        {
            if (subscription.GetProperty("cancelledAt").ValueKind == JsonValueKind.Null)
            {
                (await Client.DeleteAsync($"/api/tickets/webhooks/{subscription.GetProperty("id").GetGuid()}", CancellationToken.None)).EnsureSuccessStatusCode();
            }
        }
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(string callbackUrl)
    {
        using var response = await Client.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl }, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (body.GetProperty("id").GetGuid(), body.GetProperty("secret").GetString()!);
    }

    /// <summary>A ticket of this client is accepted: one delivery to each of its active subscriptions.</summary>
    private async Task<Guid> ChangeStatusAsync()
    {
        using var created = await Client.PostAsJsonAsync("/api/tickets", TicketRequests.Valid("订阅状态变化"), Cancel);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticketId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        await TicketSteps.StepAsync(fixture.Office, ticketId, "accept", new { });
        return ticketId;
    }

    /// <summary>The whole delivery log, every page of it, as one JSON array.</summary>
    private async Task<JsonElement> LogAsync(Guid subscription) =>
        JsonSerializer.SerializeToElement(await Client.AllItemsAsync($"/api/tickets/webhooks/{subscription}/deliveries", Cancel));

    /// <summary>The delivery log once its only delivery has been attempted at least once.</summary>
    private Task<JsonElement> AttemptedAsync(Guid subscription, string what) =>
        Eventually.ReturnsAsync(() => LogAsync(subscription), l => l.GetArrayLength() == 1 && l[0].GetProperty("attempts").GetInt32() >= 1,
            TimeSpan.FromSeconds(30), what, Cancel);

    [Fact]
    public async Task A_status_change_is_delivered_signed_and_retried_with_the_same_delivery_id()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        var (subscription, secret) = await SubscribeAsync(receiver.Url("/fail-once"));
        var ticketId = await ChangeStatusAsync();

        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.At("/fail-once").Count), n => n >= 2, TimeSpan.FromSeconds(40),
            "the failed delivery to be retried", Cancel);

        var attempts = receiver.At("/fail-once");
        attempts[0].DeliveryId.ShouldBe(attempts[1].DeliveryId);
        foreach (var attempt in attempts)
        {
            attempt.Signature.ShouldBe(WebhookDelivery.Signature(secret, long.Parse(attempt.Timestamp, System.Globalization.CultureInfo.InvariantCulture), attempt.Body));
        }
        var body = JsonDocument.Parse(attempts[1].Body).RootElement;
        body.GetProperty("ticketId").GetGuid().ShouldBe(ticketId);
        body.GetProperty("state").GetString().ShouldBe("accepted");
        body.GetProperty("deliveryId").GetString().ShouldBe(attempts[0].DeliveryId);

        var log = await Eventually.ReturnsAsync(() => LogAsync(subscription),
            l => l.GetArrayLength() == 1 && l[0].GetProperty("deliveredAt").ValueKind != JsonValueKind.Null, TimeSpan.FromSeconds(10),
            "the delivery log to record the success", Cancel);
        log[0].GetProperty("attempts").GetInt32().ShouldBe(2);
        log[0].GetProperty("lastStatusCode").GetInt32().ShouldBe(200);
    }

    [Fact]
    public async Task Subscriptions_are_for_government_systems_with_a_proper_callback()
    {
        (await Client.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = "ftp://example.gov.cn/hook" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var enterprise = await fixture.Identity.ClientForPersonAsync(fixture.Service, "enterprise");
        (await enterprise.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = "https://example.gov.cn/hook" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Client.GetAsync($"/api/tickets/webhooks/{Guid.NewGuid()}/deliveries", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("http://localhost/hook", CallbackRefusal.InternalName)]
    [InlineData("http://LOCALHOST./hook", CallbackRefusal.InternalName)]
    [InlineData("http://tickets/api", CallbackRefusal.InternalName)]
    [InlineData("http://identity:8080/connect/token", CallbackRefusal.InternalName)]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/", CallbackRefusal.InternalName)]
    [InlineData("https://printer.local/", CallbackRefusal.InternalName)]
    [InlineData("https://app.localhost/", CallbackRefusal.InternalName)]
    [InlineData("http://127.0.0.2/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://0.0.0.0/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://2130706434/hook", null)]                                 // 127.0.0.2 written as one number
    [InlineData("http://0x0a.0.0.1/hook", null)]                                 // 10.0.0.1 in hexadecimal
    [InlineData("http://10.0.0.5/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://172.16.3.4/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://172.31.255.255/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://192.168.1.1/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://100.64.0.1/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://100.100.100.200/latest/meta-data", CallbackRefusal.InternalAddress)]
    [InlineData("http://169.254.169.254/latest/meta-data", CallbackRefusal.InternalAddress)]
    [InlineData("http://192.0.0.192/", CallbackRefusal.InternalAddress)]
    [InlineData("http://224.0.0.1/", CallbackRefusal.InternalAddress)]
    [InlineData("http://255.255.255.255/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::1]/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::]/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data", CallbackRefusal.InternalAddress)]
    [InlineData("http://[fc00::1]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[fe80::1]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[ff02::1]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::ffff:127.0.0.1]/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::ffff:10.0.0.1]/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::ffff:169.254.169.254]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::ffff:100.64.0.1]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::ffff:0.0.0.0]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[::127.0.0.1]/", CallbackRefusal.InternalAddress)]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", CallbackRefusal.InternalAddress)]   // NAT64 of 169.254.169.254
    [InlineData("http://[2002:c0a8:101::1]/", CallbackRefusal.InternalAddress)]     // 6to4 of 192.168.1.1
    [InlineData("http://loopback.example.test/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://mixed.example.test/hook", CallbackRefusal.InternalAddress)]
    [InlineData("http://nowhere.example.test/hook", CallbackRefusal.Unresolved)]
    [InlineData("http://user:secret@public.example.test/hook", CallbackRefusal.UserInfo)]
    [InlineData("gopher://public.example.test/", CallbackRefusal.Scheme)]
    public async Task Callbacks_to_internal_addresses_are_refused_with_a_field_error(string callbackUrl, CallbackRefusal? refusal)
    {
        fixture.Names.Set("loopback.example.test", "127.0.0.1");
        fixture.Names.Set("mixed.example.test", "93.184.215.14", "10.1.2.3");
        fixture.Names.Set("public.example.test", "93.184.215.14");

        using var response = await Client.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        var fieldErrors = errors.GetProperty("callbackUrl").EnumerateArray().Select(e => e.GetString()).ToList();
        if (refusal is null)
        {
            fieldErrors.ShouldHaveSingleItem().ShouldBeOneOf(InChinese(CallbackRefusal.InternalAddress), InChinese(CallbackRefusal.InternalName));
        }
        else
        {
            fieldErrors.ShouldBe([InChinese(refusal.Value)]);
        }
    }

    [Fact]
    public async Task A_public_address_and_a_host_the_operator_allowed_are_accepted()
    {
        fixture.Names.Set("public.example.test", "93.184.215.14");

        await SubscribeAsync("http://public.example.test/hook");
        await SubscribeAsync($"http://{WebhookFixture.AllowedName}:8443/hook");
        await SubscribeAsync("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook");
    }

    [Fact]
    public async Task A_name_that_resolves_to_a_public_address_at_registration_and_to_loopback_at_send_is_not_delivered()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        fixture.Names.Set("rebind.example.test", "93.184.215.14");
        var (rebound, _) = await SubscribeAsync(receiver.Url("/ok", "rebind.example.test"));
        var (named, _) = await SubscribeAsync(receiver.Url("/target", WebhookFixture.AllowedName));
        fixture.Names.Set("rebind.example.test", "127.0.0.1");

        await ChangeStatusAsync();

        var log = await AttemptedAsync(rebound, "the rebound callback to be attempted");
        log[0].GetProperty("lastError").GetString().ShouldBe(DeliveryFailures.AddressNotAllowed);
        log[0].GetProperty("lastStatusCode").ValueKind.ShouldBe(JsonValueKind.Null);
        log[0].GetProperty("deliveredAt").ValueKind.ShouldBe(JsonValueKind.Null);
        (await AttemptedAsync(named, "the allowed name to be delivered"))[0].GetProperty("lastStatusCode").GetInt32().ShouldBe(200);
        receiver.At("/ok").ShouldBeEmpty("the sender refused to connect to the address it resolved at send time");
        receiver.At("/target").ShouldHaveSingleItem("an allowed name is reached at the address it resolves to");
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_counts_as_a_failed_attempt()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        var (subscription, _) = await SubscribeAsync(receiver.Url("/redirect"));

        await ChangeStatusAsync();

        var log = await AttemptedAsync(subscription, "the redirecting callback to be attempted");
        log[0].GetProperty("lastStatusCode").GetInt32().ShouldBe(307);
        log[0].GetProperty("lastError").GetString().ShouldBe(DeliveryFailures.RedirectRefused);
        log[0].GetProperty("deliveredAt").ValueKind.ShouldBe(JsonValueKind.Null);
        receiver.At("/target").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_delivery_log_names_failures_by_category_without_receiver_text_or_host_names()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        var closedPort = FreePort.Next();
        var failing = await SubscribeAsync(receiver.Url("/fail"));
        var refused = await SubscribeAsync($"http://127.0.0.1:{closedPort}/hook");
        var gone = await SubscribeAsync($"http://{WebhookFixture.AllowedButGone}/hook");

        await ChangeStatusAsync();

        var expected = new[]
        {
            (failing.Id, (int?)500, DeliveryFailures.ReceiverError),
            (refused.Id, null, DeliveryFailures.ConnectionRefused),
            (gone.Id, null, DeliveryFailures.NameNotResolved),
        };
        foreach (var (subscription, status, failure) in expected)
        {
            var entry = (await AttemptedAsync(subscription, $"the delivery expecting '{failure}' to be attempted"))[0];
            entry.GetProperty("lastError").GetString().ShouldBe(failure);
            (entry.GetProperty("lastStatusCode").ValueKind == JsonValueKind.Null ? null : (int?)entry.GetProperty("lastStatusCode").GetInt32()).ShouldBe(status);
            var text = entry.GetRawText();
            text.ShouldNotContain("internal");
            text.ShouldNotContain("example.test");
            text.ShouldNotContain("xxxx");
        }
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_does_not_hold_back_another()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        var (slow, _) = await SubscribeAsync(receiver.Url("/slow"));
        var (fast, _) = await SubscribeAsync(receiver.Url("/ok"));

        await ChangeStatusAsync();
        await ChangeStatusAsync();

        var log = await Eventually.ReturnsAsync(() => LogAsync(fast),
            l => l.GetArrayLength() == 2 && l.EnumerateArray().All(d => d.GetProperty("deliveredAt").ValueKind != JsonValueKind.Null),
            TimeSpan.FromSeconds(20), "both deliveries to the fast receiver", Cancel);
        log.GetArrayLength().ShouldBe(2);
        receiver.At("/slow").ShouldHaveSingleItem("the slow receiver holds its first delivery, and only its own subscription waits");
        (await LogAsync(slow)).EnumerateArray().ShouldAllBe(d => d.GetProperty("deliveredAt").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_client_holds_a_bounded_number_of_active_subscriptions_even_when_it_asks_for_more_at_once()
    {
        fixture.Names.Set("public.example.test", "93.184.215.14");

        var answers = await Task.WhenAll(Enumerable.Range(0, WebhookFixture.Limit + 3).Select(i =>
            Client.PostAsJsonAsync("/api/tickets/webhooks", new { callbackUrl = $"http://public.example.test/hook/{i}" }, Cancel)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(WebhookFixture.Limit);
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        refused.Count.ShouldBe(3);
        refused.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        refused[0].Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await refused[0].Content.ReadFromJsonAsync<JsonElement>(Cancel);
        problem.GetProperty("title").GetString().ShouldBe("订阅数量已达上限");
        problem.GetProperty("detail").GetString()!.ShouldContain($"{WebhookFixture.Limit}个有效订阅");

        var first = (await answers.First(a => a.StatusCode == HttpStatusCode.Created).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        (await Client.DeleteAsync($"/api/tickets/webhooks/{first}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await SubscribeAsync("http://public.example.test/hook/after-cancel");
        (await Client.AllItemsAsync("/api/tickets/webhooks", Cancel)).ShouldContain(s =>
            s.GetProperty("id").GetGuid() == first && s.GetProperty("cancelledAt").ValueKind != JsonValueKind.Null, "a cancelled subscription stays listed");
        await Client.ShouldPageOneByOneAsync("/api/tickets/webhooks", Cancel);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task A_cancelled_subscription_s_pending_deliveries_are_marked_and_not_sent()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        var (cancelled, _) = await SubscribeAsync(receiver.Url("/fail"));
        await ChangeStatusAsync();
        await AttemptedAsync(cancelled, "the first attempt to the failing receiver");

        (await Client.DeleteAsync($"/api/tickets/webhooks/{cancelled}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // Its retry is due now: only the cancellation can keep it from being sent.
        await fixture.Service.QueryAsync(db => db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == cancelled)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Cancel));
        var (active, _) = await SubscribeAsync(receiver.Url("/ok"));
        await ChangeStatusAsync();
        await AttemptedAsync(active, "the active subscription's delivery");
        await ChangeStatusAsync();
        await Eventually.ReturnsAsync(() => LogAsync(active), l => l.GetArrayLength() == 2 && l.EnumerateArray().All(d => d.GetProperty("attempts").GetInt32() == 1),
            TimeSpan.FromSeconds(20), "a later pass to deliver the active subscription's second delivery", Cancel);

        var log = await LogAsync(cancelled);
        log.GetArrayLength().ShouldBe(1, "no delivery is made for a cancelled subscription");
        log[0].GetProperty("attempts").GetInt32().ShouldBe(1);
        log[0].GetProperty("gaveUpAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        log[0].GetProperty("lastError").GetString().ShouldBe(DeliveryFailures.SubscriptionCancelled);
        receiver.At("/fail").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Two_replicas_over_one_database_deliver_each_delivery_exactly_once()
    {
        await using var receiver = await Receiver.StartAsync(Cancel);
        var ticketId = await ChangeStatusAsync();
        // A second instance of the service over the same database: its sender competes with the fixture's for every delivery.
        await using var replica = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb",
            fixture.Service.Settings, fixture.Identity.Backchannel(), fixture.UseTestNames);
        var now = DateTimeOffset.UtcNow;
        var ids = await fixture.Service.QueryAsync(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, Cancel);
            var deliveries = Enumerable.Range(0, 8)
                .Select(i => WebhookSubscription.Create($"replica-test-system-{i}", receiver.Url("/ok"), now))
                .SelectMany(subscription =>
                {
                    db.Add(subscription);
                    return Enumerable.Range(0, 10).Select(_ => WebhookDelivery.For(subscription, ticket, now));
                }).ToList();
            db.AddRange(deliveries);
            await db.SaveChangesAsync(Cancel);
            return deliveries.Select(d => d.Id).ToList();
        });

        await Eventually.ReturnsAsync(() => fixture.Service.QueryAsync(db => db.Set<WebhookDelivery>()
                .CountAsync(d => ids.Contains(d.Id) && d.DeliveredAt != null, Cancel)),
            n => n == ids.Count, TimeSpan.FromSeconds(60), "every delivery to be delivered", Cancel);

        var received = receiver.At("/ok").Select(h => Guid.Parse(h.DeliveryId)).ToList();
        received.Count.ShouldBe(ids.Count, "no delivery was sent twice");
        received.ShouldBe(ids, ignoreOrder: true);
    }
}
