using Microsoft.Extensions.Configuration;

namespace BrandPlatform.AppHost.Infrastructure;

/// <summary>
/// Infrastructure:Local:* — where local servers keep their data and which loopback ports they use. The defaults live
/// here only: run.sh and its --reset ask the AppHost for the effective values (RunCommandSettings).
/// </summary>
public sealed class LocalInfrastructureOptions
{
    public string DataDirectory { get; set; } = DefaultDataDirectory();
    public int PostgresPort { get; set; } = 55432;
    public int RabbitMqPort { get; set; } = 55672;
    public int RabbitMqManagementPort { get; set; } = 55673;
    public int RabbitMqDistributionPort { get; set; } = 55674;
    /// <summary>Folder with initdb and postgres; the newest /usr/lib/postgresql/*/bin when not set.</summary>
    public string? PostgresBinDirectory { get; set; }
    /// <summary>The package's rabbitmq-server script; /usr/lib/rabbitmq/bin/rabbitmq-server when not set.</summary>
    public string? RabbitMqServer { get; set; }

    public static LocalInfrastructureOptions From(IConfiguration configuration) =>
        configuration.GetSection("Infrastructure:Local").Get<LocalInfrastructureOptions>() ?? new LocalInfrastructureOptions();

    /// <summary>The effective user: .NET resolves it from geteuid.</summary>
    public static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>
    /// Per user. Root's home is closed to the postgres account the server must run as, so root's data lives under
    /// /var/lib instead.
    /// </summary>
    private static string DefaultDataDirectory()
    {
        if (RunningAsRoot)
        {
            return "/var/lib/brandplatform";
        }
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "brandplatform");
    }
}
