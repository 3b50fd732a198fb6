using BrandPlatform.Reporting.Domain;
using FluentValidation;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>What a brand says of itself, registered or edited.</summary>
public interface IBrandDescription
{
    string? Name { get; }
    string? Field { get; }
    string? Meaning { get; }
    string? Slogan { get; }
}

public sealed record RegisterBrandRequest(Guid? BranchId, string? Name, string? Field, string? Meaning, string? Slogan) : IBrandDescription;

public sealed record EditBrandRequest(string? Name, string? Field, string? Meaning, string? Slogan) : IBrandDescription;

/// <param name="Deadline">A China date.</param>
public sealed record MeasureRequest(string? Title, Guid? OwnerUnitId, Guid? OwnerPersonId, DateOnly? Deadline, string? ExpectedResult);

/// <param name="BranchId">The branch whose plan it is; none for the organ's own plan (the office's).</param>
public sealed record PlanItemRequest(int? Year, int? Month, Guid? BranchId, string? Title, Guid? BrandId, Guid? MeasureId);

public sealed record HighlightRequest(string? Title, string? Summary);

/// <summary>Years a person can mean (as the other services bound them).</summary>
internal static class PlanYears
{
    public const int Earliest = 2000;
    public const int Latest = 2099;
}

public sealed class RegisterBrandValidator : AbstractValidator<RegisterBrandRequest>
{
    public RegisterBrandValidator()
    {
        RuleFor(r => r.BranchId).NotNull().NotEqual(Guid.Empty);
        Include(new BrandDescriptionValidator<RegisterBrandRequest>());
    }
}

public sealed class EditBrandValidator : AbstractValidator<EditBrandRequest>
{
    public EditBrandValidator() => Include(new BrandDescriptionValidator<EditBrandRequest>());
}

public sealed class BrandDescriptionValidator<T> : AbstractValidator<T> where T : IBrandDescription
{
    public BrandDescriptionValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Brand.NameMaxLength);
        RuleFor(r => r.Field).NotEmpty().MaximumLength(Brand.FieldMaxLength);
        RuleFor(r => r.Meaning).NotEmpty().MaximumLength(Brand.MeaningMaxLength);
        RuleFor(r => r.Slogan).NotEmpty().MaximumLength(Brand.SloganMaxLength);
    }
}

public sealed class MeasureValidator : AbstractValidator<MeasureRequest>
{
    public MeasureValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(BrandMeasure.TitleMaxLength);
        RuleFor(r => r.OwnerUnitId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.OwnerPersonId).NotEqual(Guid.Empty);
        RuleFor(r => r.Deadline).NotNull()
            .InclusiveBetween(new DateOnly(PlanYears.Earliest, 1, 1), new DateOnly(PlanYears.Latest, 12, 31));
        RuleFor(r => r.ExpectedResult).NotEmpty().MaximumLength(BrandMeasure.ExpectedResultMaxLength);
    }
}

public sealed class PlanItemValidator : AbstractValidator<PlanItemRequest>
{
    public PlanItemValidator()
    {
        RuleFor(r => r.Year).NotNull().InclusiveBetween(PlanYears.Earliest, PlanYears.Latest);
        RuleFor(r => r.Month).NotNull().InclusiveBetween(1, 12);
        RuleFor(r => r.BranchId).NotEqual(Guid.Empty);
        RuleFor(r => r.Title).NotEmpty().MaximumLength(PartyWorkPlanItem.TitleMaxLength);
        RuleFor(r => r.BrandId).NotNull().NotEqual(Guid.Empty);
        RuleFor(r => r.MeasureId).NotEqual(Guid.Empty);
    }
}

public sealed class HighlightValidator : AbstractValidator<HighlightRequest>
{
    public HighlightValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(BrandHighlight.TitleMaxLength);
        RuleFor(r => r.Summary).NotEmpty().MaximumLength(BrandHighlight.SummaryMaxLength);
    }
}
