using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace BrandPlatform.AppHost.Infrastructure;

/// <summary>A RabbitMQ node of its own (name, ports, data folder) run from the machine's rabbitmq-server package.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory, int port)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public Uri Address { get; } = new($"amqp://guest:guest@127.0.0.1:{port}/");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Address.ToString()}");
}

public static class LocalRabbitMqExtensions
{
    /// <summary>RabbitMQ as an Aspire executable with the management UI, started by scripts/local-rabbitmq.sh.</summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        var scripts = LocalServerScripts.Folder(builder);
        var resource = new LocalRabbitMqResource(name, Path.Combine(scripts, "local-rabbitmq.sh"), scripts, options.RabbitMqPort);

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RabbitMqAcceptsConnections(resource.Address), HealthStatus.Unhealthy, []));

        var broker = builder.AddResource(resource)
            .WithArgs(Path.Combine(options.DataDirectory, "rabbitmq"), options.RabbitMqPort.ToString(),
                options.RabbitMqManagementPort.ToString(), options.RabbitMqDistributionPort.ToString())
            .WithEndpoint(port: options.RabbitMqPort, targetPort: options.RabbitMqPort, scheme: "tcp", name: "amqp", isProxied: false)
            .WithHttpEndpoint(port: options.RabbitMqManagementPort, targetPort: options.RabbitMqManagementPort, name: "management", isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
        return options.RabbitMqServer is { Length: > 0 } server
            ? broker.WithEnvironment("BRANDPLATFORM_RABBITMQ_SERVER", server)
            : broker;
    }

    private sealed class RabbitMqAcceptsConnections(Uri address) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var factory = new ConnectionFactory { Uri = address, RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException
                or IOException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return HealthCheckResult.Unhealthy("RabbitMQ does not accept connections yet", exception);
            }
        }
    }
}
