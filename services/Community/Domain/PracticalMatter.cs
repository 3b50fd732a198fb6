using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Community.Domain;

public enum PracticalMatterState
{
    Committed,
    Completed,
}

public enum FeedbackCadence
{
    Weekly,
    Fortnightly,
    Monthly,
}

/// <summary>
/// 我为群众办实事: a practical matter the organ commits to for a year (what, which department owns it, by when, who
/// benefits). Reporting puts it on the supervision list as a task with the same id; the matter follows the task's state
/// and is completed when the office closes the task.
/// </summary>
public sealed class PracticalMatter : Aggregate
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int BeneficiariesMaxLength = 200;
    public const int MaxMilestones = 12;

    private PracticalMatter() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid OwnerUnitId { get; private set; }
    public string OwnerUnitName { get; private set; } = "";
    public Guid OwnerPersonId { get; private set; }
    public string OwnerPersonName { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    public string Beneficiaries { get; private set; } = "";
    public FeedbackCadence FeedbackCadence { get; private set; }
    public List<DateOnly> MilestoneDues { get; private set; } = [];
    public PracticalMatterState State { get; private set; }
    /// <summary>The supervision task's state (inProgress, closureRequested, closed) as its latest event said.</summary>
    public string? TaskState { get; private set; }
    public long TaskVersion { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public DateTimeOffset CommittedAt { get; private set; }
    public int Version { get; private set; }

    public static PracticalMatter Commit(
        int year, string title, string description, (Guid Id, string Name) ownerUnit, (Guid Id, string Name) ownerPerson, DateOnly deadline,
        string beneficiaries, FeedbackCadence cadence, IReadOnlyList<DateOnly> milestoneDues, DateTimeOffset now)
    {
        var matter = new PracticalMatter
        {
            Id = Guid.CreateVersion7(now), Year = year, Title = title.Trim(), Description = description.Trim(), OwnerUnitId = ownerUnit.Id,
            OwnerUnitName = ownerUnit.Name, OwnerPersonId = ownerPerson.Id, OwnerPersonName = ownerPerson.Name, Deadline = deadline,
            Beneficiaries = beneficiaries.Trim(), FeedbackCadence = cadence, MilestoneDues = [.. milestoneDues], State = PracticalMatterState.Committed,
            CommittedAt = now, Version = 1,
        };
        matter.Raise(matter.Stated(new PracticalMatterCommitted
        {
            OccurredAt = now, Description = matter.Description, FeedbackCadence = cadence.ToCode(), MilestoneDues = matter.MilestoneDues,
        }));
        return matter;
    }

    /// <summary>
    /// Follows the supervision task: a later event of the task than the one seen says its state; closing it completes
    /// the matter (once: a task reopened after closing does not undo a completion already announced).
    /// </summary>
    public void FollowTask(long taskVersion, string taskState, DateOnly? closedOn, DateTimeOffset now)
    {
        if (taskVersion <= TaskVersion)
        {
            return;
        }
        TaskVersion = taskVersion;
        TaskState = taskState;
        if (closedOn is { } on && State == PracticalMatterState.Committed)
        {
            State = PracticalMatterState.Completed;
            CompletedOn = on;
            Version++;
            Raise(Stated(new PracticalMatterCompleted { OccurredAt = now, CompletedOn = on }));
        }
    }

    private T Stated<T>(T matterEvent) where T : PracticalMatterEvent => matterEvent with
    {
        MatterId = Id, Year = Year, Title = Title, OwnerUnitId = OwnerUnitId, OwnerPersonId = OwnerPersonId, Deadline = Deadline,
        Beneficiaries = Beneficiaries, State = State.ToCode(),
    };
}
