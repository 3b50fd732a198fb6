using BrandPlatform.Platform.Localization;

namespace BrandPlatform.Liaison.Resources;

/// <summary><c>using static</c> this: <c>Text(nameof(LiaisonTexts.Key), arguments)</c> is a text of LiaisonTexts.resx.</summary>
internal static class Texts
{
    public static LocalText Text(string key, params object?[] arguments) => LiaisonTexts.ResourceManager.Text(key, arguments);
}
