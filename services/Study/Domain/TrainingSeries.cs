using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Localization;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

/// <summary>
/// A training series (履职能力提升专题培训) the committee or a department organises for the whole organ. Its sessions
/// are activities of kind <see cref="ActivityKind.Training"/> that name the series (<see cref="StudyActivity.SeriesId"/>),
/// each with its external speakers.
/// </summary>
public sealed class TrainingSeries
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    private TrainingSeries() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid OrganiserUnitId { get; private set; }
    /// <summary>System-wide: every member of every branch is expected at its sessions.</summary>
    public AudienceKind Audience { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The organiser is the organ committee or one of its departments, and active (422 otherwise).</summary>
    public static TrainingSeries Create(string title, string description, DirectoryUnit organiser, string actor, DateTimeOffset now)
    {
        if (organiser.Kind is not (UnitKinds.OrganCommittee or UnitKinds.Department))
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.TrainingOrganiser_Title)),
                Text(nameof(StudyTexts.TrainingOrganiser_Detail), new UnitReference(organiser.Id)));
        }
        if (!organiser.IsActive)
        {
            throw RuleViolation.Unprocessable(Text(nameof(StudyTexts.OrganiserInactive_Title)),
                Text(nameof(StudyTexts.OrganiserInactive_Detail), new UnitReference(organiser.Id)));
        }
        return new TrainingSeries
        {
            Id = Guid.CreateVersion7(now),
            Title = title.Trim(),
            Description = description.Trim(),
            OrganiserUnitId = organiser.Id,
            Audience = AudienceKind.WholeOrgan,
            CreatedBy = actor,
            CreatedAt = now,
        };
    }
}
