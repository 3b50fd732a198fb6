using BrandPlatform.Contracts.Tickets;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Reporting.Infrastructure;

namespace BrandPlatform.Reporting.Features.TicketFigures;

/// <summary>Applies one kind of ticket event to reporting's record of the ticket, once (inbox).</summary>
public abstract class TicketEventConsumer<TEvent>(ReportingDbContext db, TimeProvider timeProvider, ILogger logger)
    : InboxConsumer<TEvent, ReportingDbContext>(db, timeProvider, logger)
    where TEvent : TicketEvent
{
    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var record = await Db.TicketRecords.FindAsync([message.TicketId], cancellationToken);
        if (record is null)
        {
            record = TicketRecord.For(message);
            Db.TicketRecords.Add(record);
        }
        record.Apply(message);
    }
}

public sealed class TicketSubmittedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketSubmittedConsumer> logger)
    : TicketEventConsumer<TicketSubmitted>(db, time, logger);

public sealed class TicketAcceptedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketAcceptedConsumer> logger)
    : TicketEventConsumer<TicketAccepted>(db, time, logger);

public sealed class TicketRejectedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketRejectedConsumer> logger)
    : TicketEventConsumer<TicketRejected>(db, time, logger);

public sealed class TicketAssignedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketAssignedConsumer> logger)
    : TicketEventConsumer<TicketAssigned>(db, time, logger);

public sealed class TicketPausedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketPausedConsumer> logger)
    : TicketEventConsumer<TicketPaused>(db, time, logger);

public sealed class TicketResumedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketResumedConsumer> logger)
    : TicketEventConsumer<TicketResumed>(db, time, logger);

public sealed class TicketRespondedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketRespondedConsumer> logger)
    : TicketEventConsumer<TicketResponded>(db, time, logger);

public sealed class TicketResolvedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketResolvedConsumer> logger)
    : TicketEventConsumer<TicketResolved>(db, time, logger);

public sealed class TicketConfirmedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketConfirmedConsumer> logger)
    : TicketEventConsumer<TicketConfirmed>(db, time, logger);

public sealed class TicketReopenedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketReopenedConsumer> logger)
    : TicketEventConsumer<TicketReopened>(db, time, logger);

public sealed class TicketWithdrawnConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketWithdrawnConsumer> logger)
    : TicketEventConsumer<TicketWithdrawn>(db, time, logger);

public sealed class TicketExtendedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketExtendedConsumer> logger)
    : TicketEventConsumer<TicketExtended>(db, time, logger);

public sealed class TicketRemindedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketRemindedConsumer> logger)
    : TicketEventConsumer<TicketReminded>(db, time, logger);

public sealed class TicketEscalatedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketEscalatedConsumer> logger)
    : TicketEventConsumer<TicketEscalated>(db, time, logger);

public sealed class TicketReturnVisitedConsumer(ReportingDbContext db, TimeProvider time, ILogger<TicketReturnVisitedConsumer> logger)
    : TicketEventConsumer<TicketReturnVisited>(db, time, logger);
