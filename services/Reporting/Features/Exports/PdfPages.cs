using SkiaSharp;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>
/// A4 pages laid out top to bottom: lines of text, tables whose header repeats on a new page, and ScottPlot charts
/// drawn onto the page's canvas (vectors in the PDF). Everything is laid out before anything is drawn, so every page's
/// footer can say how many pages there are.
/// </summary>
public sealed class PdfPages(SKTypeface typeface)
{
    // A4 in PDF points (1/72 inch), 2 cm margins, as an office files its reports.
    public const float PageWidth = 595.28f, PageHeight = 841.89f, Margin = 56.7f;
    public const float ContentWidth = PageWidth - 2 * Margin;
    private const float Bottom = PageHeight - Margin, RowHeight = 18f, CellPadding = 4f;

    private static readonly SKColor Ink = new(0x20, 0x20, 0x20), Rule = new(0x99, 0x99, 0x99), HeaderFill = new(0xEE, 0xEE, 0xEE);

    private readonly List<List<Action<SKCanvas>>> pages = [[]];
    private float y = Margin;

    private List<Action<SKCanvas>> Page => pages[^1];

    public void Text(string text, float size, bool bold = false, bool centred = false, float after = 6f)
    {
        KeepOnPage(size * 1.4f);
        var baseline = y + size;
        Page.Add(canvas =>
        {
            using var font = Font(size, bold);
            using var paint = new SKPaint { Color = Ink, IsAntialias = true };
            canvas.DrawText(text, centred ? PageWidth / 2 : Margin, baseline, centred ? SKTextAlign.Center : SKTextAlign.Left, font, paint);
        });
        y += size * 1.4f + after;
    }

    /// <param name="widths">Each column's share of the width.</param>
    /// <param name="numeric">Columns whose figures align right.</param>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<float> widths, IReadOnlyList<bool> numeric, IEnumerable<IReadOnlyList<string>> rows)
    {
        var total = widths.Sum();
        var columns = widths.Select(w => w / total * ContentWidth).ToArray();
        KeepOnPage(RowHeight * 2);
        Row(headers, columns, numeric, header: true);
        foreach (var row in rows)
        {
            if (y + RowHeight > Bottom)
            {
                NewPage();
                Row(headers, columns, numeric, header: true);
            }
            Row(row, columns, numeric, header: false);
        }
        y += 10f;
    }

    /// <summary>A chart drawn by <paramref name="draw"/> into a box of the content's width at the current position.</summary>
    public void Chart(float height, Action<SKCanvas, int, int> draw)
    {
        KeepOnPage(height);
        var top = y;
        Page.Add(canvas =>
        {
            // To the count, not one Restore: the chart may leave saves of its own behind.
            var saved = canvas.Save();
            canvas.Translate(Margin, top);
            draw(canvas, (int)ContentWidth, (int)height);
            canvas.RestoreToCount(saved);
        });
        y += height + 12f;
    }

    public void Gap(float points) => y += points;

    /// <summary>Writes the pages as a PDF, each with the footer <paramref name="footer"/> gives for (page, pages).</summary>
    public void WriteTo(Stream stream, SKDocumentPdfMetadata metadata, Func<int, int, string> footer)
    {
        using var document = SKDocument.CreatePdf(stream, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            // The footer first, so that nothing a chart leaves on the canvas (a clip, a transform) can hide it.
            using (var font = Font(8.5f, bold: false))
            using (var paint = new SKPaint { Color = Rule, IsAntialias = true })
            {
                canvas.DrawText(footer(i + 1, pages.Count), PageWidth / 2, PageHeight - Margin / 2, SKTextAlign.Center, font, paint);
            }
            foreach (var draw in pages[i])
            {
                draw(canvas);
            }
            document.EndPage();
        }
        document.Close();
    }

    private void Row(IReadOnlyList<string> cells, float[] columns, IReadOnlyList<bool> numeric, bool header)
    {
        var top = y;
        Page.Add(canvas =>
        {
            using var font = Font(9.5f, header);
            using var ink = new SKPaint { Color = Ink, IsAntialias = true };
            using var rule = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            if (header)
            {
                using var fill = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
                canvas.DrawRect(Margin, top, ContentWidth, RowHeight, fill);
            }
            var x = Margin;
            for (var c = 0; c < columns.Length; c++)
            {
                canvas.DrawRect(x, top, columns[c], RowHeight, rule);
                var text = Fit(c < cells.Count ? cells[c] : "", columns[c] - 2 * CellPadding, font);
                var right = numeric[c] && !header;
                canvas.DrawText(text, right ? x + columns[c] - CellPadding : x + CellPadding, top + RowHeight - 5.5f,
                    right ? SKTextAlign.Right : SKTextAlign.Left, font, ink);
                x += columns[c];
            }
        });
        y += RowHeight;
    }

    /// <summary>Text cut to the cell with an ellipsis rather than running into the next one.</summary>
    private static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }
        while (text.Length > 0 && font.MeasureText(text + "…") > width)
        {
            text = text[..^1];
        }
        return text + "…";
    }

    private void KeepOnPage(float height)
    {
        if (y + height > Bottom && Page.Count > 0)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        pages.Add([]);
        y = Margin;
    }

    private SKFont Font(float size, bool bold) => new(typeface, size) { Embolden = bold, Subpixel = true };
}
