using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Supervision;

/// <summary>How the supervision screens write the APIs' codes: texts from the resources.</summary>
public static class Shown
{
    /// <summary>An API code through the screens' texts (<c>Status_red</c>, ...), the code itself if a newer API sends one unknown here.</summary>
    public static string Text(string prefix, string? code) =>
        code is null ? "" : SupervisionScreenTexts.ResourceManager.GetString($"{prefix}_{code}", SupervisionScreenTexts.Culture) ?? code;
}
