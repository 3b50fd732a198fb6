using System.Globalization;
using System.Text;
using BrandPlatform.Contracts.Study;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Study.Resources;
using static BrandPlatform.Study.Resources.Texts;

namespace BrandPlatform.Study.Domain;

public enum MaterialKind
{
    /// <summary>讲话: a speech (最新重要讲话, 来闽来明考察重要讲话, ...).</summary>
    Speech,
    /// <summary>文件: a document.</summary>
    Document,
}

/// <summary>
/// An entry of the materials library (学习资料库): a speech or document with its source, link and tags. When the office
/// designates it, the leadership team must study it as 第一议题 within a few days and every branch within a month; the
/// material keeps when it was designated and both deadlines, so the follow-up is the same whenever it is asked, and
/// announces the designation (reporting follows it up too).
/// </summary>
public sealed class StudyMaterial : Aggregate
{
    public const int TitleMaxLength = MaterialReference.TitleMaxLength;
    public const int LinkMaxLength = MaterialReference.LinkMaxLength;
    public const int SourceMaxLength = 100;
    public const int SummaryMaxLength = 2000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 20;

    private StudyMaterial() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public MaterialKind Kind { get; private set; }
    /// <summary>Who gave the speech or issued the document.</summary>
    public string Source { get; private set; } = "";
    public string? Link { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    /// <summary>Free-form, normalised (<see cref="NormaliseTags"/>), so a filter by tag finds what was typed either way.</summary>
    public string[] Tags { get; private set; } = [];
    public string Summary { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    /// <summary>Grows with every change; the ETag callers send back in If-Match.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? DesignatedAt { get; private set; }
    public string? DesignatedBy { get; private set; }
    /// <summary>The last China date the leadership team may study it as 第一议题 on time.</summary>
    public DateOnly? FirstAgendaItemDue { get; private set; }
    /// <summary>The last China date each branch may study it on time.</summary>
    public DateOnly? BranchFollowUpDue { get; private set; }

    public bool IsDesignated => DesignatedAt is not null;

    public static StudyMaterial Add(
        string title, MaterialKind kind, string source, string? link, DateOnly publishedOn, IEnumerable<string> tags, string summary,
        string actor, DateTimeOffset now)
    {
        var material = new StudyMaterial { Id = Guid.CreateVersion7(now), CreatedBy = actor, CreatedAt = now };
        material.Edit(title, kind, source, link, publishedOn, tags, summary, now);
        return material;
    }

    public void Edit(string title, MaterialKind kind, string source, string? link, DateOnly publishedOn, IEnumerable<string> tags, string summary, DateTimeOffset now)
    {
        Title = title.Trim();
        Kind = kind;
        Source = source.Trim();
        Link = string.IsNullOrWhiteSpace(link) ? null : link.Trim();
        PublishedOn = publishedOn;
        Tags = NormaliseTags(tags);
        Summary = summary.Trim();
        LastChangedAt = now;
        Version++;
    }

    /// <summary>
    /// The office designates the material for study: from today's China date the leadership team has
    /// <paramref name="firstAgendaItemDays"/> calendar days, each branch <paramref name="branchDays"/>. Once only (409).
    /// </summary>
    public void Designate(int firstAgendaItemDays, int branchDays, string actor, DateTimeOffset now)
    {
        if (DesignatedAt is { } designated)
        {
            throw new RuleViolation(Text(nameof(StudyTexts.MaterialAlreadyDesignated_Title)),
                Text(nameof(StudyTexts.MaterialAlreadyDesignated_Detail), ChinaCalendar.DateOf(designated).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var today = ChinaCalendar.DateOf(now);
        DesignatedAt = now;
        DesignatedBy = actor;
        FirstAgendaItemDue = today.AddDays(firstAgendaItemDays);
        BranchFollowUpDue = today.AddDays(branchDays);
        LastChangedAt = now;
        Version++;
        Raise(new StudyMaterialDesignated
        {
            OccurredAt = now, AggregateId = Id, MaterialId = Id, Title = Title, DesignatedAt = now,
            FirstAgendaItemDue = FirstAgendaItemDue.Value, BranchFollowUpDue = BranchFollowUpDue.Value,
        });
    }

    /// <summary>
    /// Tags as one spelling: full-width letters and digits folded (NFKC), a leading '#' and surrounding spaces dropped,
    /// Latin letters in lower case, duplicates and empties removed, the order as typed.
    /// </summary>
    public static string[] NormaliseTags(IEnumerable<string> tags) =>
    [
        .. tags.Select(NormaliseTag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal),
    ];

    public static string NormaliseTag(string tag) =>
        string.Join(' ', tag.Normalize(NormalizationForm.FormKC).Trim().TrimStart('#').Trim()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
