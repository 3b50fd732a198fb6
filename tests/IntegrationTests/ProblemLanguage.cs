using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace BrandPlatform.IntegrationTests;

/// <summary>
/// One language per answer: a problem's title, detail and field errors are Chinese (the default) or English (asked for
/// with Accept-Language: en), and name things by their names, not ids. Field names and codes may appear in either.
/// </summary>
public static partial class ProblemLanguage
{
    public static void ShouldSpeakChinese(JsonElement problem) => WhyNotChinese(problem).ShouldBeNull();

    /// <summary>English words throughout; names of units and people stay the directory's (Chinese) names.</summary>
    public static void ShouldSpeakEnglish(JsonElement problem) => WhyNotEnglish(problem).ShouldBeNull();

    /// <summary>Null when every text of the problem is Chinese and names nothing by its id; else what is wrong.</summary>
    public static string? WhyNotChinese(JsonElement problem)
    {
        foreach (var (part, text) in Texts(problem))
        {
            if (!Han().IsMatch(text))
            {
                return $"{part} is not Chinese: {text}";
            }
            // What the caller sent may come back in quotes (参数“id”的值“abc”…): only the text around it must be Chinese.
            var own = Quoted().Replace(text, "“”");
            if (EnglishPhrase().IsMatch(own))
            {
                return $"{part} mixes in English: {text}";
            }
            if (Guid().IsMatch(own))
            {
                return $"{part} names something by its id: {text}";
            }
        }
        return null;
    }

    public static string? WhyNotEnglish(JsonElement problem)
    {
        foreach (var (part, text) in Texts(problem))
        {
            if (!LatinWord().IsMatch(text) || (part == "title" && Han().IsMatch(text)))
            {
                return $"{part} is not English: {text}";
            }
            if (Guid().IsMatch(QuotedEnglish().Replace(text, "''")))
            {
                return $"{part} names something by its id: {text}";
            }
        }
        return null;
    }

    /// <summary>The title, the detail and every field error of a problem answer.</summary>
    public static IEnumerable<(string Part, string Text)> Texts(JsonElement problem)
    {
        foreach (var part in new[] { "title", "detail" })
        {
            if (problem.TryGetProperty(part, out var text) && text.ValueKind == JsonValueKind.String)
            {
                yield return (part, text.GetString()!);
            }
        }
        if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                foreach (var message in field.Value.EnumerateArray())
                {
                    yield return ($"errors.{field.Name}", message.GetString()!);
                }
            }
        }
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    // Three Latin words in a row is English prose; a field name, a code or "SHA-256" is not.
    [GeneratedRegex(@"\b[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}[ ,;]+[A-Za-z]{2,}\b")]
    private static partial Regex EnglishPhrase();

    // From the first opening quote to the last closing one: what the caller sent may hold quotes of its own.
    [GeneratedRegex("“.*”", RegexOptions.Singleline)]
    private static partial Regex Quoted();

    [GeneratedRegex("'.*'", RegexOptions.Singleline)]
    private static partial Regex QuotedEnglish();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
