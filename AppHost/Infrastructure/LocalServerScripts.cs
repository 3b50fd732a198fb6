namespace BrandPlatform.AppHost.Infrastructure;

/// <summary>
/// Local mode's servers are started by the same scripts test.sh and the benchmarks use (scripts/local-postgres.sh,
/// scripts/local-rabbitmq.sh), so there is one way to initialise and start them. A script was chosen over a C#
/// starter the scripts would call: test.sh must start servers before anything is built, and each script ends by
/// exec-ing the server in the foreground, so the process DCP supervises is the server itself and the dashboard shows
/// its own log.
/// </summary>
internal static class LocalServerScripts
{
    /// <summary>The scripts/ folder of the repository the AppHost belongs to; the scripts run from there.</summary>
    public static string Folder(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "scripts"));
}
