namespace BrandPlatform.Printing;

/// <summary>Blank space around the content in PDF points; the page numbers sit in the middle of the bottom one.</summary>
public readonly record struct Margins(float Top, float Right, float Bottom, float Left)
{
    /// <summary>2 cm all round, as an office files its reports.</summary>
    public static Margins TwoCentimetres { get; } = All(56.7f);

    public static Margins All(float points) => new(points, points, points, points);
}
