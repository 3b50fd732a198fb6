using BrandPlatform.Reporting.Features.Brands;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>
/// Tickets filed under a brand (the tickets service keeps any brand id: the registry lives here), by number and state:
/// reporting keeps no ticket's title or requester, and the page needs neither to show the work.
/// </summary>
public sealed class TicketsUnderBrand(ReportingDbContext db) : IBrandWorkSource
{
    public const string Kind = "ticket";

    public async Task<IReadOnlyList<BrandWorkItem>> ForBrandAsync(Guid brandId, CancellationToken cancellationToken) =>
        await db.TicketRecords.AsNoTracking()
            .Where(t => t.BrandId == brandId)
            .Select(t => new BrandWorkItem(Kind, t.TicketId, t.Number, t.State, t.SubmittedAt, t.BrandMeasureId))
            .ToListAsync(cancellationToken);
}
