using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Discipline;

/// <summary>The discipline screens' codes as people read them.</summary>
public static class DisciplineText
{
    /// <summary>An API code (launched, singleChoice, quiz, ...) in the person's language; the code itself if unknown.</summary>
    public static string Of(string group, string code) =>
        DisciplineScreenTexts.ResourceManager.GetString($"{group}_{code}", DisciplineScreenTexts.Culture) ?? code;

    public static string Quarter(int year, int quarter) =>
        string.Format(DisciplineScreenTexts.Culture, DisciplineScreenTexts.Campaign_Quarter, year, quarter);

    /// <summary>Items in one line, with a mark that reads the same in both languages (as the home page lists roles).</summary>
    public static string List(IEnumerable<string> items) => string.Join(" · ", items);

    public static string Passed(bool passed) => passed ? DisciplineScreenTexts.Quiz_Passed : DisciplineScreenTexts.Quiz_NotPassed;
}
