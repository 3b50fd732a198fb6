using BrandPlatform.Discipline.Resources;
using BrandPlatform.Platform.Domain;
using static BrandPlatform.Discipline.Resources.Texts;

namespace BrandPlatform.Discipline.Domain;

public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    TrueFalse,
}

/// <summary>
/// A question of the integrity-knowledge bank (廉政知识题库). Campaigns draw their paper from the questions in use and
/// keep a copy, so revising or retiring a question never changes a paper members are answering. The bank, with its
/// answers, is the office's: members see a question only on their paper, and its answer only after submitting.
/// </summary>
public sealed class QuizQuestion
{
    public const int StemMaxLength = 500;
    public const int OptionMaxLength = 200;
    public const int ExplanationMaxLength = 1000;
    public const int MinOptions = 2;
    public const int MaxOptions = 6;

    private QuizQuestion() { }

    public Guid Id { get; private set; }
    public QuestionKind Kind { get; private set; }
    public string Stem { get; private set; } = "";
    public IReadOnlyList<string> Options { get; private set; } = [];
    /// <summary>Zero-based indexes into <see cref="Options"/>: one for single choice and true/false, two or more for multiple choice.</summary>
    public int[] CorrectOptions { get; private set; } = [];
    public string? Explanation { get; private set; }
    public ViolationType[] ViolationTypes { get; private set; } = [];
    /// <summary>Retired questions stay for the papers that hold them but are not drawn again.</summary>
    public bool Retired { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }
    public int Version { get; private set; }

    public static QuizQuestion Create(
        QuestionKind kind, string stem, IReadOnlyList<string> options, IReadOnlyCollection<int> correctOptions, string? explanation,
        IReadOnlyCollection<ViolationType> violationTypes, string actor, DateTimeOffset now)
    {
        var question = new QuizQuestion { Id = Guid.CreateVersion7(now), CreatedBy = actor, CreatedAt = now };
        question.Revise(kind, stem, options, correctOptions, explanation, violationTypes, now);
        return question;
    }

    /// <summary>
    /// Changes the question. The answer key must fit the kind (422): single choice and true/false have exactly one
    /// correct option (true/false exactly two options), multiple choice at least two correct of at least three.
    /// </summary>
    public void Revise(
        QuestionKind kind, string stem, IReadOnlyList<string> options, IReadOnlyCollection<int> correctOptions, string? explanation,
        IReadOnlyCollection<ViolationType> violationTypes, DateTimeOffset now)
    {
        var correct = correctOptions.Distinct().Order().ToArray();
        var fits = kind switch
        {
            QuestionKind.TrueFalse => options.Count == 2 && correct.Length == 1,
            QuestionKind.SingleChoice => correct.Length == 1,
            _ => options.Count >= 3 && correct.Length >= 2,
        };
        if (!fits || correct.Any(i => i < 0 || i >= options.Count) || correct.Length != correctOptions.Count)
        {
            throw RuleViolation.Unprocessable(Text(nameof(DisciplineTexts.AnswerKeyDoesNotFit_Title)),
                Text(nameof(DisciplineTexts.AnswerKeyDoesNotFit_Detail), kind));
        }
        Kind = kind;
        Stem = stem.Trim();
        Options = [.. options.Select(o => o.Trim())];
        CorrectOptions = correct;
        Explanation = string.IsNullOrWhiteSpace(explanation) ? null : explanation.Trim();
        ViolationTypes = [.. violationTypes.Distinct().Order()];
        LastChangedAt = now;
        Version++;
    }

    public void Retire(DateTimeOffset now) => SetRetired(true, now);

    public void Restore(DateTimeOffset now) => SetRetired(false, now);

    private void SetRetired(bool retired, DateTimeOffset now)
    {
        Retired = retired;
        LastChangedAt = now;
        Version++;
    }

    /// <summary>The question as a paper keeps it.</summary>
    public PaperQuestion ToPaper() => new(Id, Kind, Stem, Options, CorrectOptions, Explanation);
}

/// <summary>A question on a campaign's paper: a copy of the bank's question when the paper was drawn.</summary>
public sealed record PaperQuestion(
    Guid QuestionId, QuestionKind Kind, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int> CorrectOptions, string? Explanation)
{
    /// <summary>Right only when exactly the correct options are selected (multiple choice: all of them and no other).</summary>
    public bool IsAnsweredBy(IReadOnlyCollection<int> selected) => selected.Distinct().Order().SequenceEqual(CorrectOptions.Order());
}

/// <summary>The quiz a campaign sets: how many questions are drawn, minutes allowed once started, and the passing score (of 100).</summary>
public sealed record QuizSettings(int QuestionCount, int TimeLimitMinutes, int PassMark)
{
    public const int MaxQuestions = 50;
    public const int MaxTimeLimitMinutes = 120;
}
