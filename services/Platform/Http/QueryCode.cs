using System.Diagnostics.CodeAnalysis;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Platform.Http;

/// <summary>
/// A query parameter naming an enum value by its code as JSON writes it (<c>?series=bankEnterpriseMatching</c>), the
/// name in any case also accepted. Minimal APIs bind a bare enum with a case-sensitive parse of its C# name, so the
/// code a client read from an answer would be refused; anything that is no value's code is still a 400.
/// </summary>
public readonly record struct QueryCode<TEnum>(TEnum Value) where TEnum : struct, Enum
{
    public static bool TryParse(string? text, IFormatProvider? provider, [MaybeNullWhen(false)] out QueryCode<TEnum> code)
    {
        if (EnumCodes.TryFromCode<TEnum>(text, out var value)
            || (text is not null && !text.Any(char.IsDigit) && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value)))
        {
            code = new QueryCode<TEnum>(value);
            return true;
        }
        code = default;
        return false;
    }

    public override string ToString() => Value.ToCode();
}
