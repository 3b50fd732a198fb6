using BrandPlatform.IntegrationTests.WholePlatform;
using BrandPlatform.Platform.Organisation;
using BrandPlatform.Reporting.Domain;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.Supervision;

/// <summary>
/// The authorization matrix's brand records, all 第二党支部's (the officer's branch, not the secretary's): the branch
/// copied into reporting's directory, its brand with a PNG logo and one measure, and a highlight awaiting the office.
/// </summary>
public static class BrandMatrixRecords
{
    public sealed record Records(Guid Brand, Guid Measure, Guid Highlight);

    internal static async Task<Records> SetUpAsync(WholePlatformFixture platform, CancellationToken cancellationToken) =>
        await platform.Services["reporting"].QueryAsync(async context =>
        {
            var db = (ReportingDbContext)context;
            var branch = platform.Units["第二党支部"];
            if (!await db.Units.AnyAsync(u => u.Id == branch, cancellationToken))
            {
                db.Units.Add(new DirectoryUnit(branch, UnitKinds.Branch, "第二党支部", null));
            }
            var now = DateTimeOffset.UtcNow;
            var brand = Brand.Register(Guid.CreateVersion7(), branch, "矩阵品牌", "矩阵领域", "矩阵品牌内涵", "矩阵口号", now);
            var measure = brand.AddMeasure(Guid.CreateVersion7(), "矩阵举措", branch, null, new DateOnly(2026, 12, 31), "矩阵预期成效", now);
            brand.SetLogo("image/png", now);
            var highlight = new BrandHighlight(Guid.CreateVersion7(), brand.Id, branch, "矩阵亮点", "矩阵亮点摘要", "office", now);
            db.Brands.Add(brand);
            db.BrandLogos.Add(new BrandLogo(brand.Id, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
            db.BrandHighlights.Add(highlight);
            await db.SaveChangesAsync(cancellationToken);
            return new Records(brand.Id, measure.Id, highlight.Id);
        });
}
