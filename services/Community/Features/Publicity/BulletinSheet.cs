using BrandPlatform.Printing;

namespace BrandPlatform.Community.Features.Publicity;

/// <summary>
/// A published item as the bulletin board (公告栏) shows it: one A3 sheet, printed and pinned up — a large title, the
/// branch and the day, the summary set off, then the text in paragraphs (continuing on another sheet if it must).
/// Null when the Chinese font is not installed.
/// </summary>
public sealed class BulletinSheet(ChineseFont font, TimeProvider timeProvider)
{
    public byte[]? Render(PublishedItem item)
    {
        if (font.Load() is not { } typeface)
        {
            return null;
        }
        using (typeface)
        {
            var pages = new PdfPages(typeface, PageSize.A3, Margins.All(72f));
            pages.Paragraph(item.Title, 40f, bold: true, centred: true, lineSpacing: 1.3f);
            pages.Gap(8f);
            pages.Text($"{item.BranchName}  {item.PublishedAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日}", 18f, centred: true, after: 24f);
            pages.Paragraph(item.Summary, 22f, bold: true);
            pages.Gap(16f);
            foreach (var paragraph in item.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                pages.Paragraph(paragraph, 20f, indent: 40f);
            }
            using var pdf = new MemoryStream();
            pages.WriteTo(pdf, title: item.Title, created: timeProvider.GetUtcNow());
            return pdf.ToArray();
        }
    }
}
