namespace BrandPlatform.Platform.Persistence;

/// <summary>
/// ILIKE patterns for searches in Chinese text, served by trigram indexes (PostgreSQL has no word parser for Chinese,
/// trigrams need none). What the caller typed is matched literally: % and _ are not wildcards.
/// </summary>
public static class LikePatterns
{
    /// <summary>The escape character the patterns use; pass it to EF.Functions.ILike.</summary>
    public const string Escape = @"\";

    /// <summary>Matches text that contains <paramref name="term"/>.</summary>
    public static string Containing(string term) =>
        "%" + term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}
