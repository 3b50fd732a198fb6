namespace BrandPlatform.AppHost.Infrastructure;

/// <summary>
/// Local mode's servers are started by the same scripts test.sh and the benchmarks use (scripts/local-postgres.sh,
/// scripts/local-rabbitmq.sh), so there is one way to initialise and start them. Scripts were chosen over a C#
/// starter the scripts would call: test.sh must start servers before anything is built, and each script runs the
/// server in the foreground (RabbitMQ's exec-ed, PostgreSQL's as its child so a stop is a fast shutdown), so DCP
/// supervises the server's own life and the dashboard shows the server's own log.
/// </summary>
internal static class LocalServerScripts
{
    /// <summary>The scripts/ folder of the repository the AppHost belongs to; the scripts run from there.</summary>
    public static string Folder(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "scripts"));
}
