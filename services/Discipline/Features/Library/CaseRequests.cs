using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using FluentValidation;

namespace BrandPlatform.Discipline.Features.Library;

/// <summary>A case as the office records or corrects it.</summary>
public sealed record CaseRequest(string? Title, string? Summary, IReadOnlyList<ViolationType>? ViolationTypes, string? Source, DateOnly? PublishedOn);

public sealed record CaseResponse(
    Guid Id, string Title, string Summary, IReadOnlyList<ViolationType> ViolationTypes, IReadOnlyList<ViolationFamily> Families, string Source,
    DateOnly PublishedOn, DateTimeOffset RecordedAt, DateTimeOffset LastChangedAt, int Version)
{
    public static CaseResponse From(WarningCase c) => new(
        c.Id, c.Title, c.Summary, c.ViolationTypes, [.. c.ViolationTypes.Select(t => t.Family()).Distinct()], c.Source, c.PublishedOn, c.RecordedAt,
        c.LastChangedAt, c.Version);

    public static string ETagOf(WarningCase c) => $"\"{c.Version}\"";
}

public sealed class CaseValidator : AbstractValidator<CaseRequest>
{
    public CaseValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(WarningCase.TitleMaxLength);
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(WarningCase.SummaryMaxLength);
        RuleFor(r => r.Source).NotEmpty().MaximumLength(WarningCase.SourceMaxLength);
        RuleFor(r => r.PublishedOn).NotNull();
        RuleFor(r => r.ViolationTypes).NotNull().Must(types => types!.Count is > 0 and <= WarningCase.MaxViolationTypes)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, LibraryTexts.ViolationTypesCount, WarningCase.MaxViolationTypes));
        RuleForEach(r => r.ViolationTypes).IsInEnum();
    }
}
