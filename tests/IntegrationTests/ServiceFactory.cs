using BrandPlatform.Testing;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(TestServers))]

namespace BrandPlatform.IntegrationTests;

/// <summary>
/// Hosts one real service in-process against its own PostgreSQL database and its own RabbitMQ virtual host.
/// Retries are shortened so a poison message reaches the error queue within the test.
/// </summary>
public sealed class ServiceFactory<TDbContext>(
    IReadOnlyDictionary<string, string?> settings, HttpMessageHandler? identityBackchannel, Action<IServiceCollection>? configureServices)
    : WebApplicationFactory<TDbContext>
    where TDbContext : DbContext
{
    /// <param name="identityBackchannel">
    /// Reaches the in-process identity service, whose keys validate tokens; without it the service asks itself (the
    /// identity service validating its own tokens).
    /// </param>
    /// <param name="configureServices">Replaces services after the host's own registrations (e.g. the clock).</param>
    /// <param name="onLoopback">
    /// Serves on a real loopback port (<see cref="Address"/>) rather than in memory: for a gateway in front of it, and
    /// for WebSockets, which the in-memory server does not upgrade.
    /// </param>
    public static async Task<ServiceFactory<TDbContext>> CreateAsync(
        TestServers servers, string service, string database, IReadOnlyDictionary<string, string?>? overrides = null,
        HttpMessageHandler? identityBackchannel = null, Action<IServiceCollection>? configureServices = null, bool onLoopback = false)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{database}"] = overrides?.GetValueOrDefault($"ConnectionStrings:{database}") ?? servers.NewDatabase(service),
            ["ConnectionStrings:messaging"] = overrides?.GetValueOrDefault("ConnectionStrings:messaging")
                ?? (await servers.NewVirtualHostAsync(service)).ToString(),
            ["Messaging:Retry:Limit"] = "2",
            ["Messaging:Retry:MinInterval"] = "00:00:00.050",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
            ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
            ["Identity:Authority"] = IdentityHost.Issuer,
            ["Identity:RequireHttpsMetadata"] = "false",
            ["Operations:Key"] = OperationsKey,
            // Tests register webhooks for a made-up receiver; an operator's allowance spares the name a lookup.
            ["Tickets:Webhooks:AllowedHosts:0"] = ExampleWebhookHost,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var factory = new ServiceFactory<TDbContext>(settings, identityBackchannel, configureServices);
        // Start now: migrations run and the bus connects before the first test.
        if (onLoopback)
        {
            factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            factory.StartServer();
        }
        else
        {
            _ = factory.Server;
        }
        return factory;
    }

    /// <summary>Where a service started <c>onLoopback</c> listens.</summary>
    public Uri Address => LoopbackAddress.Of(Services);

    public const string OperationsKey = "test-operations-key";

    /// <summary>The made-up webhook receiver tests subscribe (never reached: the name does not resolve here).</summary>
    public const string ExampleWebhookHost = "hooks.example.com";

    public IReadOnlyDictionary<string, string?> Settings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IServer>((options, server) =>
                options.BackchannelHttpHandler = identityBackchannel ?? ((TestServer)server).CreateHandler());
            configureServices?.Invoke(services);
        });
    }

    /// <summary>Waits until /health reports the database and the bus (with its receive endpoints) ready.</summary>
    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        await Eventually.ReturnsAsync(
            async () => (await client.GetAsync("/health", cancellationToken)).StatusCode,
            status => status == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the service to report healthy", cancellationToken);
    }

    /// <summary>A fresh DbContext on the service's database, to look at what the service really wrote.</summary>
    public async Task<T> QueryAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }
}
