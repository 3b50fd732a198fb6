using System.Diagnostics;

namespace BrandPlatform.AppHost.Infrastructure;

internal static class LocalProcess
{
    /// <summary>Runs a setup command to completion and fails loudly with its output, so a broken install is obvious.</summary>
    public static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', start.ArgumentList)}' exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>Creates a folder every account can traverse (the postgres account must reach its data below it).</summary>
    public static void CreateTraversableDirectory(string path)
    {
        Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        File.SetUnixFileMode(path, File.GetUnixFileMode(path)
            | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
