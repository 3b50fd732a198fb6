using System.Collections;
using System.Globalization;
using System.Resources;

namespace BrandPlatform.Platform.Localization;

/// <summary>
/// A text for a person, put into words when the answer is written: a key of a resource file (Resources/*.resx) and
/// its arguments. An entity that refuses a change knows units by id and states by value; the answer names them in the
/// caller's language: a <see cref="UnitReference"/> by the unit's name, an enum value by its text
/// <c>{EnumType}_{Value}</c> in the same resource file, a list of either joined, a nested text in words.
/// </summary>
public sealed class LocalText(ResourceManager resources, string key, params object?[] arguments)
{
    public string Key => key;

    /// <summary>The units the text names, nested texts and lists included, so the answer can look their names up.</summary>
    public IEnumerable<Guid> UnitsNamed => arguments.SelectMany(UnitsIn);

    /// <summary>The text in <paramref name="culture"/>; a unit missing from <paramref name="unitNames"/> is named by its id.</summary>
    public string Format(CultureInfo culture, IReadOnlyDictionary<Guid, string>? unitNames = null)
    {
        var pattern = resources.GetString(key, culture) ?? throw new InvalidOperationException($"The resource {resources.BaseName} has no text {key}.");
        return arguments.Length == 0 ? pattern : string.Format(culture, pattern, [.. arguments.Select(a => Words(a, culture, unitNames))]);
    }

    /// <summary>In the current UI culture (the request's), units by id: for logs and messages outside an answer.</summary>
    public override string ToString() => Format(CultureInfo.CurrentUICulture);

    private object? Words(object? argument, CultureInfo culture, IReadOnlyDictionary<Guid, string>? unitNames) => argument switch
    {
        LocalText text => text.Format(culture, unitNames),
        UnitReference unit => unitNames?.GetValueOrDefault(unit.Id) ?? unit.Id.ToString(),
        Enum value => resources.GetString($"{value.GetType().Name}_{value}", culture) ?? value.ToString(),
        IEnumerable items and not string => string.Join(
            culture.TwoLetterISOLanguageName == "zh" ? "、" : ", ",
            items.Cast<object?>().Select(item => Words(item, culture, unitNames))),
        _ => argument,
    };

    private static IEnumerable<Guid> UnitsIn(object? argument) => argument switch
    {
        UnitReference unit => [unit.Id],
        LocalText text => text.UnitsNamed,
        IEnumerable items and not string => items.Cast<object?>().SelectMany(UnitsIn),
        _ => [],
    };
}

/// <summary>A unit named in a <see cref="LocalText"/>: the answer says its name.</summary>
public readonly record struct UnitReference(Guid Id)
{
    public static IReadOnlyList<UnitReference> All(IEnumerable<Guid> ids) => [.. ids.Select(id => new UnitReference(id))];
}

public static class LocalTexts
{
    /// <summary><c>TicketTexts.ResourceManager.Text(nameof(TicketTexts.SomeKey), args)</c>: the key is checked by the compiler.</summary>
    public static LocalText Text(this ResourceManager resources, string key, params object?[] arguments) => new(resources, key, arguments);
}
