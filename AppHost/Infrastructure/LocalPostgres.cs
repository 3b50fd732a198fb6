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
    /// PostgreSQL as an Aspire executable, started by scripts/local-postgres.sh: the data folder is created with
    /// initdb on first start and kept, so data survives restarts.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var scripts = LocalServerScripts.Folder(builder);
        var resource = new LocalPostgresResource(name, Path.Combine(scripts, "local-postgres.sh"), scripts, options.PostgresPort);

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresAcceptsConnections(resource.ServerConnectionString), HealthStatus.Unhealthy, []));

        var postgres = builder.AddResource(resource)
            .WithArgs(Path.Combine(options.DataDirectory, "postgres"), options.PostgresPort.ToString())
            .WithEndpoint(port: options.PostgresPort, targetPort: options.PostgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
        return options.PostgresBinDirectory is { Length: > 0 } binDirectory
            ? postgres.WithEnvironment("BRANDPLATFORM_POSTGRES_BIN", binDirectory)
            : postgres;
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
