namespace BrandPlatform.Study.Features.Branches;

/// <summary>
/// A person's stint in a branch, the denominator of 学习教育全覆盖. Joins and leaves are applied in the person's order;
/// a leave whose join study never saw (from before it kept rosters) still records the stint, and each side fills in
/// its own date.
/// </summary>
public sealed class BranchMember
{
    private BranchMember() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid BranchId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public DateOnly? JoinedOn { get; private set; }
    public DateOnly? LeftOn { get; private set; }

    public bool IsCurrent => JoinedOn is not null && LeftOn is null;

    public static BranchMember FromJoin(Guid personId, Guid branchId, string displayName, DateOnly on) =>
        new() { Id = Guid.CreateVersion7(), PersonId = personId, BranchId = branchId, DisplayName = displayName, JoinedOn = on };

    public static BranchMember FromLeave(Guid personId, Guid branchId, DateOnly on) =>
        new() { Id = Guid.CreateVersion7(), PersonId = personId, BranchId = branchId, LeftOn = on };

    /// <summary>The join of a stint whose leave arrived first.</summary>
    public void CompleteJoin(string displayName, DateOnly on)
    {
        DisplayName = displayName;
        JoinedOn = on;
    }

    public void Leave(DateOnly on) => LeftOn = on;
}
