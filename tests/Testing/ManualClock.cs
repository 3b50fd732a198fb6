namespace BrandPlatform.Testing;

/// <summary>A clock a test sets: deadlines, token lifetimes and schedules are judged by it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    /// <summary>Now in UTC, whatever offset it was set with (PostgreSQL stores only UTC instants).</summary>
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
