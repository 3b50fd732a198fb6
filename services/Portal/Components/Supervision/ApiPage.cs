namespace BrandPlatform.Portal.Components.Supervision;

/// <summary>One page of an API's list: its items and the path of the next page (null on the last), as the APIs answer.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);
