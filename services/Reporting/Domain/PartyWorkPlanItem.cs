namespace BrandPlatform.Reporting.Domain;

/// <summary>
/// An item of the year's party-work plan (年度党建工作计划) of one branch or of the organ as a whole: in which month the
/// brand, or one of its measures, is on the agenda and as what.
/// </summary>
public sealed class PartyWorkPlanItem
{
    public const int TitleMaxLength = 200;

    private PartyWorkPlanItem() { }

    public PartyWorkPlanItem(Guid id, int year, int month, Guid? branchId, string title, Guid brandId, Guid? measureId, DateTimeOffset at)
    {
        Id = id;
        Year = year;
        Month = month;
        BranchId = branchId;
        Title = title.Trim();
        BrandId = brandId;
        MeasureId = measureId;
        AddedAt = at;
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    /// <summary>1–12, China calendar.</summary>
    public int Month { get; private set; }
    /// <summary>The branch whose plan it is; null for the organ's own plan (机关党委).</summary>
    public Guid? BranchId { get; private set; }
    public string Title { get; private set; } = "";
    public Guid BrandId { get; private set; }
    public Guid? MeasureId { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
