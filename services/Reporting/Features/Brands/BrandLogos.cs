using System.Globalization;
using BrandPlatform.Platform.Http;
using BrandPlatform.Platform.Security;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Features.Supervision;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Reporting.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.Brands;

/// <summary>
/// A brand's logo, /api/supervision/brands/{id}/logo: a PNG or JPEG image of at most 512 KiB sent as the request body,
/// kept in the database. The bytes must be the image the Content-Type claims, so nothing else is ever served as one.
/// </summary>
public static class BrandLogos
{
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg"];

    public static RouteGroupBuilder MapBrandLogos(this RouteGroupBuilder supervision)
    {
        // The body is read by the handler, not declared with Accepts: routing would answer a wrong Content-Type with 415
        // before authorization, telling a caller without access what the endpoint takes.
        supervision.MapPut(Brands.BrandPath + "/logo", UploadAsync)
            .ChecksIfMatch()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequirePersonAccess(SupervisionAccess.WriteScopes, BrandAccess.Keepers)
            .WithName("UploadBrandLogo")
            .WithSummary("Upload or replace a brand's logo: the body is a PNG or JPEG image (Content-Type image/png or image/jpeg), at most 512 KiB");
        supervision.MapGet(Brands.BrandPath + "/logo", DownloadAsync)
            .Produces<Stream>(StatusCodes.Status200OK, ImageTypes[0], ImageTypes[1..])
            .RequirePersonAccess(SupervisionAccess.ReadScopes, SupervisionAccess.Participants)
            .WithName("GetBrandLogo")
            .WithSummary("A brand's logo image");
        return supervision;
    }

    internal static async Task<Results<Ok<BrandResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpContext context, ReportingDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (brand, refused) = await db.KeptBrandAsync(id, context, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var declared = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (declared is null || !ImageTypes.Contains(declared))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, BrandTexts.LogoTypeUnsupported_Title, BrandTexts.LogoTypeUnsupported_Detail);
        }
        if (await ReadAtMostAsync(context.Request, BrandLogo.MaxBytes, cancellationToken) is not { } content)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, BrandTexts.LogoTooLarge_Title,
                string.Format(CultureInfo.CurrentCulture, BrandTexts.LogoTooLarge_Detail, BrandLogo.MaxBytes / 1024));
        }
        if (BrandLogo.SniffContentType(content) != declared)
        {
            return Problem(StatusCodes.Status400BadRequest, BrandTexts.LogoNotImage_Title,
                string.Format(CultureInfo.CurrentCulture, BrandTexts.LogoNotImage_Detail, declared));
        }
        if (await db.BrandLogos.FindAsync([id], cancellationToken) is { } logo)
        {
            logo.Replace(declared, content);
        }
        else
        {
            db.BrandLogos.Add(new BrandLogo(id, declared, content));
        }
        brand!.SetLogo(declared, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        context.Response.Headers.ETag = BrandResponse.ETagOf(brand);
        return TypedResults.Ok(BrandResponse.From(brand));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        Guid id, ReportingDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Brands.AnyAsync(b => b.Id == id, cancellationToken))
        {
            return BrandAccess.BrandNotFound();
        }
        var logo = await db.BrandLogos.AsNoTracking().SingleOrDefaultAsync(l => l.BrandId == id, cancellationToken);
        return logo is null
            ? Problem(StatusCodes.Status404NotFound, BrandTexts.LogoNotFound_Title, BrandTexts.LogoNotFound_Detail)
            : TypedResults.File(logo.Content, logo.ContentType);
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than one byte past it).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }
        return buffer.ToArray();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status);
}
