using System.Text.RegularExpressions;

namespace BrandPlatform.AppHost.Supervisor;

/// <summary>
/// Why a process ended, in one line an operator can act on: of the last lines of its log, the first that reads like an
/// error (a server names the cause before its FATAL summary; .NET names the exception before its inner ones), else its
/// last line, with the exit code.
/// </summary>
public static partial class FailureReason
{
    private const int MaxLength = 300;
    private const int LastLines = 10;
    private static readonly string[] ErrorMarkers = ["fatal", "error", "exception", "fail", "denied", "refused", "in use", "not found", "cannot", "could not"];

    /// <param name="logLines">As Aspire keeps them: each may start with the orchestrator's ISO 8601 timestamp.</param>
    public static string Describe(IEnumerable<string> logLines, int? exitCode)
    {
        var last = logLines.Select(line => Timestamp().Replace(line, "").Trim()).Where(IsMeaningful).TakeLast(LastLines).ToList();
        var line = last.FirstOrDefault(ReadsLikeAnError) ?? last.LastOrDefault();
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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})\s")]
    private static partial Regex Timestamp();
}
