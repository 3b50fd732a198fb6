namespace BrandPlatform.Reporting.Features;

/// <summary>Texts another service's events bring into reporting's own records.</summary>
internal static class EventTexts
{
    /// <summary>
    /// Reporting's columns are bounded by its own rules; a longer text from another service is cut rather than failing
    /// the delivery for good (a consumer that throws is retried, and the event would never apply).
    /// </summary>
    public static string Clip(string text, int length)
    {
        var trimmed = text.Trim();
        return trimmed.Length > length ? trimmed[..length] : trimmed;
    }
}
