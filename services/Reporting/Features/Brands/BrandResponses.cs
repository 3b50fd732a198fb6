using BrandPlatform.Reporting.Domain;

namespace BrandPlatform.Reporting.Features.Brands;

public sealed record MeasureResponse(Guid Id, string Title, Guid OwnerUnitId, Guid? OwnerPersonId, DateOnly Deadline, string ExpectedResult)
{
    public static MeasureResponse From(BrandMeasure measure) =>
        new(measure.Id, measure.Title, measure.OwnerUnitId, measure.OwnerPersonId, measure.Deadline, measure.ExpectedResult);
}

/// <param name="Logo">The logo's address, or null before one is uploaded.</param>
public sealed record BrandResponse(
    Guid Id, Guid BranchId, string Name, string Field, string Meaning, string Slogan, string? Logo, IReadOnlyList<MeasureResponse> Measures,
    DateTimeOffset RegisteredAt, DateTimeOffset LastChangedAt, int Version)
{
    public static string ETagOf(Brand brand) => $"\"{brand.Version}\"";

    public static BrandResponse From(Brand brand) => new(
        brand.Id, brand.BranchId, brand.Name, brand.Field, brand.Meaning, brand.Slogan,
        brand.LogoContentType is null ? null : $"/api/supervision/brands/{brand.Id}/logo",
        [.. brand.Measures.OrderBy(m => m.Deadline).ThenBy(m => m.Id).Select(MeasureResponse.From)],
        brand.RegisteredAt, brand.LastChangedAt, brand.Version);
}

public sealed record PlanItemResponse(Guid Id, int Year, int Month, Guid? BranchId, string Title, Guid BrandId, Guid? MeasureId, DateTimeOffset AddedAt)
{
    public static PlanItemResponse From(PartyWorkPlanItem item) =>
        new(item.Id, item.Year, item.Month, item.BranchId, item.Title, item.BrandId, item.MeasureId, item.AddedAt);
}

public sealed record HighlightResponse(
    Guid Id, Guid BrandId, Guid BranchId, string Title, string Summary, HighlightState State, DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt, int Version)
{
    public static string ETagOf(BrandHighlight highlight) => $"\"{highlight.Version}\"";

    public static HighlightResponse From(BrandHighlight highlight) => new(
        highlight.Id, highlight.BrandId, highlight.BranchId, highlight.Title, highlight.Summary, highlight.State, highlight.SubmittedAt,
        highlight.DecidedAt, highlight.Version);
}

/// <summary>
/// A brand's page: the brand and its measures, the plan items that put it on the agenda, its highlights (selected ones;
/// the office and the branch's keepers see all), and the work done under it, newest first.
/// </summary>
public sealed record BrandPageResponse(
    BrandResponse Brand, IReadOnlyList<PlanItemResponse> PlanItems, IReadOnlyList<HighlightResponse> Highlights, IReadOnlyList<BrandWorkItem> Work);
