using System.Globalization;
using System.Text;

namespace BrandPlatform.Tickets.Features;

/// <summary>An opaque keyset position for paging: the last item's sort time and id.</summary>
internal static class KeysetCursor
{
    public static string Write(DateTimeOffset changedAt, Guid id) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{changedAt.UtcTicks}|{id:N}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string cursor, out DateTimeOffset changedAt, out Guid id)
    {
        changedAt = default;
        id = default;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && Guid.TryParseExact(parts[1], "N", out id))
            {
                changedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            }
        }
        catch (FormatException)
        {
        }
        return false;
    }
}
