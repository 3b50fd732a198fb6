using BrandPlatform.Platform.Localization;

namespace BrandPlatform.Identity.Resources;

/// <summary><c>using static</c> this: <c>Text(nameof(IdentityTexts.Key), arguments)</c> is a text of IdentityTexts.resx.</summary>
internal static class Texts
{
    public static LocalText Text(string key, params object?[] arguments) => IdentityTexts.ResourceManager.Text(key, arguments);
}
