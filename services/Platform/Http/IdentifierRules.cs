using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Resources;
using FluentValidation;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// The identifiers several services take from people and enterprises (credit codes, phone numbers), checked the same
/// way everywhere, with the reason in the portal's words.
/// </summary>
public static class IdentifierRules
{
    /// <summary>A unified social credit code (18 characters, division code, check character).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> CreditCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((code, context) =>
        {
            var problem = UnifiedSocialCreditCode.Check(UnifiedSocialCreditCode.Normalize(code!));
            if (problem != CreditCodeProblem.None)
            {
                context.AddFailure(For(problem));
            }
        });

    /// <summary>A mainland mobile number or a landline with its area code, no longer than the column.</summary>
    public static IRuleBuilderOptions<T, string?> PhoneNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(PhoneNumbers.MaxLength).Must(phone => PhoneNumbers.IsValid(phone!)).WithMessage(_ => PlatformTexts.PhoneFormat);

    public static string For(CreditCodeProblem problem) => problem switch
    {
        CreditCodeProblem.WrongLength => PlatformTexts.CreditCodeWrongLength,
        CreditCodeProblem.InvalidCharacter => PlatformTexts.CreditCodeInvalidCharacter,
        CreditCodeProblem.InvalidDivisionCode => PlatformTexts.CreditCodeInvalidDivisionCode,
        CreditCodeProblem.WrongCheckCharacter => PlatformTexts.CreditCodeWrongCheckCharacter,
        _ => PlatformTexts.CreditCodeInvalid,
    };
}
