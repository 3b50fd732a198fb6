using System.Text;
using System.Text.RegularExpressions;

namespace BrandPlatform.Testing;

/// <summary>How tests compare the text read back from a PDF Skia drew with Noto Sans CJK.</summary>
public static class PdfText
{
    /// <summary>
    /// Text without white space, in compatibility form (full-width colons and brackets, radicals read as ideographs).
    /// Noto draws some ideographs with the glyph of a simplified radical, which the PDF's text then names; the CJK
    /// Radicals Supplement has no compatibility mapping, so those met so far are mapped by hand: ⻚ (U+2EDA) is 页,
    /// ⻔ (U+2ED4) is 门.
    /// </summary>
    public static string Plain(string text) =>
        Regex.Replace(text, @"\s", "").Normalize(NormalizationForm.FormKC).Replace('\u2EDA', '页').Replace('\u2ED4', '门');
}
