using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's own spans and instruments (outbox dispatch, inbox), exported with the rest.</summary>
public static class PlatformTelemetry
{
    public const string SourceName = "BrandPlatform";
    public static readonly ActivitySource ActivitySource = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    private static readonly AsyncLocal<bool> quiet = new();

    /// <summary>True inside <see cref="Quiet"/>: database commands are not traced.</summary>
    public static bool IsQuiet => quiet.Value;

    /// <summary>
    /// Routine work (polling, housekeeping) runs quiet, so its database commands do not become a stream of
    /// meaningless root traces in the dashboard.
    /// </summary>
    public static IDisposable Quiet()
    {
        var previous = quiet.Value;
        quiet.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => quiet.Value = previous;
    }
}
