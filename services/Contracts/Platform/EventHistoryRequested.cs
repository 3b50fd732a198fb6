namespace BrandPlatform.Contracts.Platform;

/// <summary>
/// An operator rebuilds a projection: every service sends the events of its history named in
/// <see cref="EventNames"/> straight to <see cref="Queue"/>, the projection's queue (not published: the other
/// subscribers have applied them already). It is about no aggregate and is itself kept in no history.
/// </summary>
[EventName("platform.event-history-requested.v1")]
public sealed record EventHistoryRequested : IntegrationEvent
{
    public required string Queue { get; init; }

    public required IReadOnlyList<string> EventNames { get; init; }
}
