using BrandPlatform.Community.Resources;
using BrandPlatform.Contracts.Community;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Community.Resources.Texts;

namespace BrandPlatform.Community.Domain;

public enum PublicityKind
{
    /// <summary>活动动态: news of something that happened.</summary>
    News,
    /// <summary>工作亮点.</summary>
    Highlight,
    /// <summary>好经验好做法: may be selected as one of the year's highlights for the brand registry.</summary>
    GoodPractice,
}

public enum PublicityState
{
    Draft,
    InReview,
    Returned,
    Published,
    Withdrawn,
}

/// <summary>What a publicity item tells of: the record it was drafted from.</summary>
public enum PublicitySource
{
    StudyActivity,
    CommunityService,
    Ticket,
    PracticalMatter,
}

/// <summary>A reviewer's comment on an item, kept with it.</summary>
public sealed record ReviewComment(string Author, string Text, DateTimeOffset At);

/// <summary>
/// A publicity item (宣传稿件): a branch drafts it, often from a record of what happened, and puts it to the office; the
/// office comments, returns it or approves it, and approval publishes it to 同心网, the WeChat account's editor and
/// the bulletin board at once. Only drafts and returned items change; a published item can be withdrawn.
/// </summary>
public sealed class PublicityItem : Aggregate
{
    public const int TitleMaxLength = 100;
    public const int SummaryMaxLength = 300;
    public const int BodyMaxLength = 20_000;
    public const int CommentMaxLength = 1000;

    private PublicityItem() { }

    public Guid Id { get; private set; }
    public PublicityKind Kind { get; private set; }
    public Guid BranchId { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    public PublicitySource? SourceKind { get; private set; }
    public Guid? SourceId { get; private set; }
    public DateTimeOffset? SourceOccurredAt { get; private set; }
    public PublicityState State { get; private set; }
    public string DraftedByName { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public int? HighlightedYear { get; private set; }
    public List<ReviewComment> Comments { get; private set; } = [];
    public int Version { get; private set; }

    public static PublicityItem Draft(
        PublicityKind kind, Guid branchId, string title, string summary, string body, (PublicitySource Kind, Guid Id, DateTimeOffset OccurredAt)? source,
        string draftedByName, DateTimeOffset now)
    {
        var item = new PublicityItem
        {
            Id = Guid.CreateVersion7(now), Kind = kind, BranchId = branchId, SourceKind = source?.Kind, SourceId = source?.Id,
            SourceOccurredAt = source?.OccurredAt, State = PublicityState.Draft, DraftedByName = draftedByName, DraftedAt = now,
        };
        item.Apply(title, summary, body);
        item.Raise(item.Stated(new PublicityItemDrafted { OccurredAt = now }));
        return item;
    }

    public void Revise(string title, string summary, string body)
    {
        Require(nameof(CommunityTexts.StepRevise), PublicityState.Draft, PublicityState.Returned);
        Apply(title, summary, body);
    }

    public void Submit(DateTimeOffset now)
    {
        Require(nameof(CommunityTexts.StepSubmit), PublicityState.Draft, PublicityState.Returned);
        Move(PublicityState.InReview, new PublicityItemSubmitted { OccurredAt = now });
        SubmittedAt = now;
    }

    public void Comment(string author, string text, DateTimeOffset now)
    {
        Require(nameof(CommunityTexts.StepComment), PublicityState.InReview);
        Comments = [.. Comments, new ReviewComment(author, text.Trim(), now)];
        Version++;
    }

    public void Return(string reviewer, string reason, DateTimeOffset now)
    {
        Require(nameof(CommunityTexts.StepReturn), PublicityState.InReview);
        Comments = [.. Comments, new ReviewComment(reviewer, reason.Trim(), now)];
        Move(PublicityState.Returned, new PublicityItemReturned { OccurredAt = now });
    }

    public void Approve(string reviewer, DateTimeOffset now)
    {
        Require(nameof(CommunityTexts.StepApprove), PublicityState.InReview);
        PublishedAt = now;
        PublishedBy = reviewer;
        Move(PublicityState.Published, new PublicityItemPublished { OccurredAt = now, PublishedAt = now, Summary = Summary });
    }

    public void Withdraw(string reviewer, string reason, DateTimeOffset now)
    {
        Require(nameof(CommunityTexts.StepWithdraw), PublicityState.Published);
        Comments = [.. Comments, new ReviewComment(reviewer, reason.Trim(), now)];
        Move(PublicityState.Withdrawn, new PublicityItemWithdrawn { OccurredAt = now });
    }

    /// <summary>好经验好做法 selected as one of the year's highlights: a published good practice, once.</summary>
    public void Highlight(DateTimeOffset now)
    {
        if (Kind != PublicityKind.GoodPractice)
        {
            throw RuleViolation.Unprocessable(Text(nameof(CommunityTexts.NotGoodPractice_Title)), Text(nameof(CommunityTexts.NotGoodPractice_Detail)));
        }
        Require(nameof(CommunityTexts.StepHighlight), PublicityState.Published);
        if (HighlightedYear is { } already)
        {
            throw new RuleViolation(Text(nameof(CommunityTexts.AlreadyHighlighted_Title)), Text(nameof(CommunityTexts.AlreadyHighlighted_Detail), already));
        }
        // The year it was published in is the year it is a highlight of.
        HighlightedYear = ChinaCalendar.DateOf(PublishedAt!.Value).Year;
        Version++;
        Raise(Stated(new GoodPracticeHighlighted { OccurredAt = now, Year = HighlightedYear.Value, Summary = Summary }));
    }

    private void Apply(string title, string summary, string body)
    {
        Title = title.Trim();
        Summary = summary.Trim();
        Body = body.Trim();
        Version++;
    }

    private void Move(PublicityState to, PublicityItemEvent announced)
    {
        State = to;
        Version++;
        Raise(Stated(announced));
    }

    private void Require(string step, params PublicityState[] allowed)
    {
        if (!allowed.Contains(State))
        {
            throw new RuleViolation(Text(nameof(CommunityTexts.ItemState_Title)), Text(nameof(CommunityTexts.ItemState_Detail), Text(step), State));
        }
    }

    private T Stated<T>(T itemEvent) where T : PublicityItemEvent => itemEvent with
    {
        ItemId = Id, Kind = Kind.ToCode(), BranchId = BranchId, Title = Title, SourceKind = SourceKind?.ToCode(), SourceId = SourceId,
        SourceOccurredAt = SourceOccurredAt, State = State.ToCode(),
    };
}
