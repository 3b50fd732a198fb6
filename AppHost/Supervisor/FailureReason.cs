namespace BrandPlatform.AppHost.Supervisor;

/// <summary>
/// Why a process ended, in one line an operator can act on: the last line of its log that reads like an error (a
/// server's FATAL, an unhandled exception), else its last line, with the exit code.
/// </summary>
public static class FailureReason
{
    private const int MaxLength = 300;
    private static readonly string[] ErrorMarkers = ["fatal", "error", "exception", "fail", "denied", "refused", "in use", "not found", "cannot", "could not"];

    public static string Describe(IEnumerable<string> logLines, int? exitCode)
    {
        var meaningful = logLines.Select(line => line.Trim()).Where(IsMeaningful).ToList();
        var line = meaningful.LastOrDefault(ReadsLikeAnError) ?? meaningful.LastOrDefault();
        var exit = exitCode is { } code ? $"exit code {code}" : null;
        return (line, exit) switch
        {
            (null, null) => "it ended without a log line or exit code",
            (null, _) => exit!,
            (_, null) => Shorten(line!),
            _ => $"{Shorten(line!)} ({exit})",
        };
    }

    /// <summary>Blank lines and stack frames say nothing on their own.</summary>
    private static bool IsMeaningful(string line) =>
        line.Length > 0 && !line.StartsWith("at ", StringComparison.Ordinal) && !line.StartsWith("--- End of", StringComparison.Ordinal);

    private static bool ReadsLikeAnError(string line) =>
        ErrorMarkers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string line)
    {
        var single = line.ReplaceLineEndings(" ");
        return single.Length <= MaxLength ? single : string.Concat(single.AsSpan(0, MaxLength - 1), "…");
    }
}
