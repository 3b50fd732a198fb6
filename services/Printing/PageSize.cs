namespace BrandPlatform.Printing;

/// <summary>A page in PDF points (1/72 inch), portrait.</summary>
public readonly record struct PageSize(float Width, float Height)
{
    public static PageSize A4 { get; } = new(595.28f, 841.89f);
    /// <summary>Twice A4: the sheet a notice board takes.</summary>
    public static PageSize A3 { get; } = new(841.89f, 1190.55f);
}
