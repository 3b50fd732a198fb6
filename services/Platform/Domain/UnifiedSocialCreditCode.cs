namespace BrandPlatform.Platform.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (digits and upper-case letters without
/// I, O, Z, S, V). Position 1 is the registering authority, 2 the organisation type, 3-8 the administrative division
/// (digits), 9-17 the organisation code and 18 a check character computed over the first 17 with weights 3^i mod 31.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) => Check(code) == CreditCodeProblem.None;

    /// <summary>Says what is wrong with a code, so a form can tell the user which part to correct.</summary>
    public static CreditCodeProblem Check(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return CreditCodeProblem.Missing;
        }
        if (code.Length != Length)
        {
            return CreditCodeProblem.WrongLength;
        }
        if (code.Any(c => Alphabet.IndexOf(c) < 0))
        {
            return CreditCodeProblem.InvalidCharacter;
        }
        if (!code.AsSpan(2, 6).ContainsOnlyDigits())
        {
            return CreditCodeProblem.InvalidDivisionCode;
        }
        return code[17] == CheckCharacter(code.AsSpan(0, 17)) ? CreditCodeProblem.None : CreditCodeProblem.WrongCheckCharacter;
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("A credit code body has 17 characters.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not allowed in a credit code.", nameof(first17));
            }
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>Normalises what people type: surrounding blanks dropped, letters upper-cased.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

public enum CreditCodeProblem
{
    None,
    Missing,
    WrongLength,
    InvalidCharacter,
    InvalidDivisionCode,
    WrongCheckCharacter,
}
