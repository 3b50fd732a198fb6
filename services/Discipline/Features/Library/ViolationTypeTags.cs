using System.Globalization;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Discipline.Resources;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BrandPlatform.Discipline.Features.Library;

/// <summary>The library's tags: every violation type, its family, and both labels, so the portal needs no copy of the texts.</summary>
public static class ViolationTypeTags
{
    public sealed record Label(string Zh, string En);

    public sealed record Tag(ViolationType Type, Label Label, ViolationFamily Family, Label FamilyLabel);

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IReadOnlyList<Tag> All { get; } =
        [.. Enum.GetValues<ViolationType>().Select(t => new Tag(t, LabelOf(t), t.Family(), LabelOf(t.Family())))];

    internal static Ok<IReadOnlyList<Tag>> List() => TypedResults.Ok(All);

    private static Label LabelOf<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var key = $"{typeof(TEnum).Name}_{value}";
        return new(DisciplineTexts.ResourceManager.GetString(key, Chinese)!, DisciplineTexts.ResourceManager.GetString(key, English)!);
    }
}
