using BrandPlatform.Discipline.Domain;
using BrandPlatform.Platform.Http;
using FluentValidation;

namespace BrandPlatform.Discipline.Features.Quizzes;

/// <summary>One question's answer: the zero-based indexes of the options selected (none: unanswered, counted wrong).</summary>
public sealed record AnswerRequest(Guid? QuestionId, IReadOnlyList<int>? Selected)
{
    public QuizAnswer ToAnswer() => new(QuestionId!.Value, Selected!);
}

public sealed record SubmitRequest(IReadOnlyList<AnswerRequest>? Answers);

public sealed record ReopenRequest(string? Reason);

/// <summary>The sheet's form; whether it fits the paper (questions on it, options that exist) is <see cref="AnswerSheet"/>'s.</summary>
public sealed class SubmitValidator : AbstractValidator<SubmitRequest>
{
    public SubmitValidator()
    {
        RuleFor(r => r.Answers).NotNull().Must(a => a!.Count <= QuizSettings.MaxQuestions);
        RuleForEach(r => r.Answers).EachValid(new AnswerValidator());
    }

    private sealed class AnswerValidator : AbstractValidator<AnswerRequest>
    {
        public AnswerValidator()
        {
            RuleFor(a => a.QuestionId).NotEmpty();
            RuleFor(a => a.Selected).NotNull().Must(s => s!.Count <= QuizQuestion.MaxOptions);
        }
    }
}

public sealed class ReopenValidator : AbstractValidator<ReopenRequest>
{
    public ReopenValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(QuizAttempt.ReasonMaxLength);
}
