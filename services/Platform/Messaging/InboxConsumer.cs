using BrandPlatform.Contracts;
using BrandPlatform.Platform.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// A consumer that applies each message once. The inbox row and the consumer's own changes commit in one SaveChanges;
/// a redelivered MessageId (after a crash, a replay from the error queue, an outbox re-send) is acknowledged unchanged.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider timeProvider, ILogger logger)
    : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db => db;
    protected TimeProvider Time => timeProvider;

    /// <summary>Applies the message to the DbContext; do not call SaveChanges, the base class commits.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? context.Message.EventId;
        var consumer = GetType().FullName!;
        var cancellationToken = context.CancellationToken;
        CorrelationContext.Current = context.Message.CorrelationId;

        // A retry gets the same DbContext: forget whatever the failed attempt left tracked.
        db.ChangeTracker.Clear();
        if (await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
        {
            LogDuplicate(logger, messageId, consumer);
            return;
        }

        await HandleAsync(context.Message, cancellationToken);
        db.Set<InboxMessage>().Add(new InboxMessage(messageId, consumer, timeProvider.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation(InboxMessage.PrimaryKeyName))
        {
            // The same message was being applied concurrently and committed first; its effects stand. Any other
            // conflict (say, two events of one ticket creating its record at once) is retried: nothing may be dropped.
            LogDuplicate(logger, messageId, consumer);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} was already applied by {Consumer}; acknowledged without effect")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
