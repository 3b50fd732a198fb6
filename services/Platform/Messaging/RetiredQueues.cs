using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace BrandPlatform.Platform.Messaging;

/// <summary>
/// The queues a projection's events had before it had one queue of its own: one per event type,
/// <c>{service}-{event}</c>. Left in place they would stay bound to the events and fill up forever, so at start, once
/// the projection's queue exists, each is cut from the events (its exchange deleted), whatever it still holds (and its
/// error queue's, for another attempt) moves to the projection's queue, where versions make a copy of an applied event
/// harmless, and it is deleted. A failure is logged and the next start tries again.
/// </summary>
internal sealed partial class RetiredQueues(Uri broker, IReadOnlyList<RetiredQueues.Queue> queues, ILogger<RetiredQueues> logger)
    : BackgroundService
{
    public sealed record Queue(string Name, string Successor);

    private static readonly TimeSpan SuccessorWait = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = "retired-queues" };
            await using var connection = await factory.CreateConnectionAsync(stoppingToken);
            foreach (var queue in queues)
            {
                if (await ExistsAsync(connection, queue.Name, stoppingToken))
                {
                    await RetireAsync(connection, queue, stoppingToken);
                }
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, exception);
        }
    }

    private async Task RetireAsync(IConnection connection, Queue queue, CancellationToken cancellationToken)
    {
        // The bus declares the successor as it starts; nothing may move before it exists.
        var waited = TimeSpan.Zero;
        while (!await ExistsAsync(connection, queue.Successor, cancellationToken))
        {
            if (waited >= SuccessorWait)
            {
                throw new InvalidOperationException($"Queue {queue.Successor} does not exist; {queue.Name} stays until the next start.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            waited += TimeSpan.FromMilliseconds(500);
        }

        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeleteAsync(queue.Name, ifUnused: false, cancellationToken: cancellationToken);
        var moved = await ErrorQueueReplayer.MoveAsync(connection, queue.Name, queue.Successor, int.MaxValue, cancellationToken);
        var faulted = await ErrorQueueReplayer.MoveAsync(connection, queue.Name + ErrorQueueReplayer.ErrorSuffix, queue.Successor, int.MaxValue, cancellationToken);
        await channel.QueueDeleteAsync(queue.Name, ifUnused: false, ifEmpty: true, cancellationToken: cancellationToken);
        if (await ExistsAsync(connection, queue.Name + ErrorQueueReplayer.ErrorSuffix, cancellationToken))
        {
            await channel.ExchangeDeleteAsync(queue.Name + ErrorQueueReplayer.ErrorSuffix, ifUnused: false, cancellationToken: cancellationToken);
            await channel.QueueDeleteAsync(queue.Name + ErrorQueueReplayer.ErrorSuffix, ifUnused: false, ifEmpty: true, cancellationToken: cancellationToken);
        }
        LogRetired(logger, queue.Name, moved, faulted, queue.Successor);
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A failed passive declaration closes its channel: each check has its own.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retired queue {Queue}: {Moved} waiting and {Faulted} faulted messages moved to {Successor}")]
    private static partial void LogRetired(ILogger logger, string queue, int moved, int faulted, string successor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retiring the per-event queues failed; the next start tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
