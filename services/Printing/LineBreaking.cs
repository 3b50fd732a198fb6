using System.Globalization;
using System.Text;

namespace BrandPlatform.Printing;

/// <summary>
/// Breaks text into lines of a width: Chinese (and Japanese, Korean) may break between any two characters, Latin words
/// only at spaces unless one word is wider than a line, and an explicit newline always starts a new line. Punctuation
/// follows the usual Chinese rule (避头尾): a closing mark never begins a line and an opening one never ends it.
/// </summary>
internal static class LineBreaking
{
    /// <summary>One line to draw; <paramref name="Indented"/> for the first line after an explicit newline (or the start).</summary>
    public readonly record struct Line(string Text, bool Indented);

    private const string NoLineStart = "，。、；：？！）］｝】》〉」』”’〕〗〙〛｠…‥—～％·,.;:?!)]}%";
    private const string NoLineEnd = "（［｛【《〈「『“‘〔〖〘〚｟([{";

    /// <param name="indent">How much narrower the indented lines are.</param>
    /// <param name="measure">The width a string takes in the font it will be drawn in.</param>
    public static List<Line> Wrap(string text, float width, float indent, Func<string, float> measure)
    {
        var lines = new List<Line>();
        foreach (var hard in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            var indented = true;
            void Emit()
            {
                lines.Add(new Line(line, indented));
                line = "";
                indented = false;
            }
            float Room() => indented ? width - indent : width;

            foreach (var (word, spaced) in Words(hard))
            {
                var candidate = line.Length == 0 ? word : spaced ? line + " " + word : line + word;
                if (measure(candidate) <= Room())
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    Emit();
                }
                if (measure(word) <= Room())
                {
                    line = word;
                    continue;
                }
                // Wider than any line: the one case a word is cut, between characters.
                foreach (var character in Characters(word))
                {
                    if (line.Length > 0 && measure(line + character) > Room())
                    {
                        Emit();
                    }
                    line += character;
                }
            }
            Emit();
        }
        return lines;
    }

    /// <summary>The units a line may break between, each with whether a space came before it.</summary>
    private static List<(string Text, bool Spaced)> Words(string text)
    {
        var words = new List<(string Text, bool Spaced)>();
        var latin = new StringBuilder();
        bool spaced = false, latinSpaced = false;

        void Add(string word, bool afterSpace)
        {
            // Kept with the word before: a closing mark, or anything after an opening mark (unless a space parts them).
            if (!afterSpace && words.Count > 0 && (NoLineStart.Contains(word[0]) || NoLineEnd.Contains(words[^1].Text[^1])))
            {
                words[^1] = (words[^1].Text + word, words[^1].Spaced);
            }
            else
            {
                words.Add((word, afterSpace));
            }
        }
        void EndLatin()
        {
            if (latin.Length > 0)
            {
                Add(latin.ToString(), latinSpaced);
                latin.Clear();
            }
        }

        foreach (var character in Characters(text))
        {
            if (IsBreakingSpace(character))
            {
                EndLatin();
                spaced = true;
            }
            else if (IsCjk(character))
            {
                EndLatin();
                Add(character, spaced);
                spaced = false;
            }
            else
            {
                if (latin.Length == 0)
                {
                    latinSpaced = spaced;
                    spaced = false;
                }
                latin.Append(character);
            }
        }
        EndLatin();
        return words;
    }

    /// <summary>What a reader sees as one character: a surrogate pair or a letter with its accents stays whole.</summary>
    private static IEnumerable<string> Characters(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }

    /// <summary>The ideographic space (U+3000) is a character's width of blank, as at the start of a Chinese paragraph: it stays.</summary>
    private static bool IsBreakingSpace(string character) =>
        character.Length == 1 && char.IsWhiteSpace(character[0]) && character[0] is not ('\u3000' or '\u00A0' or '\u2007' or '\u202F');

    private static bool IsCjk(string character) => Rune.GetRuneAt(character, 0).Value is
        >= 0x1100 and <= 0x11FF // Hangul Jamo
        or >= 0x2E80 and <= 0x9FFF // radicals, CJK punctuation, kana, bopomofo, ideographs
        or >= 0xA960 and <= 0xA97F or >= 0xAC00 and <= 0xD7FF // Hangul
        or >= 0xF900 and <= 0xFAFF // compatibility ideographs
        or >= 0xFE30 and <= 0xFE4F // vertical forms
        or >= 0xFF00 and <= 0xFFEF // full-width forms
        or >= 0x20000 and <= 0x3FFFF; // ideographs beyond the BMP
}
