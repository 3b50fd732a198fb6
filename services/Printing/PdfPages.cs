using SkiaSharp;

namespace BrandPlatform.Printing;

/// <summary>
/// Pages laid out top to bottom: lines of text, wrapped paragraphs, tables whose header repeats on a new page, and
/// ScottPlot charts drawn onto the page's canvas (vectors in the PDF). Everything is laid out before anything is drawn,
/// so every page's footer can say how many pages there are.
/// </summary>
public sealed class PdfPages
{
    private const float RowHeight = 18f, CellPadding = 4f;

    private static readonly SKColor Ink = new(0x20, 0x20, 0x20), Rule = new(0x99, 0x99, 0x99), HeaderFill = new(0xEE, 0xEE, 0xEE);

    private readonly SKTypeface typeface;
    private readonly List<List<Action<SKCanvas>>> pages = [[]];
    private float y;

    /// <param name="typeface">From <see cref="ChineseFont.Load"/>; the caller disposes it after <see cref="WriteTo"/>.</param>
    /// <param name="size">A4 unless given.</param>
    /// <param name="margins">2 cm all round unless given.</param>
    public PdfPages(SKTypeface typeface, PageSize? size = null, Margins? margins = null)
    {
        this.typeface = typeface;
        Size = size ?? PageSize.A4;
        Margins = margins ?? Margins.TwoCentimetres;
        y = Margins.Top;
    }

    public PageSize Size { get; }
    public Margins Margins { get; }
    public float ContentWidth => Size.Width - Margins.Left - Margins.Right;

    private float Bottom => Size.Height - Margins.Bottom;
    private float Centre => Margins.Left + ContentWidth / 2;
    private List<Action<SKCanvas>> Page => pages[^1];

    /// <summary>One line, not wrapped: what does not fit runs past the margin (a heading, a date line).</summary>
    public void Text(string text, float size, bool bold = false, bool centred = false, float after = 6f)
    {
        KeepOnPage(size * 1.4f);
        DrawLine(text, centred ? Centre : Margins.Left, y + size, centred, size, bold);
        y += size * 1.4f + after;
    }

    /// <summary>
    /// Text wrapped to the content's width (see <see cref="LineBreaking"/>), continued on a new page when the page is
    /// full. Each explicit newline starts a new line, indented by <paramref name="indent"/> points unless centred
    /// (a Chinese paragraph's first line is indented by two characters: <c>indent: 2 * size</c>).
    /// </summary>
    /// <param name="lineSpacing">A line's height as a multiple of <paramref name="size"/>.</param>
    public void Paragraph(string text, float size, bool bold = false, bool centred = false, float indent = 0f, float lineSpacing = 1.5f,
        float after = 6f)
    {
        using var font = Font(size, bold);
        var lineHeight = size * lineSpacing;
        foreach (var line in LineBreaking.Wrap(text, ContentWidth, centred ? 0f : indent, s => font.MeasureText(s)))
        {
            KeepOnPage(lineHeight);
            DrawLine(line.Text, centred ? Centre : Margins.Left + (line.Indented ? indent : 0f), y + size, centred, size, bold);
            y += lineHeight;
        }
        y += after;
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
        var left = Margins.Left;
        var width = (int)ContentWidth;
        Page.Add(canvas =>
        {
            // To the count, not one Restore: the chart may leave saves of its own behind.
            var saved = canvas.Save();
            canvas.Translate(left, top);
            draw(canvas, width, (int)height);
            canvas.RestoreToCount(saved);
        });
        y += height + 12f;
    }

    public void Gap(float points) => y += points;

    /// <summary>Writes the pages as a PDF.</summary>
    /// <param name="footer">Each page's footer for (page, pages), e.g. "第 1 页 共 3 页"; none when null.</param>
    /// <param name="title">The document's title in its properties (what a viewer shows in its title bar).</param>
    /// <param name="created">When the document was made, in its properties.</param>
    public void WriteTo(Stream stream, Func<int, int, string>? footer = null, string? title = null, DateTimeOffset? created = null)
    {
        using var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = title,
            Creator = "BrandPlatform",
            Creation = created?.UtcDateTime,
            // What Skia cannot keep as vectors (a chart's translucent fill) is rasterised at print resolution, not 72 dpi.
            RasterDpi = 300,
        });
        for (var i = 0; i < pages.Count; i++)
        {
            var canvas = document.BeginPage(Size.Width, Size.Height);
            // The footer first, so that nothing a chart leaves on the canvas (a clip, a transform) can hide it.
            if (footer is not null)
            {
                using var font = Font(8.5f, bold: false);
                using var paint = new SKPaint { Color = Rule, IsAntialias = true };
                SearchableText.Draw(canvas, footer(i + 1, pages.Count), Size.Width / 2, Size.Height - Margins.Bottom / 2, SKTextAlign.Center, font, paint);
            }
            foreach (var draw in pages[i])
            {
                draw(canvas);
            }
            document.EndPage();
        }
        document.Close();
    }

    private void DrawLine(string text, float x, float baseline, bool centred, float size, bool bold) => Page.Add(canvas =>
    {
        using var font = Font(size, bold);
        using var paint = new SKPaint { Color = Ink, IsAntialias = true };
        SearchableText.Draw(canvas, text, x, baseline, centred ? SKTextAlign.Center : SKTextAlign.Left, font, paint);
    });

    private void Row(IReadOnlyList<string> cells, float[] columns, IReadOnlyList<bool> numeric, bool header)
    {
        var top = y;
        var left = Margins.Left;
        var width = ContentWidth;
        Page.Add(canvas =>
        {
            using var font = Font(9.5f, header);
            using var ink = new SKPaint { Color = Ink, IsAntialias = true };
            using var rule = new SKPaint { Color = Rule, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
            if (header)
            {
                using var fill = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
                canvas.DrawRect(left, top, width, RowHeight, fill);
            }
            var x = left;
            for (var c = 0; c < columns.Length; c++)
            {
                canvas.DrawRect(x, top, columns[c], RowHeight, rule);
                var text = Fit(c < cells.Count ? cells[c] : "", columns[c] - 2 * CellPadding, font);
                var right = numeric[c] && !header;
                SearchableText.Draw(canvas, text, right ? x + columns[c] - CellPadding : x + CellPadding, top + RowHeight - 5.5f,
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
        y = Margins.Top;
    }

    private SKFont Font(float size, bool bold) => new(typeface, size) { Embolden = bold, Subpixel = true };
}
