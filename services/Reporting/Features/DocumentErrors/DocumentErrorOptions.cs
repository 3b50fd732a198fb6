using System.Globalization;
using BrandPlatform.Reporting.Domain;

namespace BrandPlatform.Reporting.Features.DocumentErrors;

/// <summary>An error type of the register: a code and its label in Chinese (the notice prints the label).</summary>
public sealed class DocumentErrorType
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
}

public sealed class DocumentErrorOptions
{
    public const string Section = "Supervision:DocumentErrors";

    public static readonly IReadOnlyList<DocumentErrorType> DefaultTypes =
    [
        new() { Code = "typo", Label = "错别字" },
        new() { Code = "format", Label = "格式错误" },
        new() { Code = "numbering", Label = "文号错误" },
        new() { Code = "fact", Label = "事实表述错误" },
        new() { Code = "policy", Label = "政策表述不当" },
        new() { Code = "punctuation", Label = "标点错误" },
    ];

    /// <summary>
    /// Supervision:DocumentErrors:Types (a list of Code and Label); none configured means the defaults. Left empty here
    /// because the configuration binder adds configured items to a list's initial ones instead of replacing them.
    /// </summary>
    public List<DocumentErrorType> Types { get; set; } = [];

    public IReadOnlyList<DocumentErrorType> Effective => Types.Count > 0 ? Types : DefaultTypes;

    public bool IsValid => Effective.All(t => t.Code.Length is > 0 and <= DocumentErrorReport.TypeMaxLength && t.Label.Length > 0)
        && Effective.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count() == Effective.Count;

    public string LabelOf(string code) => Effective.FirstOrDefault(t => t.Code == code)?.Label ?? code;

    public string Codes => string.Join(", ", Effective.Select(t => t.Code.ToString(CultureInfo.InvariantCulture)));
}
