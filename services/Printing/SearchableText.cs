using System.Text;
using SkiaSharp;

namespace BrandPlatform.Printing;

/// <summary>
/// Text drawn so that a PDF reader copies and finds what was written. Noto CJK shares one glyph between an ideograph
/// and its radical or variant (民 and ⺠, 户 and 戶), and Skia's ToUnicode map names only one of them; given the text
/// with the glyphs, Skia marks each such glyph with the character it stands for (/ActualText).
/// </summary>
internal static class SearchableText
{
    public static void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKFont font, SKPaint paint)
    {
        if (text.Length == 0)
        {
            return;
        }
        var characters = text.EnumerateRunes().ToList();
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateRawTextRun(font, characters.Count, 0, 0, utf8.Length);
        var offset = 0u;
        for (var i = 0; i < characters.Count; i++)
        {
            run.Glyphs[i] = font.GetGlyph(characters[i].Value);
            run.Clusters[i] = offset;
            offset += (uint)characters[i].Utf8SequenceLength;
        }
        utf8.CopyTo(run.Text);
        using var blob = builder.Build();
        var width = align == SKTextAlign.Left ? 0f : font.MeasureText(text);
        canvas.DrawText(blob, align switch { SKTextAlign.Center => x - width / 2, SKTextAlign.Right => x - width, _ => x }, baseline, paint);
    }
}
