namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>
/// Something done under a brand or one of its measures: a supervision task, a study activity held, a ticket. A brand's
/// page lists them from every area that registers a source, so the registry need not know each area's tables.
/// </summary>
/// <param name="Kind">camelCase: supervisionTask, studyActivity, ticket.</param>
/// <param name="MeasureId">The measure it serves, when it names one.</param>
/// <param name="State">The item's own state code in its area (e.g. held, green, closed).</param>
public sealed record BrandWorkItem(string Kind, Guid Id, string Title, string State, DateTimeOffset At, Guid? MeasureId);

/// <summary>One area's work under a brand, registered with <c>AddScoped&lt;IBrandWorkSource, ...&gt;()</c>.</summary>
public interface IBrandWorkSource
{
    Task<IReadOnlyList<BrandWorkItem>> ForBrandAsync(Guid brandId, CancellationToken cancellationToken);
}
