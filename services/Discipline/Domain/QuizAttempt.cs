using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

public enum AttemptState
{
    InProgress,
    Submitted,
    /// <summary>Reopened by the office: it no longer counts, and the member may take the quiz again.</summary>
    Reopened,
}

/// <summary>One question's answer on a sheet: the option indexes the member selected.</summary>
public sealed record QuizAnswer(Guid QuestionId, IReadOnlyList<int> Selected);

/// <summary>
/// A member's attempt at a campaign's quiz: started once (the clock runs from then), submitted once within the time
/// limit and scored against the campaign's paper. One attempt per member and campaign unless the office reopens it.
/// The score and answers are the member's own.
/// </summary>
public sealed class QuizAttempt : Aggregate
{
    /// <summary>A sheet sent in the last seconds may arrive a moment late: what the network takes is not the member's time.</summary>
    public static readonly TimeSpan SubmissionGrace = TimeSpan.FromSeconds(15);
    public const int ReasonMaxLength = 500;

    private QuizAttempt() { }

    public Guid Id { get; private set; }
    public Guid CampaignId { get; private set; }
    public Guid PersonId { get; private set; }
    /// <summary>1 for the first attempt; a reopened quiz gives the next.</summary>
    public int Number { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    /// <summary>When the time limit runs out.</summary>
    public DateTimeOffset Deadline { get; private set; }
    public AttemptState State { get; private set; }
    public IReadOnlyList<QuizAnswer> Answers { get; private set; } = [];
    public int? Score { get; private set; }
    public bool? Passed { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ReopenedAt { get; private set; }
    public string? ReopenedBy { get; private set; }
    public string? ReopenReason { get; private set; }
    public int Version { get; private set; }

    /// <summary>Started and not submitted in time: it counts as not passed until the office reopens it.</summary>
    public bool IsExpired(DateTimeOffset now) => State == AttemptState.InProgress && now > Deadline + SubmissionGrace;

    /// <summary>In progress with time left: a second start answers it again rather than starting another.</summary>
    public bool IsResumable(DateTimeOffset now) => State == AttemptState.InProgress && !IsExpired(now);

    /// <summary>
    /// The number a member's next attempt takes after their latest one (none: 1; reopened: the next). An attempt
    /// submitted or run out of time stands (409): one attempt per member unless the office reopens it.
    /// </summary>
    public static int NumberAfter(QuizAttempt? latest) => latest switch
    {
        null => 1,
        { State: AttemptState.Reopened } => latest.Number + 1,
        _ => throw new RuleViolation(Text(nameof(DisciplineTexts.QuizAlreadyTaken_Title)), Text(nameof(DisciplineTexts.QuizAlreadyTaken_Detail))),
    };

    /// <summary>Starts attempt <paramref name="number"/> of an open campaign's quiz; the time limit runs from now.</summary>
    public static QuizAttempt Start(WarningCampaign campaign, Guid personId, int number, DateTimeOffset now)
    {
        campaign.RequireOpen(nameof(DisciplineTexts.StepStartQuiz));
        return new QuizAttempt
        {
            Id = Guid.CreateVersion7(now),
            CampaignId = campaign.Id,
            PersonId = personId,
            Number = number,
            StartedAt = now,
            Deadline = now.AddMinutes(campaign.Quiz.TimeLimitMinutes),
            State = AttemptState.InProgress,
            Version = 1,
        };
    }

    /// <summary>
    /// Scores the sheet against the campaign's paper. Refused (409) when already submitted or reopened, after the time
    /// limit (saying when it ran out), or when the campaign has closed. The sheet's shape (questions on the paper,
    /// options that exist) is checked by the caller, which can name the fields.
    /// </summary>
    public void Submit(WarningCampaign campaign, IReadOnlyList<QuizAnswer> answers, DateTimeOffset now)
    {
        RequireSubmittable(campaign, now);
        Answers = [.. answers.Select(a => a with { Selected = [.. a.Selected.Distinct().Order()] })];
        Score = campaign.Score(Answers);
        Passed = Score >= campaign.Quiz.PassMark;
        SubmittedAt = now;
        State = AttemptState.Submitted;
        Version++;
        Raise(Stamp(new QuizCompleted { OccurredAt = now, Score = Score.Value, Passed = Passed.Value, SubmittedAt = now }));
    }

    /// <summary>
    /// 409 unless a sheet can still be submitted: in progress, within the time limit (the text says when it ran out), the
    /// campaign open. Checked before the sheet's shape: a late sheet is refused for being late, whatever it holds.
    /// </summary>
    public void RequireSubmittable(WarningCampaign campaign, DateTimeOffset now)
    {
        RequireState(AttemptState.InProgress, nameof(DisciplineTexts.StepSubmitQuiz));
        if (IsExpired(now))
        {
            throw new RuleViolation(Text(nameof(DisciplineTexts.QuizTimeUp_Title)),
                Text(nameof(DisciplineTexts.QuizTimeUp_Detail), campaign.Quiz.TimeLimitMinutes, Deadline.ToChinaTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        }
        campaign.RequireOpen(nameof(DisciplineTexts.StepSubmitQuiz));
    }

    /// <summary>
    /// Lets the member take the quiz again (an attempt failed, ran out of time, or was interrupted). A passed attempt
    /// stands (409): reopening it could only lower the member's result.
    /// </summary>
    public void Reopen(string reason, string actor, DateTimeOffset now)
    {
        if (State == AttemptState.Reopened || Passed == true)
        {
            throw new RuleViolation(Text(nameof(DisciplineTexts.NotReopenable_Title)), Text(nameof(DisciplineTexts.NotReopenable_Detail)));
        }
        State = AttemptState.Reopened;
        ReopenedAt = now;
        ReopenedBy = actor;
        ReopenReason = reason.Trim();
        Version++;
        Raise(Stamp(new QuizReopened { OccurredAt = now, Reason = ReopenReason }));
    }

    private void RequireState(AttemptState required, string step)
    {
        if (State != required)
        {
            throw new RuleViolation(Text(nameof(DisciplineTexts.StepNotAllowed_Title)),
                Text(nameof(DisciplineTexts.StepNotAllowed_Detail), Text(step), State));
        }
    }

    private T Stamp<T>(T integrationEvent) where T : QuizAttemptEvent => integrationEvent with
    {
        AttemptId = Id,
        CampaignId = CampaignId,
        PersonId = PersonId,
        Number = Number,
    };
}
