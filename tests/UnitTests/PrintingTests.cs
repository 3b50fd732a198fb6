using BrandPlatform.Printing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Graphics;
using PageSize = BrandPlatform.Printing.PageSize;

namespace BrandPlatform.UnitTests;

public sealed class PrintingTests
{
    /// <summary>Every character one unit wide, a space too: widths are counts.</summary>
    private static List<string> Wrap(string text, float width, float indent = 0) =>
        [.. LineBreaking.Wrap(text, width, indent, s => s.Length).Select(l => l.Text)];

    [Fact]
    public void Chinese_breaks_between_any_two_characters()
    {
        Wrap("社区公告栏今日更新", 4).ShouldBe(["社区公告", "栏今日更", "新"]);
    }

    [Fact]
    public void Latin_words_break_at_spaces_and_only_a_word_wider_than_a_line_is_cut()
    {
        Wrap("the board is updated weekly", 12).ShouldBe(["the board is", "updated", "weekly"]);
        Wrap("community-publicity", 8).ShouldBe(["communit", "y-public", "ity"]);
        Wrap("居民议事会 meeting 每周三", 10).ShouldBe(["居民议事会", "meeting 每周", "三"]);
    }

    [Fact]
    public void An_explicit_newline_starts_a_line_and_each_such_line_is_indented()
    {
        var lines = LineBreaking.Wrap("一二三四五六\r\n\n七", 4, 2, s => s.Length);
        lines.ShouldBe([new("一二", true), new("三四五六", false), new("", true), new("七", true)]);
    }

    [Fact]
    public void A_closing_mark_never_begins_a_line_and_an_opening_mark_never_ends_one()
    {
        Wrap("一二三，四五", 3).ShouldBe(["一二", "三，四", "五"]);
        Wrap("一二《三》", 3).ShouldBe(["一二", "《三》"]);
        Wrap("通知:请于周三到场", 3).ShouldBe(["通知:", "请于周", "三到场"]);
    }

    [Fact]
    public void An_a3_sheet_has_its_title_on_the_first_page_and_its_paragraph_wrapped_over_lines_and_pages()
    {
        const string title = "幸福里社区居民公告栏";
        var sentence = "本周六上午九点在社区活动中心召开居民议事会，讨论小区停车管理与垃圾分类事宜，欢迎各位居民 BrandPlatform 用户准时参加。";
        var paragraph = string.Concat(Enumerable.Repeat(sentence, 60));
        using var typeface = new ChineseFont(new ConfigurationBuilder().Build(), NullLogger<ChineseFont>.Instance).Load();
        typeface.ShouldNotBeNull($"No Chinese font: install Debian's fonts-noto-cjk ({ChineseFont.DebianFile}); test.sh does it through scripts/lib.sh");

        var pages = new PdfPages(typeface, PageSize.A3, Margins.All(42.5f));
        pages.Paragraph(title, 36f, bold: true, centred: true, after: 24f);
        pages.Paragraph(paragraph, 16f, indent: 32f);
        using var file = new MemoryStream();
        pages.WriteTo(file, (page, count) => $"第{page}页 共{count}页", title, DateTimeOffset.UnixEpoch);

        using var pdf = PdfDocument.Open(file.ToArray());
        pdf.Information.Title.ShouldBe(title);
        pdf.NumberOfPages.ShouldBe(2);
        var first = pdf.GetPage(1);
        // Skia writes the page box with less precision than a float has (841.92 for 841.89).
        first.Width.ShouldBe(841.89, tolerance: 0.1);
        first.Height.ShouldBe(1190.55, tolerance: 0.1);
        // The footer is drawn first, then the title; 民 and 户 read as written, not as the radical and variant sharing their glyphs.
        Written(first).ShouldStartWith($"第1页 共2页{title}本周六");
        Written(pdf.GetPage(2)).ShouldStartWith("第2页 共2页");
        // A line break takes the place of a space between words, so the spaces are left out of the comparison.
        string.Concat(pdf.GetPages().Select(p => Written(p).Replace($"第{p.Number}页 共2页", "")))
            .Replace(" ", "").ShouldBe((title + paragraph).Replace(" ", ""));

        var lines = pdf.GetPages().SelectMany(p => p.Letters.GroupBy(l => (p.Number, Math.Round(l.StartBaseLine.Y)))
            .Select(line => string.Concat(line.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))).ToList();
        lines.Count.ShouldBeGreaterThan(60);
        lines.Sum(l => l.Split("BrandPlatform").Length - 1).ShouldBe(60, "a Latin word is never cut between lines");
        pdf.GetPages().SelectMany(p => p.Letters).ShouldAllBe(l => l.StartBaseLine.X >= 41.5 && l.EndBaseLine.X <= 841.89 - 41.5);
    }

    /// <summary>
    /// A page's text as a reader copies it: a glyph marked with the character it stands for (/ActualText) reads as that
    /// character.
    /// </summary>
    private static string Written(Page page)
    {
        static IEnumerable<MarkedContentElement> All(MarkedContentElement element) => element.Children.SelectMany(All).Prepend(element);
        var actual = page.GetMarkedContents().SelectMany(All).Where(m => m.ActualText is not null)
            .SelectMany(m => m.Letters.Select((letter, i) => (letter, Text: i == 0 ? m.ActualText! : "")))
            .ToDictionary(m => m.letter, m => m.Text, (IEqualityComparer<Letter>)ReferenceEqualityComparer.Instance);
        return string.Concat(page.Letters.Select(l => actual.TryGetValue(l, out var text) ? text : l.Value));
    }
}
