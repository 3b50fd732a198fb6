using BrandPlatform.Platform.Localization;

namespace BrandPlatform.Community.Resources;

/// <summary><c>using static</c> this: <c>Text(nameof(CommunityTexts.Key), arguments)</c> is a text of CommunityTexts.resx.</summary>
internal static class Texts
{
    public static LocalText Text(string key, params object?[] arguments) => CommunityTexts.ResourceManager.Text(key, arguments);
}
