using System.Globalization;
using System.Text;

namespace BrandPlatform.Platform.Persistence;

/// <summary>
/// Full-text search over Chinese with PostgreSQL's 'simple' configuration, which has no Chinese word parser: a text's
/// terms are its runs of CJK characters cut into overlapping bigrams (a lone character kept whole) and its other words
/// in lower case, written as a column the generated tsvector reads. A query word becomes the phrase of its terms
/// (税收优惠 → 税收 &lt;-&gt; 收优 &lt;-&gt; 优惠), so a Chinese word matches where those characters stand together; the words
/// of a query must all match. A query of one CJK character matches the terms it begins (税 → 税:*).
/// </summary>
public static class ChineseSearch
{
    public const string Configuration = "simple";

    /// <summary>The terms of the texts, space-separated, in reading order.</summary>
    public static string Terms(params string?[] texts)
    {
        var terms = new StringBuilder();
        foreach (var text in texts)
        {
            foreach (var term in TermsOf(text ?? ""))
            {
                terms.Append(term).Append(' ');
            }
        }
        return terms.ToString().TrimEnd();
    }

    /// <summary>A to_tsquery text for what a person typed; null when it holds nothing searchable.</summary>
    public static string? Query(string? typed)
    {
        var words = (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => TermsOf(word).ToList())
            .Where(terms => terms.Count > 0)
            .Select(terms => terms is [var single] && single.Length == 1 && IsCjk(single[0]) ? single + ":*" : string.Join(" <-> ", terms))
            .ToList();
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => $"({w})"));
    }

    private static IEnumerable<string> TermsOf(string text)
    {
        var run = new StringBuilder();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (IsCjk(c))
            {
                foreach (var term in Flush(word, run: false))
                {
                    yield return term;
                }
                run.Append(c);
            }
            else
            {
                foreach (var term in Flush(run, run: true))
                {
                    yield return term;
                }
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    foreach (var term in Flush(word, run: false))
                    {
                        yield return term;
                    }
                }
            }
        }
        foreach (var term in Flush(run, run: true).Concat(Flush(word, run: false)))
        {
            yield return term;
        }
    }

    private static IEnumerable<string> Flush(StringBuilder pending, bool run)
    {
        var text = pending.ToString();
        pending.Clear();
        if (text.Length == 0)
        {
            return [];
        }
        if (!run || text.Length == 1)
        {
            return [text];
        }
        return Enumerable.Range(0, text.Length - 1).Select(i => text.Substring(i, 2));
    }

    private static bool IsCjk(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';
}
