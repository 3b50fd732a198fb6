using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Xunit;

namespace BrandPlatform.Testing;

/// <summary>
/// The real PostgreSQL server and RabbitMQ broker the integration tests run against. ./test.sh starts throwaway
/// servers and hands them over in BRANDPLATFORM_TEST_* variables; where Docker answers and they are not set,
/// Testcontainers starts them. Each test class then gets its own database and its own virtual host, so classes
/// running in parallel never see each other's rows or messages.
/// </summary>
public sealed class TestServers : IAsyncLifetime
{
    public const string PostgresVariable = "BRANDPLATFORM_TEST_POSTGRES";
    public const string RabbitMqVariable = "BRANDPLATFORM_TEST_RABBITMQ";
    public const string RabbitMqManagementVariable = "BRANDPLATFORM_TEST_RABBITMQ_MANAGEMENT";

    private readonly Dictionary<string, Task<IAsyncDisposable>> shared = [];
    private PostgreSqlContainer? postgresContainer;
    private RabbitMqContainer? rabbitMqContainer;
    private HttpClient management = null!;

    /// <summary>Server connection string without a database name.</summary>
    public string PostgresServer { get; private set; } = "";
    /// <summary>amqp://user:password@host:port (no virtual host).</summary>
    public Uri RabbitMq { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);
        var rabbitManagement = Environment.GetEnvironmentVariable(RabbitMqManagementVariable);
        Uri managementAddress;
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbit) && !string.IsNullOrEmpty(rabbitManagement))
        {
            PostgresServer = postgres;
            RabbitMq = new Uri(rabbit);
            managementAddress = new Uri(rabbitManagement);
        }
        else if (DockerAnswers())
        {
            postgresContainer = new PostgreSqlBuilder("postgres:15").Build();
            rabbitMqContainer = new RabbitMqBuilder("rabbitmq:3.13-management")
                .WithUsername("guest").WithPassword("guest")
                .WithPortBinding(15672, assignRandomHostPort: true)
                .Build();
            await Task.WhenAll(postgresContainer.StartAsync(), rabbitMqContainer.StartAsync());
            var server = new Npgsql.NpgsqlConnectionStringBuilder(postgresContainer.GetConnectionString()) { Database = null };
            PostgresServer = server.ConnectionString;
            RabbitMq = new Uri(rabbitMqContainer.GetConnectionString());
            managementAddress = new Uri($"http://{rabbitMqContainer.Hostname}:{rabbitMqContainer.GetMappedPublicPort(15672)}/");
        }
        else
        {
            throw new InvalidOperationException(
                $"Integration tests need real PostgreSQL and RabbitMQ. Run ./test.sh, which starts throwaway servers, " +
                $"or set {PostgresVariable}, {RabbitMqVariable} and {RabbitMqManagementVariable}, or provide Docker.");
        }

        // Every test class has databases of its own and so pools of its own; Npgsql keeps an idle connection for
        // five minutes by default, which let the finished classes' pools fill the server's max_connections.
        PostgresServer = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer)
        {
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
        }.ConnectionString;

        var userInfo = Uri.UnescapeDataString(RabbitMq.UserInfo);
        management = new HttpClient { BaseAddress = managementAddress };
        management.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(userInfo)));
    }

    /// <summary>A connection string to a database of its own; the service under test creates it by migrating.</summary>
    public string NewDatabase(string prefix) => $"{PostgresServer};Database={prefix}_{Guid.NewGuid():N}";

    /// <summary>A fresh RabbitMQ virtual host, so exchanges and queues of one test class are invisible to others.</summary>
    public async Task<Uri> NewVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        (await management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var user = Uri.UnescapeDataString(RabbitMq.UserInfo).Split(':')[0];
        (await management.PutAsJsonAsync($"api/permissions/{name}/{user}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new Uri(RabbitMq, name);
    }

    /// <summary>How many messages wait in a queue of a virtual host (management API; its figures lag up to ~5 s).</summary>
    public async Task<int> QueueDepthAsync(Uri virtualHost, string queue)
    {
        var vhost = virtualHost.AbsolutePath.Trim('/');
        using var response = await management.GetAsync($"api/queues/{vhost}/{queue}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<QueueInfo>();
        return body?.Messages ?? 0;
    }

    private sealed record QueueInfo(int Messages);

    /// <summary>
    /// One instance per test run of something expensive that many classes use (the identity service that issues
    /// their tokens); disposed with the servers.
    /// </summary>
    public async Task<T> SharedAsync<T>(string key, Func<TestServers, Task<T>> create) where T : IAsyncDisposable
    {
        Task<IAsyncDisposable> instance;
        lock (shared)
        {
            if (!shared.TryGetValue(key, out instance!))
            {
                instance = CreateAsync();
                shared[key] = instance;
            }
        }
        return (T)await instance;

        async Task<IAsyncDisposable> CreateAsync() => await create(this);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in shared.Values)
        {
            await (await instance).DisposeAsync();
        }
        management?.Dispose();
        if (postgresContainer is not null)
        {
            await postgresContainer.DisposeAsync();
        }
        if (rabbitMqContainer is not null)
        {
            await rabbitMqContainer.DisposeAsync();
        }
    }

    private static bool DockerAnswers()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            return process is not null && process.WaitForExit(TimeSpan.FromSeconds(10)) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
