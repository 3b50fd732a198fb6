namespace BrandPlatform.Platform.Domain;

/// <summary>Mainland mobile numbers (11 digits from 1) and landlines with an area code (0xx-xxxxxxx, extension allowed).</summary>
public static class PhoneNumbers
{
    public const int MaxLength = 20;

    public static string Normalize(string phone) => phone.Trim().Replace(" ", "", StringComparison.Ordinal);

    public static bool IsValid(string phone) =>
        System.Text.RegularExpressions.Regex.IsMatch(Normalize(phone), @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$");

    /// <summary>138****5678; landlines keep the area code and the last four digits.</summary>
    public static string Mask(string phone)
    {
        var digits = phone.Length;
        if (digits <= 7)
        {
            return new string('*', digits);
        }
        var keepStart = phone.StartsWith('0') ? Math.Max(phone.IndexOf('-') + 1, 3) : 3;
        var keepEnd = 4;
        return phone[..keepStart] + new string('*', Math.Max(digits - keepStart - keepEnd, 1)) + phone[^keepEnd..];
    }
}
