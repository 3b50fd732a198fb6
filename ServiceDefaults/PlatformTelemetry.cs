using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's own spans and instruments (outbox dispatch, inbox), exported with the rest.</summary>
public static class PlatformTelemetry
{
    public const string SourceName = "BrandPlatform";
    public static readonly ActivitySource ActivitySource = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    /// <summary>
    /// Makes the work inside (routine polling, housekeeping) a child of an unsampled parent, so its database spans
    /// are not exported as a stream of meaningless root traces.
    /// </summary>
    public static Activity Unrecorded(string name)
    {
        var activity = new Activity(name);
        activity.SetIdFormat(ActivityIdFormat.W3C);
        activity.ActivityTraceFlags = ActivityTraceFlags.None;
        return activity.Start();
    }
}
