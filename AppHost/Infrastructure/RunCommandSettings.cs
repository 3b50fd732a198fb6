using Microsoft.Extensions.Configuration;

namespace BrandPlatform.AppHost.Infrastructure;

/// <summary>
/// <c>AppHost settings [configuration arguments]</c> prints what run.sh needs to know from the AppHost's configuration
/// (appsettings.json, user secrets, environment and the same arguments), one <c>name=value</c> line each, and exits:
/// run.sh asks instead of keeping its own copies of the data folder and ports, so that <c>./run.sh --reset</c> deletes
/// the folder the servers use and the readiness wait watches the gateway's real port.
/// </summary>
internal static class RunCommandSettings
{
    public const string Command = "settings";

    public static void Print(IConfiguration configuration, TextWriter output)
    {
        var local = LocalInfrastructureOptions.From(configuration);
        output.WriteLine($"mode={PlatformInfrastructureExtensions.ConfiguredMode(configuration).ToString().ToLowerInvariant()}");
        output.WriteLine($"data_directory={local.DataDirectory}");
        output.WriteLine($"postgres_port={local.PostgresPort}");
        output.WriteLine($"rabbitmq_port={local.RabbitMqPort}");
        output.WriteLine($"rabbitmq_management_port={local.RabbitMqManagementPort}");
        output.WriteLine($"rabbitmq_distribution_port={local.RabbitMqDistributionPort}");
        output.WriteLine($"gateway_port={PlatformInfrastructureExtensions.GatewayPort(configuration) ?? 0}");
    }
}
