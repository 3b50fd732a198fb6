using BrandPlatform.AppHost.Supervisor;
using Microsoft.Extensions.Configuration;

namespace BrandPlatform.AppHost.Infrastructure;

public enum InfrastructureMode
{
    /// <summary>Choose containers where a container runtime answers, else local servers.</summary>
    Auto,
    /// <summary>PostgreSQL and RabbitMQ as containers (Aspire's AddPostgres / AddRabbitMQ).</summary>
    Containers,
    /// <summary>PostgreSQL and RabbitMQ as server processes the AppHost starts from the machine's packages.</summary>
    Local,
    /// <summary>Connection strings from configuration: a data centre's managed PostgreSQL and RabbitMQ.</summary>
    External,
}

/// <summary>
/// Where the platform's databases and broker come from. Program.cs stays the same in every mode: each service asks
/// for its own database and the broker, and the mode decides what that means.
/// </summary>
public abstract class PlatformInfrastructure
{
    public const string BrokerName = "messaging";

    public abstract InfrastructureMode Mode { get; }

    public abstract IResourceBuilder<ProjectResource> AttachDatabase(IResourceBuilder<ProjectResource> project, string database);

    public abstract IResourceBuilder<ProjectResource> AttachBroker(IResourceBuilder<ProjectResource> project);
}

public static class PlatformInfrastructureExtensions
{
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var configured = ConfiguredMode(builder.Configuration);
        var mode = configured == InfrastructureMode.Auto ? ContainerRuntime.Detect() : configured;
        return mode switch
        {
            InfrastructureMode.Containers => new ContainerInfrastructure(builder),
            InfrastructureMode.Local => new LocalInfrastructure(builder, LocalInfrastructureOptions.From(builder.Configuration)),
            InfrastructureMode.External => new ExternalInfrastructure(builder),
            _ => throw new InvalidOperationException($"Unknown infrastructure mode {mode}."),
        };
    }

    public static InfrastructureMode ConfiguredMode(IConfiguration configuration) =>
        configuration.GetValue("Infrastructure:Mode", InfrastructureMode.Auto);

    /// <summary>The gateway's fixed port for people (Gateway:Port); none or 0 lets the AppHost choose one.</summary>
    public static int? GatewayPort(IConfiguration configuration) => configuration.GetValue<int?>("Gateway:Port");

    /// <summary>
    /// Lets the dashboard's commands call the services' /ops endpoints; new on every start of the AppHost, known only to
    /// it and the services it starts (people use an operator's token instead).
    /// </summary>
    private static readonly string OperationsKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// A BrandPlatform service: its own database, the broker, a health check the dashboard and WaitFor use, the
    /// supervisor's restart after a crash, and the operators' dashboard command that replays its faulted messages.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AsPlatformService(
        this IResourceBuilder<ProjectResource> project, PlatformInfrastructure infrastructure, string database)
    {
        project.WithDatabase(infrastructure, database);
        infrastructure.AttachBroker(project);
        return project
            .WithEnvironment("Operations__Key", OperationsKey)
            .WithHttpHealthCheck("/health")
            .WithSupervision()
            .WithHttpCommand("/ops/error-queues/replay", "重放错误队列", commandName: "replay-error-queues",
                commandOptions: new HttpCommandOptions
                {
                    Method = HttpMethod.Post,
                    Description = "Move messages this service gave up on back to their queues",
                    IconName = "ArrowRepeatAll",
                    ConfirmationMessage = "把错误队列中的消息重新投递给本服务？",
                    PrepareRequest = context =>
                    {
                        context.Request.Headers.Add("X-Operations-Key", OperationsKey);
                        return Task.CompletedTask;
                    },
                });
    }

    /// <summary>A process's own database alone, without the broker a service also gets.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> project, PlatformInfrastructure infrastructure, string database) =>
        infrastructure.AttachDatabase(project, database);

    /// <summary>
    /// Where the service gets the keys that validate access tokens. Development runs over plain HTTP on loopback;
    /// an external authority (the government's unified identity platform) is set in the service's Identity:Authority.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenAuthority(
        this IResourceBuilder<ProjectResource> service, ReferenceExpression authority) =>
        service
            .WithEnvironment("Identity__Authority", authority)
            .WithEnvironment("Identity__RequireHttpsMetadata", "false");

    /// <summary>The gateway is the only HTTP endpoint outside callers reach; Gateway:Port fixes its port for people.</summary>
    public static IResourceBuilder<ProjectResource> WithPublicHttpEndpoint(
        this IResourceBuilder<ProjectResource> gateway, IConfiguration configuration)
    {
        var port = GatewayPort(configuration);
        if (port is > 0)
        {
            gateway.WithEndpoint("http", endpoint => endpoint.Port = port);
        }
        return gateway.WithExternalHttpEndpoints();
    }
}

internal sealed class ContainerInfrastructure(IDistributedApplicationBuilder builder) : PlatformInfrastructure
{
    private readonly IResourceBuilder<PostgresServerResource> postgres = builder.AddPostgres("postgres")
        .WithDataVolume("brandplatform-postgres");
    private readonly IResourceBuilder<RabbitMQServerResource> broker = builder.AddRabbitMQ(BrokerName)
        .WithManagementPlugin()
        .WithDataVolume("brandplatform-rabbitmq");

    public override InfrastructureMode Mode => InfrastructureMode.Containers;

    public override IResourceBuilder<ProjectResource> AttachDatabase(IResourceBuilder<ProjectResource> project, string database)
    {
        var db = postgres.AddDatabase(database);
        return project.WithReference(db).WaitFor(db);
    }

    public override IResourceBuilder<ProjectResource> AttachBroker(IResourceBuilder<ProjectResource> project) =>
        project.WithReference(broker).WaitFor(broker);
}

internal sealed class ExternalInfrastructure(IDistributedApplicationBuilder builder) : PlatformInfrastructure
{
    private readonly IResourceBuilder<IResourceWithConnectionString> broker = builder.AddConnectionString(BrokerName);

    public override InfrastructureMode Mode => InfrastructureMode.External;

    public override IResourceBuilder<ProjectResource> AttachDatabase(IResourceBuilder<ProjectResource> project, string database) =>
        project.WithReference(builder.AddConnectionString(database));

    public override IResourceBuilder<ProjectResource> AttachBroker(IResourceBuilder<ProjectResource> project) =>
        project.WithReference(broker);
}

internal sealed class LocalInfrastructure(IDistributedApplicationBuilder builder, LocalInfrastructureOptions options)
    : PlatformInfrastructure
{
    // Their processes are the AppHost's own here, so the supervisor looks after them as it does the services.
    private readonly IResourceBuilder<LocalPostgresResource> postgres = builder.AddLocalPostgres("postgres", options).WithSupervision();
    private readonly IResourceBuilder<LocalRabbitMqResource> broker = builder.AddLocalRabbitMq(BrokerName, options).WithSupervision();

    public override InfrastructureMode Mode => InfrastructureMode.Local;

    public override IResourceBuilder<ProjectResource> AttachDatabase(IResourceBuilder<ProjectResource> project, string database) =>
        project
            .WithEnvironment($"ConnectionStrings__{database}", postgres.Resource.DatabaseConnectionString(database))
            .WithReferenceRelationship(postgres)
            .WaitFor(postgres);

    public override IResourceBuilder<ProjectResource> AttachBroker(IResourceBuilder<ProjectResource> project) =>
        project.WithReference(broker).WaitFor(broker);
}
