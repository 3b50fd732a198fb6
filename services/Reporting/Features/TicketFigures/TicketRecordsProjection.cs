using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>Reporting's record of each ticket, from every ticket event in the ticket's order (queue reporting-ticket-records).</summary>
[ProjectionName("ticket-records")]
public sealed class TicketRecordsProjection(ReportingDbContext db, TimeProvider timeProvider, ILogger<TicketRecordsProjection> logger)
    : VersionedProjection<TicketEvent, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task ApplyAsync(TicketEvent integrationEvent, CancellationToken cancellationToken)
    {
        var record = await Db.TicketRecords.FindAsync([integrationEvent.TicketId], cancellationToken);
        if (record is null)
        {
            record = TicketRecord.For(integrationEvent);
            Db.TicketRecords.Add(record);
        }
        record.Apply(integrationEvent);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.TicketRecords.ExecuteDeleteAsync(cancellationToken);
}
