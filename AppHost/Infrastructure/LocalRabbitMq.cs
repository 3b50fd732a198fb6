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
    /// <summary>
    /// RabbitMQ as an Aspire executable with the management UI. The real server script is run rather than the
    /// /usr/sbin wrapper, which under root switches to the rabbitmq account and ignores our data folder.
    /// Logs go to standard output so the dashboard shows them.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, LocalInfrastructureOptions options)
    {
        if (!File.Exists(options.RabbitMqServer))
        {
            throw new InvalidOperationException(
                $"{options.RabbitMqServer} was not found. Run ./run.sh (it installs rabbitmq-server) " +
                "or set Infrastructure:Local:RabbitMqServer.");
        }
        var home = Path.Combine(options.DataDirectory, "rabbitmq");
        var resource = new LocalRabbitMqResource(name, options.RabbitMqServer, options.DataDirectory, options.RabbitMqPort);
        var pluginsFile = Path.Combine(home, "enabled_plugins");
        // Node name carries the port so a test node and a running system's node never collide.
        var nodeName = $"brandplatform-{options.RabbitMqPort}@localhost";
        var managementListener = $"-rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{options.RabbitMqManagementPort}}}]";

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RabbitMqAcceptsConnections(resource.Address), HealthStatus.Unhealthy, []));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, (_, _) =>
        {
            LocalProcess.CreateTraversableDirectory(options.DataDirectory);
            Directory.CreateDirectory(Path.Combine(home, "mnesia"));
            Directory.CreateDirectory(Path.Combine(home, "log"));
            File.WriteAllText(pluginsFile, "[rabbitmq_management].\n");
            return Task.CompletedTask;
        });

        return builder.AddResource(resource)
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", options.RabbitMqPort.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", options.RabbitMqDistributionPort.ToString())
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(home, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(home, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", pluginsFile)
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", managementListener)
            // The Erlang cookie lives in HOME; keeping it in the data folder keeps nodes of different users apart.
            .WithEnvironment("HOME", home)
            .WithEndpoint(port: options.RabbitMqPort, targetPort: options.RabbitMqPort, scheme: "tcp", name: "amqp", isProxied: false)
            .WithHttpEndpoint(port: options.RabbitMqManagementPort, targetPort: options.RabbitMqManagementPort, name: "management", isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
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
