using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

/// <summary>
/// A warning case (警示案例) in the library: a published case of a violation, summarised for study, tagged by the rules
/// it broke. Campaigns and sessions study cases; a make-up reads the campaign's cases. Searchable by its title and
/// summary (PostgreSQL trigrams work on Chinese text).
/// </summary>
public sealed class WarningCase
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 4000;
    public const int SourceMaxLength = 200;
    public const int MaxViolationTypes = 5;

    private WarningCase() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public ViolationType[] ViolationTypes { get; private set; } = [];
    /// <summary>Who published it: a discipline commission's notice, a newspaper, the organ's own findings.</summary>
    public string Source { get; private set; } = "";
    /// <summary>The day the case was published (通报日期).</summary>
    public DateOnly PublishedOn { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    public static WarningCase Record(
        string title, string summary, IReadOnlyCollection<ViolationType> violationTypes, string source, DateOnly publishedOn, string actor,
        DateTimeOffset now)
    {
        var warningCase = new WarningCase { Id = Guid.CreateVersion7(now), RecordedBy = actor, RecordedAt = now };
        warningCase.Revise(title, summary, violationTypes, source, publishedOn, now);
        return warningCase;
    }

    /// <summary>Corrects the case; campaigns that study it read it as it now stands.</summary>
    public void Revise(
        string title, string summary, IReadOnlyCollection<ViolationType> violationTypes, string source, DateOnly publishedOn, DateTimeOffset now)
    {
        if (publishedOn > ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.CasePublishedInFuture_Title)), Text(nameof(DisciplineTexts.CasePublishedInFuture_Detail)));
        }
        Title = title.Trim();
        Summary = summary.Trim();
        ViolationTypes = [.. violationTypes.Distinct().Order()];
        Source = source.Trim();
        PublishedOn = publishedOn;
        LastChangedAt = now;
        Version++;
    }
}
