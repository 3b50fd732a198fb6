using System.Diagnostics;

namespace BrandPlatform.AppHost.Infrastructure;

internal static class ContainerRuntime
{
    /// <summary>
    /// Containers when Docker or Podman answers (not merely when its client is installed), else local servers.
    /// ASPIRE_CONTAINER_RUNTIME picks which runtime to ask, as it does for Aspire itself.
    /// </summary>
    public static InfrastructureMode Detect()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } configured
            ? [configured]
            : new[] { "docker", "podman" };
        return runtime.Any(Answers) ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    private static bool Answers(string command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
