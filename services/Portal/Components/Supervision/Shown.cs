using System.Globalization;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Portal.Resources;

namespace BrandPlatform.Portal.Components.Supervision;

/// <summary>How the supervision screens write codes, dates and times: texts from the resources, China dates and times.</summary>
public static class Shown
{
    /// <summary>An API code through the screens' texts (<c>Status_red</c>, ...), the code itself if a newer API sends one unknown here.</summary>
    public static string Text(string prefix, string? code) =>
        code is null ? "" : SupervisionScreenTexts.ResourceManager.GetString($"{prefix}_{code}", SupervisionScreenTexts.Culture) ?? code;

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) => Date(ChinaCalendar.DateOf(instant));

    public static string Time(DateTimeOffset instant) => instant.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
