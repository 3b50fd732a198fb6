using BrandPlatform.Contracts.Discipline;
using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

public enum CampaignState
{
    Launched,
    Closed,
}

/// <summary>
/// The quarter's warning-education campaign (一季一警示), one per quarter for the whole organ: a theme, the cases studied,
/// how many sessions every branch holds, and the quiz whose paper is drawn from the bank at launch and kept. Launched by
/// the office; closed when the quarter's work is done (nothing counts for it after that).
/// </summary>
public sealed class WarningCampaign : Aggregate
{
    public const int ThemeMaxLength = 200;
    public const int MaxCases = 20;
    public const int MaxRequiredSessions = 3;

    private WarningCampaign() { }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public string Theme { get; private set; } = "";
    public Guid[] CaseIds { get; private set; } = [];
    public int RequiredSessionsPerBranch { get; private set; }
    public QuizSettings Quiz { get; private set; } = null!;
    /// <summary>The questions drawn at launch, copied with their answers: the paper every member answers.</summary>
    public IReadOnlyList<PaperQuestion> Paper { get; private set; } = [];
    public CampaignState State { get; private set; }
    public string LaunchedBy { get; private set; } = "";
    public DateTimeOffset LaunchedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    public ChinaPeriod Period => Periods.Quarter(Year, Quarter);

    public bool IsOpen => State == CampaignState.Launched;

    /// <summary>
    /// Launches the campaign of a quarter that has not ended (422 otherwise), drawing <see cref="QuizSettings.QuestionCount"/>
    /// questions at random from the questions in use (422 when the bank has fewer).
    /// </summary>
    public static WarningCampaign Launch(
        int year, int quarter, string theme, IReadOnlyCollection<Guid> caseIds, int requiredSessionsPerBranch, QuizSettings quiz,
        IReadOnlyList<QuizQuestion> questionsInUse, string actor, DateTimeOffset now, Random? random = null)
    {
        if (Periods.LastDayOf(year, quarter) < ChinaCalendar.DateOf(now))
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.QuarterOver_Title)),
                Text(nameof(DisciplineTexts.QuarterOver_Detail), year, quarter));
        }
        var drawable = questionsInUse.Where(q => !q.Retired).ToArray();
        if (drawable.Length < quiz.QuestionCount)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.BankTooSmall_Title)),
                Text(nameof(DisciplineTexts.BankTooSmall_Detail), quiz.QuestionCount, drawable.Length));
        }
        (random ?? Random.Shared).Shuffle(drawable);
        var campaign = new WarningCampaign
        {
            Id = Guid.CreateVersion7(now),
            Year = year,
            Quarter = quarter,
            Theme = theme.Trim(),
            CaseIds = [.. caseIds.Distinct()],
            RequiredSessionsPerBranch = requiredSessionsPerBranch,
            Quiz = quiz,
            Paper = [.. drawable.Take(quiz.QuestionCount).Select(q => q.ToPaper())],
            State = CampaignState.Launched,
            LaunchedBy = actor,
            LaunchedAt = now,
        };
        campaign.Touch(now);
        campaign.Raise(campaign.Stamp(new WarningCampaignLaunched
        {
            OccurredAt = now,
            QuizQuestionCount = quiz.QuestionCount,
            PassMark = quiz.PassMark,
            TimeLimitMinutes = quiz.TimeLimitMinutes,
        }));
        return campaign;
    }

    /// <summary>409 for a second campaign in a quarter (一季一警示): asked before launching, and when the unique index catches a race.</summary>
    public static RuleViolation QuarterTaken(int year, int quarter) =>
        new(Text(nameof(DisciplineTexts.QuarterTaken_Title)), Text(nameof(DisciplineTexts.QuarterTaken_Detail), year, quarter));

    public void Close(DateTimeOffset now)
    {
        RequireOpen(nameof(DisciplineTexts.StepClose));
        State = CampaignState.Closed;
        ClosedAt = now;
        Touch(now);
        Raise(Stamp(new WarningCampaignClosed { OccurredAt = now }));
    }

    /// <summary>409 naming the step when the campaign is closed: sessions, quizzes and make-ups count only while it is open.</summary>
    public void RequireOpen(string step)
    {
        if (!IsOpen)
        {
            throw ClosedFor(step);
        }
    }

    public static RuleViolation ClosedFor(string step) =>
        new(Text(nameof(DisciplineTexts.CampaignClosed_Title)), Text(nameof(DisciplineTexts.CampaignClosed_Detail), Text(step)));

    /// <summary>The score of an answer sheet, out of 100: each question on the paper weighs the same; unanswered is wrong.</summary>
    public int Score(IReadOnlyList<QuizAnswer> answers)
    {
        var byQuestion = answers.ToDictionary(a => a.QuestionId, a => a.Selected);
        var right = Paper.Count(q => byQuestion.TryGetValue(q.QuestionId, out var selected) && q.IsAnsweredBy([.. selected]));
        return Paper.Count == 0 ? 0 : (int)Math.Round(100m * right / Paper.Count, MidpointRounding.AwayFromZero);
    }

    private void Touch(DateTimeOffset now)
    {
        LastChangedAt = now;
        Version++;
    }

    private T Stamp<T>(T integrationEvent) where T : WarningCampaignEvent => integrationEvent with
    {
        CampaignId = Id,
        Year = Year,
        Quarter = Quarter,
        Theme = Theme,
        CaseIds = CaseIds,
        RequiredSessionsPerBranch = RequiredSessionsPerBranch,
        State = State.ToCode(),
    };
}
