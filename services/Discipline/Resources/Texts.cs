using BrandPlatform.Platform.Localization;

namespace BrandPlatform.Discipline.Resources;

/// <summary><c>using static</c> this: <c>Text(nameof(DisciplineTexts.Key), arguments)</c> is a text of DisciplineTexts.resx.</summary>
internal static class Texts
{
    public static LocalText Text(string key, params object?[] arguments) => DisciplineTexts.ResourceManager.Text(key, arguments);
}
