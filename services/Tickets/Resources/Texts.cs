using BrandPlatform.Platform.Localization;

namespace BrandPlatform.Tickets.Resources;

/// <summary><c>using static</c> this: <c>Text(nameof(TicketTexts.Key), arguments)</c> is a text of TicketTexts.resx.</summary>
internal static class Texts
{
    public static LocalText Text(string key, params object?[] arguments) => TicketTexts.ResourceManager.Text(key, arguments);
}
