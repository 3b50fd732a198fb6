using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BrandPlatform.Platform.Domain;
using BrandPlatform.Platform.Http;
using BrandPlatform.Reporting.Resources;

namespace BrandPlatform.Reporting.Features.Exports;

/// <summary>
/// Any figure answer as the rows of a sheet, read through the service's JSON contract (the members and names a JSON
/// caller gets, enums as their codes), so a new figure endpoint exports without code of its own: the items of its
/// lists (a dictionary's entries as key and value) are the rows; a member shaped like a row (a total group) is a row
/// of its own; the answer's other figures (a total count) make one more row, labelled 合计; an answer without a list is
/// one row. Nested records become columns ("逐级督办·催办"); the answer's own dates (its period) are left to the
/// file's name and the sheet's. Headers are ExportTexts keyed by the member's name, the name itself when it has none.
/// </summary>
public sealed class SheetRows
{
    private const string PathSeparator = "·";
    /// <summary>What an answer echoes of its query (the grouping, the year asked for): it names the table, it is no row of it.</summary>
    private static readonly HashSet<string> EchoedParameters = new(["groupBy", "year", "quarter"], StringComparer.OrdinalIgnoreCase);
    private readonly JsonSerializerOptions options;
    private readonly List<Dictionary<string, object?>> rows = [];
    /// <summary>
    /// Record types the answer also carries on its own (a total beside per-group figures): inside a row they give the
    /// row's own columns, unprefixed, so the total lines up under them.
    /// </summary>
    private readonly HashSet<Type> inline = [];

    private SheetRows(JsonSerializerOptions options) => this.options = options;

    /// <summary>The answer's own dates (e.g. from and to), in order: the period its figures cover.</summary>
    public IReadOnlyList<DateOnly> Period { get; private set; } = [];

    /// <summary>Every row with every column, in the order columns first appear (a spreadsheet writer reads the headers off the first row).</summary>
    public IReadOnlyList<Dictionary<string, object?>> Rows { get; private set; } = [];

    public static SheetRows Of(object answer, JsonSerializerOptions options)
    {
        var sheet = new SheetRows(options);
        sheet.Read(answer);
        var columns = sheet.rows.SelectMany(r => r.Keys).Distinct().ToList();
        sheet.Rows = [.. sheet.rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c)))];
        return sheet;
    }

    /// <summary>The header of a member (camelCase or PascalCase name) in the caller's language.</summary>
    public static string Header(string member) => Text(char.ToUpperInvariant(member[0]) + member[1..]) ?? member;

    /// <summary>A text of ExportTexts in the caller's language, null when there is none.</summary>
    public static string? Text(string key) => ExportTexts.ResourceManager.GetString(key, CultureInfo.CurrentUICulture);

    private void Read(object answer)
    {
        var info = options.GetTypeInfo(answer.GetType());
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            AddItems(null, answer);
            return;
        }
        var members = Members(info, answer).ToList();
        Period = [.. members.Select(m => m.Value).OfType<DateOnly>()];
        var lists = members.Where(m => IsList(m.Value)).ToList();
        inline.UnionWith(members.Where(m => !IsList(m.Value) && IsRecord(m.Value)).Select(m => m.Value!.GetType()));
        foreach (var (name, value) in lists)
        {
            AddItems(lists.Count > 1 ? Header(name) : null, value!, Header(name));
        }
        var columns = rows.SelectMany(r => r.Keys).ToHashSet();
        var rest = new Dictionary<string, object?>();
        foreach (var (name, value) in members.Where(m => !IsList(m.Value) && m.Value is not DateOnly && !EchoedParameters.Contains(m.Name)))
        {
            var asRow = IsRecord(value) ? Flatten(value!, null) : null;
            if (asRow is { Count: > 0 } && (columns.Count == 0 || asRow.Keys.All(columns.Contains)))
            {
                rows.Add(Labelled(Header(name), asRow));
            }
            else
            {
                Put(rest, IsRecord(value) ? Flatten(value!, Header(name)) : Single(Header(name), value));
            }
        }
        if (rest.Count > 0)
        {
            rows.Add(lists.Count > 0 ? Labelled(ExportTexts.TotalRow, rest) : rest);
        }
    }

    /// <summary>The rows of one list: each item flattened; a dictionary's entries as key (headed by the list) and value.</summary>
    private void AddItems(string? listHeader, object list, string? keyHeader = null)
    {
        if (list is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var row = new Dictionary<string, object?> { [keyHeader ?? ExportTexts.Key] = Cell(entry.Key) };
                Put(row, IsRecord(entry.Value) ? Flatten(entry.Value!, null) : Single(ExportTexts.Value, entry.Value));
                rows.Add(WithList(listHeader, row));
            }
            return;
        }
        foreach (var item in (IEnumerable)list)
        {
            rows.Add(WithList(listHeader, IsRecord(item) ? Flatten(item!, null) : Single(ExportTexts.Value, item)));
        }
    }

    /// <summary>A record's scalar members as columns, nested records under their parent's header.</summary>
    private Dictionary<string, object?> Flatten(object record, string? prefix)
    {
        var row = new Dictionary<string, object?>();
        foreach (var (name, value) in Members(options.GetTypeInfo(record.GetType()), record))
        {
            if (value is DateOnly day && inline.Contains(record.GetType()) && Period.Contains(day))
            {
                continue; // the answer's period, named by the sheet and the file already
            }
            var header = prefix is null ? Header(name) : prefix + PathSeparator + Header(name);
            Put(row, IsRecord(value) ? Flatten(value!, inline.Contains(value!.GetType()) ? prefix : header) : Single(header, value));
        }
        return row;
    }

    private static IEnumerable<(string Name, object? Value)> Members(JsonTypeInfo info, object record) =>
        info.Properties.Where(p => p.Get is not null).Select(p => (p.Name, p.Get!(record)));

    private Dictionary<string, object?> Single(string header, object? value) => new() { [header] = Cell(value) };

    private static void Put(Dictionary<string, object?> row, Dictionary<string, object?> columns)
    {
        foreach (var (header, value) in columns)
        {
            row.TryAdd(header, value);
        }
    }

    /// <summary>A total row: its label in the first column the list rows have, when that column holds no figure of its own.</summary>
    private Dictionary<string, object?> Labelled(string label, Dictionary<string, object?> row)
    {
        var first = rows.Count > 0 ? rows[0].Keys.First() : null;
        if (first is null || row.ContainsKey(first))
        {
            return row;
        }
        var labelled = new Dictionary<string, object?> { [first] = label };
        Put(labelled, row);
        return labelled;
    }

    private static Dictionary<string, object?> WithList(string? listHeader, Dictionary<string, object?> row)
    {
        if (listHeader is null)
        {
            return row;
        }
        var named = new Dictionary<string, object?> { [ExportTexts.List] = listHeader };
        Put(named, row);
        return named;
    }

    private bool IsList(object? value) => value is not null and not string && options.GetTypeInfo(value.GetType()).Kind
        is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary;

    private bool IsRecord(object? value) => value is not null && options.GetTypeInfo(value.GetType()).Kind == JsonTypeInfoKind.Object;

    /// <summary>A value as a cell: numbers stay numbers; dates, times (China time), codes and ids as the text a reader expects.</summary>
    private object? Cell(object? value) => value switch
    {
        null => null,
        string text => SpreadsheetText.Defused(text),
        bool or int or long or double or decimal or float => value,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToChinaTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IEnumerable items => string.Join("、", items.Cast<object?>().Select(item => Cell(item)?.ToString())),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), options) is { ValueKind: JsonValueKind.String } text
            ? SpreadsheetText.Defused(text.GetString()!) : JsonSerializer.Serialize(value, value.GetType(), options),
    };
}
