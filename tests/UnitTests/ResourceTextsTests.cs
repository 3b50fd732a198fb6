using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shouldly;

namespace BrandPlatform.UnitTests;

/// <summary>
/// Every user-facing text is in a resource pair (Resources/Name.resx in Chinese, Resources/Name.en.resx in English)
/// and the pair agrees: the same keys, each text in its own language, the same placeholders.
/// </summary>
public sealed partial class ResourceTextsTests
{
    public static TheoryData<string> ResourcePairs()
    {
        var data = new TheoryData<string>();
        foreach (var neutral in Directory.EnumerateFiles(RepositoryFiles.Root, "*.resx", SearchOption.AllDirectories)
                     .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                    && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                                    && !path.EndsWith(".en.resx", StringComparison.Ordinal))
                     .Order())
        {
            data.Add(Path.GetRelativePath(RepositoryFiles.Root, neutral));
        }
        return data;
    }

    [Fact]
    public void Every_service_keeps_its_texts_in_resource_files() =>
        ResourcePairs().Count.ShouldBeGreaterThanOrEqualTo(3, "ServiceDefaults, Platform and the services each have theirs");

    [Theory]
    [MemberData(nameof(ResourcePairs))]
    public void The_english_file_has_every_text_of_the_chinese_one_in_its_own_language(string neutralPath)
    {
        var chinese = Texts(Path.Combine(RepositoryFiles.Root, neutralPath));
        var english = Texts(Path.Combine(RepositoryFiles.Root, neutralPath[..^".resx".Length] + ".en.resx"));

        english.Keys.Order().ShouldBe(chinese.Keys.Order(), $"{neutralPath}: the two files name different texts");
        foreach (var (key, text) in chinese)
        {
            Han().IsMatch(text).ShouldBeTrue($"{neutralPath} {key} is not Chinese: {text}");
            Han().IsMatch(english[key]).ShouldBeFalse($"{neutralPath} {key} is not English: {english[key]}");
            Placeholders(english[key]).ShouldBe(Placeholders(text), $"{neutralPath} {key}: the placeholders differ");
        }
    }

    private static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    private static string[] Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct().Order()];

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
