using System.Globalization;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>
/// A member's self-study note (自学笔记): what they studied (a library material or a title), on which China date, and
/// their reflections (心得). Kept for the member and their branch's keepers. Deliberately without minutes, counts or
/// likes: national no-formalism rules (2026) forbid judging people by them.
/// </summary>
public sealed class StudyNote : Aggregate
{
    public const int ReflectionsMaxLength = 5000;

    private StudyNote() { }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public Guid? MaterialId { get; private set; }
    /// <summary>The library material's title when it was recorded, or the title the member typed.</summary>
    public string MaterialTitle { get; private set; } = "";
    public DateOnly StudiedOn { get; private set; }
    public string Reflections { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Records a member's self-study; a study date after today (China) is refused (422).</summary>
    public static StudyNote Record(
        Guid personId, string displayName, Guid? materialId, string materialTitle, DateOnly studiedOn, string reflections, DateTimeOffset now)
    {
        var today = ChinaCalendar.DateOf(now);
        if (studiedOn > today)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.NoteInFuture_Title)),
                Text(nameof(StudyTexts.NoteInFuture_Detail), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var note = new StudyNote
        {
            Id = Guid.CreateVersion7(now),
            PersonId = personId,
            DisplayName = displayName.Trim(),
            MaterialId = materialId,
            MaterialTitle = materialTitle.Trim(),
            StudiedOn = studiedOn,
            Reflections = reflections.Trim(),
            RecordedAt = now,
        };
        note.Raise(new MemberStudyRecorded { OccurredAt = now, PersonId = personId, MaterialId = materialId, StudiedOn = studiedOn });
        return note;
    }
}
