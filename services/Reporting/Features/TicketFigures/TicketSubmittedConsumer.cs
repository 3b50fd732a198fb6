using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Reporting.Features.TicketFigures;

public sealed class TicketSubmittedConsumer(ReportingDbContext db, TimeProvider timeProvider, ILogger<TicketSubmittedConsumer> logger)
    : InboxConsumer<TicketSubmitted, ReportingDbContext>(db, timeProvider, logger)
{
    protected override async Task HandleAsync(TicketSubmitted message, CancellationToken cancellationToken)
    {
        // The inbox stops a redelivered message; a ticket already known by id (e.g. re-announced after a restore)
        // is a fact we already have.
        if (!await Db.TicketRecords.AnyAsync(t => t.TicketId == message.TicketId, cancellationToken))
        {
            Db.TicketRecords.Add(new TicketRecord(message.TicketId, message.Number, message.Category, message.SubmittedAt));
        }
    }
}
