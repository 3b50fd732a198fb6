namespace BrandPlatform.Contracts.Supervision;

/// <summary>
/// An event of one branch's brand (党建服务品牌); <see cref="IntegrationEvent.AggregateId"/> is the brand. Each carries the
/// brand as it stands after the change and its edit version (the ETag), so a consumer keeps a copy without asking back.
/// </summary>
public abstract record BrandEvent : IntegrationEvent
{
    public Guid BrandId { get; init; }
    public Guid BranchId { get; init; }
    public string Name { get; init; } = "";
    public string Field { get; init; } = "";
    public string Slogan { get; init; } = "";
    /// <summary>The brand's edit version after the change (its ETag), not the event sequence.</summary>
    public int Version { get; init; }
}

/// <summary>A branch's brand was registered.</summary>
[EventName("supervision.brand-registered.v1")]
public sealed record BrandRegistered : BrandEvent;

/// <summary>The brand's name, field, meaning, slogan, logo or one of its measures changed.</summary>
[EventName("supervision.brand-changed.v1")]
public sealed record BrandChanged : BrandEvent;

/// <summary>A measure (举措) was added to the brand: who carries it out, by when (a China date), to what end.</summary>
[EventName("supervision.brand-measure-added.v1")]
public sealed record BrandMeasureAdded : BrandEvent
{
    public required Guid MeasureId { get; init; }
    public required string Title { get; init; }
    public required Guid OwnerUnitId { get; init; }
    public Guid? OwnerPersonId { get; init; }
    public required DateOnly Deadline { get; init; }
    public required string ExpectedResult { get; init; }
}
