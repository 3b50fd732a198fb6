using System.Globalization;
using BrandPlatform.Platform.Domain;

namespace BrandPlatform.Tickets.Domain;

/// <summary>The readable number people quote on the phone: QY-2026-000123, counted per calendar year in China time.</summary>
public sealed record TicketNumber
{
    public const string Prefix = "QY";

    private TicketNumber(string value) => Value = value;

    public string Value { get; }

    public static TicketNumber For(int year, long sequence) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{sequence:D6}"));

    public static TicketNumber Parse(string value) => new(value);

    /// <summary>The numbering year of a ticket filed at <paramref name="now"/> (Asia/Shanghai).</summary>
    public static int YearOf(DateTimeOffset now) => now.ToChinaTime().Year;

    public override string ToString() => Value;
}
