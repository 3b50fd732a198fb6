using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>One line of a quarterly plan: which meeting, in which month of the quarter, on what topic.</summary>
public sealed record PlanItem(ActivityKind Kind, int Month, string Topic)
{
    public const int TopicMaxLength = StudyActivity.TopicMaxLength;
}

/// <summary>
/// A branch's 三会一课 plan for a quarter (季度计划), due by a day of the quarter's first month (the 5th unless
/// Study:Rules:PlanDueDay says otherwise). One per branch and quarter; a correction replaces the items but keeps when
/// it was first filed, so a late plan stays late.
/// </summary>
public sealed class QuarterPlan
{
    public const int MaxItems = 60;

    private QuarterPlan() { }

    public Guid Id { get; private set; }
    public Guid BranchId { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public IReadOnlyList<PlanItem> Items { get; private set; } = [];
    public DateTimeOffset FiledAt { get; private set; }
    public string FiledBy { get; private set; } = "";
    /// <summary>The last China date it could be filed on in time.</summary>
    public DateOnly DueOn { get; private set; }
    public bool FiledLate { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    public static QuarterPlan File(Guid branchId, int year, int quarter, IReadOnlyList<PlanItem> items, int dueDay, string actor, DateTimeOffset now)
    {
        var plan = new QuarterPlan
        {
            Id = Guid.CreateVersion7(now),
            BranchId = branchId,
            Year = year,
            Quarter = quarter,
            FiledAt = now,
            FiledBy = actor,
            DueOn = Periods.PlanDueOn(year, quarter, dueDay),
        };
        plan.FiledLate = ChinaCalendar.DateOf(now) > plan.DueOn;
        plan.SetItems(items, now);
        return plan;
    }

    /// <summary>Replaces the items; when it was filed (and so whether it was late) does not change.</summary>
    public void Correct(IReadOnlyList<PlanItem> items, DateTimeOffset now) => SetItems(items, now);

    private void SetItems(IReadOnlyList<PlanItem> items, DateTimeOffset now)
    {
        var months = Periods.MonthsOf(Quarter);
        if (items.FirstOrDefault(i => !months.Contains(i.Month)) is { } outside)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.PlanMonthOutsideQuarter_Title)),
                Text(nameof(StudyTexts.PlanMonthOutsideQuarter_Detail), outside.Month, Year, Quarter));
        }
        if (items.FirstOrDefault(i => !i.Kind.OrganisedBy().Any(kind => kind is UnitKinds.Branch or UnitKinds.PartyGroup)) is { } other)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.PlanKindNotBranch_Title)), Text(nameof(StudyTexts.PlanKindNotBranch_Detail), other.Kind));
        }
        Items = [.. items.Select(i => i with { Topic = i.Topic.Trim() })];
        LastChangedAt = now;
        Version++;
    }
}
