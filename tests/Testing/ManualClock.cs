namespace BrandPlatform.Testing;

/// <summary>A clock a test sets: deadlines, token lifetimes and schedules are judged by it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
