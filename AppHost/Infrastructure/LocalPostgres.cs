using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BrandPlatform.AppHost.Infrastructure;

/// <summary>A PostgreSQL server the AppHost runs from the machine's own binaries, listening on loopback only.</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public int Port { get; } = port;

    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{ServerConnectionString}");

    public ReferenceExpression DatabaseConnectionString(string database) =>
        ReferenceExpression.Create($"{ServerConnectionString};Database={database}");
}

public static class LocalPostgresExtensions
{
    /// <summary>
    /// PostgreSQL as an Aspire executable: the data folder is created with initdb on first start and kept, so data
    /// survives restarts. The server refuses to run as root, so under root it runs as the postgres account.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var binDirectory = options.PostgresBinDirectory ?? FindPostgresBinDirectory();
        var dataDirectory = Path.Combine(options.DataDirectory, "postgres");
        var serverArgs = new[]
        {
            Path.Combine(binDirectory, "postgres"), "-D", dataDirectory, "-p", options.PostgresPort.ToString(),
            "-k", dataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
        };
        var resource = LocalInfrastructureOptions.RunningAsRoot
            ? new LocalPostgresResource(name, "runuser", options.DataDirectory, options.PostgresPort)
            : new LocalPostgresResource(name, serverArgs[0], options.DataDirectory, options.PostgresPort);
        var args = LocalInfrastructureOptions.RunningAsRoot ? ["-u", "postgres", "--", .. serverArgs] : serverArgs[1..];

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresAcceptsConnections(resource.ServerConnectionString), HealthStatus.Unhealthy, []));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, (_, cancellationToken) =>
            InitializeDataDirectoryAsync(binDirectory, options.DataDirectory, dataDirectory, cancellationToken));

        return builder.AddResource(resource)
            .WithArgs(args)
            .WithEndpoint(port: options.PostgresPort, targetPort: options.PostgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }

    private static async Task InitializeDataDirectoryAsync(
        string binDirectory, string root, string dataDirectory, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        LocalProcess.CreateTraversableDirectory(root);
        Directory.CreateDirectory(dataDirectory);
        var initdb = new[]
        {
            Path.Combine(binDirectory, "initdb"), "-D", dataDirectory, "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        };
        if (LocalInfrastructureOptions.RunningAsRoot)
        {
            await LocalProcess.RunAsync("chown", ["postgres:postgres", dataDirectory], cancellationToken);
            await LocalProcess.RunAsync("runuser", ["-u", "postgres", "--", .. initdb], cancellationToken);
        }
        else
        {
            await LocalProcess.RunAsync(initdb[0], initdb[1..], cancellationToken);
        }
    }

    private static string FindPostgresBinDirectory()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "postgres")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql. Run ./run.sh (it installs them) " +
            "or set Infrastructure:Local:PostgresBinDirectory.");
    }

    private sealed class PostgresAcceptsConnections(string connectionString) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not accept connections yet", exception);
            }
        }
    }
}
