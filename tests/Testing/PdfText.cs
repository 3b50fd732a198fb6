using System.Text;
using System.Text.RegularExpressions;

namespace BrandPlatform.Testing;

/// <summary>
/// A PDF's text as a search compares it: no whitespace (a line break may fall anywhere in Chinese), and compatibility
/// normalised, since a CJK font may draw an ideograph (页, 门) with its Kangxi or supplement radical's glyph, which text
/// extraction then reads back as that radical, as a PDF viewer's search reads it as the ideograph.
/// </summary>
public static partial class PdfText
{
    public static string Plain(string text) =>
        Whitespace().Replace(text, "").Normalize(NormalizationForm.FormKC).Replace('\u2EDA', '页').Replace('\u2ED4', '门');

    [GeneratedRegex(@"\s")]
    private static partial Regex Whitespace();
}
