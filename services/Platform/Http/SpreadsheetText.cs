namespace BrandPlatform.Platform.Http;

/// <summary>Text written into a spreadsheet cell (CSV or XLSX exports).</summary>
public static class SpreadsheetText
{
    /// <summary>Text people typed starts with =, +, - or @ only as text: a spreadsheet never runs it as a formula.</summary>
    public static string Defused(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
}
