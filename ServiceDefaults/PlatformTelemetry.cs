using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's own spans and instruments (outbox dispatch, inbox), exported with the rest.</summary>
public static class PlatformTelemetry
{
    public const string SourceName = "BrandPlatform";
    public static readonly ActivitySource ActivitySource = new(SourceName);
    public static readonly Meter Meter = new(SourceName);
}
