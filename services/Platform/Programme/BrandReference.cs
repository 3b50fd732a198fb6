using BrandPlatform.Platform.Resources;
using FluentValidation;

namespace BrandPlatform.Platform.Programme;

/// <summary>
/// A record filed under a party-building brand (品牌) and, optionally, one of its measures (举措). The registry lives in
/// reporting; the owning service keeps the ids as given, and the brand's page lists what points at it.
/// </summary>
public interface IBrandReference
{
    Guid? BrandId { get; }
    /// <summary>One of that brand's measures; only with <see cref="BrandId"/>.</summary>
    Guid? BrandMeasureId { get; }
}

/// <summary>The one rule of a brand reference, for every request that carries one (<c>Include(new BrandReferenceValidator())</c>).</summary>
public sealed class BrandReferenceValidator : AbstractValidator<IBrandReference>
{
    public BrandReferenceValidator()
    {
        RuleFor(r => r.BrandId).NotEqual(Guid.Empty);
        RuleFor(r => r.BrandMeasureId).NotEqual(Guid.Empty)
            .Must((r, _) => r.BrandId is not null).When(r => r.BrandMeasureId is not null).WithMessage(_ => PlatformTexts.BrandMeasureWithoutBrand);
    }
}
