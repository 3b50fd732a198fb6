using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using FluentValidation;

namespace BrandPlatform.Discipline.Features.QuestionBank;

/// <summary>A question as the office writes or revises it; the answer key is option indexes counted from 0.</summary>
public sealed record QuestionRequest(
    QuestionKind? Kind, string? Stem, IReadOnlyList<string>? Options, IReadOnlyList<int>? CorrectOptions, string? Explanation,
    IReadOnlyList<ViolationType>? ViolationTypes = null);

/// <summary>The bank's question with its answer: only the office reads the bank.</summary>
public sealed record QuestionResponse(
    Guid Id, QuestionKind Kind, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int> CorrectOptions, string? Explanation,
    IReadOnlyList<ViolationType> ViolationTypes, bool Retired, DateTimeOffset CreatedAt, DateTimeOffset LastChangedAt, int Version)
{
    public static QuestionResponse From(QuizQuestion q) => new(
        q.Id, q.Kind, q.Stem, q.Options, q.CorrectOptions, q.Explanation, q.ViolationTypes, q.Retired, q.CreatedAt, q.LastChangedAt, q.Version);

    public static string ETagOf(QuizQuestion q) => $"\"{q.Version}\"";
}

public sealed class QuestionValidator : AbstractValidator<QuestionRequest>
{
    public QuestionValidator()
    {
        RuleFor(r => r.Kind).NotNull().IsInEnum();
        RuleFor(r => r.Stem).NotEmpty().MaximumLength(QuizQuestion.StemMaxLength);
        RuleFor(r => r.Options).NotNull()
            .Must(options => options!.Count is >= QuizQuestion.MinOptions and <= QuizQuestion.MaxOptions)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, QuestionBankTexts.OptionsCount, QuizQuestion.MinOptions, QuizQuestion.MaxOptions))
            .Must(options => options!.Where(o => o is not null).Select(o => o.Trim()).Distinct().Count() == options!.Count(o => o is not null))
            .WithMessage(_ => QuestionBankTexts.OptionsRepeat);
        RuleForEach(r => r.Options).NotEmpty().WithMessage(_ => QuestionBankTexts.OptionRequired).MaximumLength(QuizQuestion.OptionMaxLength);
        RuleFor(r => r.CorrectOptions).NotNull().Must(correct => correct!.Count is > 0 and <= QuizQuestion.MaxOptions)
            .WithMessage(_ => QuestionBankTexts.CorrectOptionsRequired);
        RuleFor(r => r.Explanation).MaximumLength(QuizQuestion.ExplanationMaxLength);
        RuleFor(r => r.ViolationTypes).Must(types => types is null || types.Count <= WarningCase.MaxViolationTypes)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LibraryTexts.ViolationTypesCount, WarningCase.MaxViolationTypes));
        RuleForEach(r => r.ViolationTypes).IsInEnum();
    }
}
