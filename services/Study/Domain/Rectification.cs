using BrandPlatform.Platform.Domain;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>
/// A rectification item (整改事项) a democratic or organisational life meeting decided on: what, who answers for it,
/// by when; open until closed with a note. Its own aggregate, so the activity's held record stays as filed.
/// </summary>
public sealed class Rectification
{
    public const int DescriptionMaxLength = 500;
    public const int OwnerNameMaxLength = 50;
    public const int NoteMaxLength = 500;

    private Rectification() { }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public ActivityKind ActivityKind { get; private set; }
    /// <summary>The meeting's organiser: a branch, or the leadership team for a democratic life meeting.</summary>
    public Guid UnitId { get; private set; }
    /// <summary>The branch whose keepers follow it up (null for the leadership team's: the office's).</summary>
    public Guid? BranchId { get; private set; }
    public string Description { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? CloseNote { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>Open and past its due date on <paramref name="today"/> (China date).</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    /// <summary>An item of a held democratic or organisational life meeting (422 for other kinds, 409 before it is held).</summary>
    public static Rectification For(StudyActivity meeting, string description, string ownerName, DateOnly dueOn, string actor, DateTimeOffset now)
    {
        if (meeting.Kind is not (ActivityKind.DemocraticLifeMeeting or ActivityKind.OrganisationalLifeMeeting))
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.RectificationWrongKind_Title)),
                Text(nameof(StudyTexts.RectificationWrongKind_Detail), meeting.Kind));
        }
        if (meeting.State != ActivityState.Held)
        {
            throw new RuleViolation(Text(nameof(StudyTexts.RectificationNotHeld_Title)),
                Text(nameof(StudyTexts.RectificationNotHeld_Detail), meeting.State));
        }
        return new Rectification
        {
            Id = Guid.CreateVersion7(now),
            ActivityId = meeting.Id,
            ActivityKind = meeting.Kind,
            UnitId = meeting.OrganiserUnitId,
            BranchId = meeting.BranchId,
            Description = description.Trim(),
            OwnerName = ownerName.Trim(),
            DueOn = dueOn,
            CreatedAt = now,
            CreatedBy = actor,
            Version = 1,
        };
    }

    public void Close(string note, string actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new RuleViolation(Text(nameof(StudyTexts.RectificationClosed_Title)),
                Text(nameof(StudyTexts.RectificationClosed_Detail), ChinaCalendar.DateOf(ClosedAt!.Value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
        ClosedAt = now;
        ClosedBy = actor;
        CloseNote = note.Trim();
        Version++;
    }
}
