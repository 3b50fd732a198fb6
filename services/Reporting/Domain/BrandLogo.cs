namespace BrandPlatform.Reporting.Domain;

/// <summary>
/// A brand's logo image, kept in its own row so reading a brand never loads the image; replaced whole on each upload.
/// </summary>
public sealed class BrandLogo
{
    /// <summary>Small enough for a database row and a web page; a print-quality file belongs to the publicity work.</summary>
    public const int MaxBytes = 512 * 1024;

    private BrandLogo() { }

    public BrandLogo(Guid brandId, string contentType, byte[] content)
    {
        BrandId = brandId;
        Replace(contentType, content);
    }

    public Guid BrandId { get; private set; }
    public string ContentType { get; private set; } = "";
    public byte[] Content { get; private set; } = [];

    public void Replace(string contentType, byte[] content)
    {
        ContentType = contentType;
        Content = content;
    }

    /// <summary>
    /// The image type the bytes really are (PNG or JPEG by their signature), whatever the request claimed; null for
    /// anything else, so a renamed file of another kind is never served as an image.
    /// </summary>
    public static string? SniffContentType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
