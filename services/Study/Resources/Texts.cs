using BrandPlatform.Platform.Localization;

namespace BrandPlatform.Study.Resources;

/// <summary><c>using static</c> this: <c>Text(nameof(StudyTexts.Key), arguments)</c> is a text of StudyTexts.resx.</summary>
internal static class Texts
{
    public static LocalText Text(string key, params object?[] arguments) => StudyTexts.ResourceManager.Text(key, arguments);
}
