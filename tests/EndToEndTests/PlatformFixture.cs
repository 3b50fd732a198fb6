using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using BrandPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BrandPlatform.EndToEndTests;

/// <summary>
/// The whole system as the run command starts it: the AppHost in local mode, with PostgreSQL and RabbitMQ as
/// server processes of its own, in a throwaway data folder and on free ports so it never meets a running system.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>
    /// Eight processes twice each, their migrations and the two servers, on two cores: a start under load took over four
    /// minutes once liaison joined, so the limit leaves room; it bounds a start that hangs, it does not measure one.
    /// </summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(7);
    private DirectoryInfo dataDirectory = null!;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ResourceEvent>> instances = new();
    private readonly CancellationTokenSource stopping = new();
    private Task collecting = Task.CompletedTask;

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public int PostgresPort { get; } = FreePort.Next();
    public int RabbitMqPort { get; } = FreePort.Next();
    public int RabbitMqManagementPort { get; } = FreePort.Next();

    /// <summary>
    /// Processes per service, gateway and portal: two unless BRANDPLATFORM_E2E_REPLICAS says otherwise, so every
    /// scenario also proves that what must happen once happens once with competing replicas.
    /// </summary>
    public static int Replicas { get; } = int.TryParse(Environment.GetEnvironmentVariable("BRANDPLATFORM_E2E_REPLICAS"), out var replicas) ? replicas : 2;

    /// <summary>Every project the AppHost runs, each with <see cref="Replicas"/> processes.</summary>
    public static readonly string[] Projects = ["tickets", "study", "discipline", "liaison", "community", "reporting", "identity", "portal", "gateway"];

    public string Database(string name) => $"Host=127.0.0.1;Port={PostgresPort};Username=postgres;Database={name}";

    public async ValueTask InitializeAsync()
    {
        dataDirectory = Directory.CreateTempSubdirectory("brandplatform-e2e-");
        if (!OperatingSystem.IsWindows())
        {
            // The postgres account must traverse it when the tests run as root.
            File.SetUnixFileMode(dataDirectory.FullName, (UnixFileMode)0b111_101_101);
        }
        var mode = Environment.GetEnvironmentVariable("BRANDPLATFORM_E2E_INFRASTRUCTURE") ?? "local";
        using var cancellation = new CancellationTokenSource(StartTimeout);

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"--Infrastructure:Mode={mode}",
            $"--Infrastructure:Local:DataDirectory={dataDirectory.FullName}",
            $"--Infrastructure:Local:PostgresPort={PostgresPort}",
            $"--Infrastructure:Local:RabbitMqPort={RabbitMqPort}",
            $"--Infrastructure:Local:RabbitMqManagementPort={RabbitMqManagementPort}",
            $"--Infrastructure:Local:RabbitMqDistributionPort={FreePort.Next()}",
            "--Gateway:Port=0",
            $"--Platform:Replicas={Replicas}",
        ], cancellation.Token);
        App = await builder.BuildAsync(cancellation.Token);
        collecting = CollectInstancesAsync(stopping.Token);
        await App.StartAsync(cancellation.Token);
        foreach (var project in Projects)
        {
            await WaitUntilHealthyAsync(project, cancellation.Token);
        }
        Gateway = App.CreateHttpClient("gateway");
        Gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", await TokenAsync("tickets.read tickets.write reporting.read", cancellation.Token));
    }

    /// <summary>A client-credentials token for the demo government client, through the gateway.</summary>
    public async Task<string> TokenAsync(string scopes, CancellationToken cancellationToken)
    {
        using var anonymous = App.CreateHttpClient("gateway");
        using var response = await anonymous.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "gov-demo-client",
            ["client_secret"] = "brandplatform-dev-secret",
            ["scope"] = scopes,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("access_token").GetString()!;
    }

    /// <summary>A person's access token from the portal's sign-in flow (code + PKCE, login page), through the gateway.</summary>
    public async Task<string> PersonTokenAsync(string userName, CancellationToken cancellationToken)
    {
        var gateway = App.GetEndpoint("gateway", "http");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = gateway,
        };
        var tokens = await PortalSignIn.SignInAsync(browser, $"{gateway.GetLeftPart(UriPartial.Authority)}/portal/signin-callback",
            userName, PortalSignIn.DevelopmentPassword, PortalSignIn.PortalScopes, cancellationToken);
        return tokens.GetProperty("access_token").GetString()!;
    }

    /// <summary>A gateway client that sends <paramref name="userName"/>'s access token, as the portal would.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, CancellationToken cancellationToken)
    {
        var client = App.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PersonTokenAsync(userName, cancellationToken));
        return client;
    }

    /// <summary>Periods are China dates (UTC+8 all year: no daylight saving).</summary>
    public static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>The resource ids of a project's processes (one per replica), as the dashboard lists them.</summary>
    public IReadOnlyList<string> Instances(string name) =>
        instances.TryGetValue(name, out var ids) ? [.. ids.Keys.Where(id => id != name).Order(StringComparer.Ordinal)] : [];

    /// <summary>Until the project has its <see cref="Replicas"/> processes and every one reports healthy.</summary>
    public async Task WaitUntilHealthyAsync(string name, CancellationToken cancellationToken)
    {
        await Eventually.ReturnsAsync(() => Task.FromResult(Instances(name).Count), count => count >= Replicas, StartTimeout,
            $"{Replicas} processes of {name}", cancellationToken);
        foreach (var instance in Instances(name))
        {
            await WaitForInstanceAsync(name, instance, update => update.Snapshot.HealthStatus == HealthStatus.Healthy, cancellationToken);
        }
    }

    /// <summary>Until one process of the project is in a state (waits by id match a resource's name, not a process's).</summary>
    public Task WaitForInstanceAsync(string name, string instance, Func<ResourceEvent, bool> state, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceAsync(name, update => update.ResourceId == instance && state(update), cancellationToken);

    /// <summary>The last state the orchestrator announced for one process of the project.</summary>
    public CustomResourceSnapshot? Current(string name, string instance) =>
        instances.TryGetValue(name, out var ids) && ids.TryGetValue(instance, out var update) ? update.Snapshot : null;

    /// <summary>Notes each process's resource id and state as the orchestrator announces them (the model names only the resource).</summary>
    private async Task CollectInstancesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync(cancellationToken))
            {
                instances.GetOrAdd(update.Resource.Name, _ => new())[update.ResourceId] = update;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the platform is stopping
        }
    }

    private IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(resource => resource.Name == name);

    public Task StopResourceAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync(name, KnownResourceCommands.StopCommand, cancellationToken);

    public Task StartResourceAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync(name, KnownResourceCommands.StartCommand, cancellationToken);

    /// <summary>The dashboard's "重放错误队列" command on a service, as an operator would click it.</summary>
    public Task ReplayErrorQueuesAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync(name, "replay-error-queues", cancellationToken);

    /// <summary>
    /// Runs a dashboard command on every process of the resource as an operator would, who clicks again when the first
    /// click fails (on a busy machine the orchestrator can time out stopping a process that is still starting).
    /// </summary>
    private async Task ExecuteAsync(string name, string command, CancellationToken cancellationToken)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        for (var attempt = 1; ; attempt++)
        {
            var result = await commands.ExecuteCommandAsync(Resource(name), command, cancellationToken);
            if (result.Success)
            {
                return;
            }
            if (attempt == 3)
            {
                throw new InvalidOperationException($"{command} on {name} failed three times: {result.Message}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>Reporting's programme-wide total, read by the office: such figures are for people, not government systems.</summary>
    public async Task<int> TicketTotalAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reporting/tickets/summary");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await PersonTokenAsync("office", cancellationToken));
        using var response = await Gateway.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("total").GetInt32();
    }

    /// <summary>How many tickets the tickets service holds (its own table): what reporting's total must add up to.</summary>
    public async Task<int> TicketsHeldByTicketsServiceAsync() =>
        (int)(long)(await ScalarAsync("ticketsdb", "SELECT count(*) FROM tickets"))!;

    /// <summary>
    /// The tickets service's count per category, as "category=count" (lower case: the service stores the enum's name,
    /// its events carry the camelCase code).
    /// </summary>
    public async Task<IReadOnlyList<string>> TicketCategoriesHeldByTicketsServiceAsync()
    {
        await using var connection = new NpgsqlConnection(Database("ticketsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT category, count(*) FROM tickets GROUP BY category", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new List<string>();
        while (await reader.ReadAsync())
        {
            counts.Add($"{reader.GetString(0).ToLowerInvariant()}={reader.GetInt64(1)}");
        }
        return counts;
    }

    /// <summary>Reporting's ticket summary per category, as "category=count" (lower case), read by the office through the gateway.</summary>
    public async Task<IReadOnlyList<string>> TicketCategoriesByReportingAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reporting/tickets/summary");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await PersonTokenAsync("office", cancellationToken));
        using var response = await Gateway.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return [.. summary.GetProperty("byCategory").EnumerateObject().Select(c => $"{c.Name.ToLowerInvariant()}={c.Value.GetInt32()}")];
    }

    private async Task<object?> ScalarAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteScalarAsync();
    }

    /// <summary>How many of these tickets reporting has recorded (its own table, not the shared total).</summary>
    public async Task<int> CountedByReportingAsync(IReadOnlyCollection<Guid> ticketIds) =>
        (int)(long)(await ScalarAsync("reportingdb", "SELECT count(*) FROM ticket_records WHERE ticket_id = ANY(@ids)", ("ids", ticketIds.ToArray())))!;

    public async ValueTask DisposeAsync()
    {
        await Portal.PortalBrowser.CloseAllAsync();
        Gateway?.Dispose();
        await stopping.CancelAsync();
        await collecting;
        stopping.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a server may still be flushing; the folder is in the temp area
        }
    }
}

/// <summary>One running system for every end-to-end class: two AppHosts starting at once on a small machine outrun the start-up budget.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
