using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Messaging;

/// <summary>A row a projection keeps per aggregate of one event family: found by the key an event names, made by its first event.</summary>
public interface IEventRecord<TEvent, TSelf>
    where TSelf : class
{
    static abstract Guid KeyOf(TEvent integrationEvent);

    static abstract TSelf For(TEvent integrationEvent);

    /// <summary>Takes an event into the row, in the aggregate's order (the base projection sees to the order).</summary>
    void Apply(TEvent integrationEvent);
}

/// <summary>
/// The common projection of one row per aggregate: find the row of the event's aggregate (or add it), apply the event;
/// the table is the projection's own, so clearing it for a rebuild deletes every row.
/// </summary>
public abstract class RecordProjection<TEvent, TRecord, TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : VersionedProjection<TEvent, TDbContext>(db, timeProvider, logger)
    where TEvent : Contracts.IntegrationEvent
    where TRecord : class, IEventRecord<TEvent, TRecord>
    where TDbContext : DbContext
{
    protected override async Task ApplyAsync(TEvent integrationEvent, CancellationToken cancellationToken)
    {
        var records = Db.Set<TRecord>();
        var record = await records.FindAsync([TRecord.KeyOf(integrationEvent)], cancellationToken);
        if (record is null)
        {
            record = TRecord.For(integrationEvent);
            records.Add(record);
        }
        record.Apply(integrationEvent);
    }

    public override Task ClearAsync(CancellationToken cancellationToken) => Db.Set<TRecord>().ExecuteDeleteAsync(cancellationToken);
}
