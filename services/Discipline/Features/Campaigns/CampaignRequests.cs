using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using FluentValidation;

namespace BrandPlatform.Discipline.Features.Campaigns;

public sealed record QuizRequest(int? QuestionCount, int? TimeLimitMinutes, int? PassMark)
{
    public QuizSettings ToSettings() => new(QuestionCount!.Value, TimeLimitMinutes!.Value, PassMark!.Value);
}

public sealed record LaunchRequest(
    int? Year, int? Quarter, string? Theme, IReadOnlyList<Guid>? CaseIds, int? RequiredSessionsPerBranch, QuizRequest? Quiz);

/// <summary>Years a person can mean: a typed 20260 or 0001 would overflow the Beijing-time arithmetic of a quarter.</summary>
internal static class CampaignYears
{
    public const int Earliest = 2000;
    public const int Latest = 2099;
}

public sealed class LaunchValidator : AbstractValidator<LaunchRequest>
{
    public const int MinTimeLimitMinutes = 5;

    public LaunchValidator()
    {
        RuleFor(r => r.Year).NotNull().InclusiveBetween(CampaignYears.Earliest, CampaignYears.Latest);
        RuleFor(r => r.Quarter).NotNull().InclusiveBetween(1, 4);
        RuleFor(r => r.Theme).NotEmpty().MaximumLength(WarningCampaign.ThemeMaxLength);
        RuleFor(r => r.CaseIds).NotEmpty().Must(ids => ids!.Count <= WarningCampaign.MaxCases)
            .Must(ids => ids!.Distinct().Count() == ids!.Count).WithMessage(_ => CampaignTexts.CaseIdsDistinct);
        RuleForEach(r => r.CaseIds).NotEmpty();
        RuleFor(r => r.RequiredSessionsPerBranch).NotNull().InclusiveBetween(1, WarningCampaign.MaxRequiredSessions);
        RuleFor(r => r.Quiz).NotNull().SetValidator(new QuizValidator()!);
    }

    private sealed class QuizValidator : AbstractValidator<QuizRequest>
    {
        public QuizValidator()
        {
            RuleFor(q => q.QuestionCount).NotNull().InclusiveBetween(1, QuizSettings.MaxQuestions);
            RuleFor(q => q.TimeLimitMinutes).NotNull().InclusiveBetween(MinTimeLimitMinutes, QuizSettings.MaxTimeLimitMinutes);
            RuleFor(q => q.PassMark).NotNull().InclusiveBetween(1, 100);
        }
    }
}
