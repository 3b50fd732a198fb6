namespace BrandPlatform.Platform.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    public int BatchSize { get; set; } = 100;
    /// <summary>How often to look for due rows when nothing signalled (rows left by a crash, a failed publish, another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Longest wait between attempts of one row while the broker is unreachable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Inbox rows must outlive any redelivery window; a month is far beyond the broker's.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
