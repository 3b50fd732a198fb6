using Microsoft.Extensions.Logging;
using Npgsql;

namespace BrandPlatform.Platform.Persistence;

/// <summary>
/// PostgreSQL NOTIFY/LISTEN in the service's own database: how one replica tells the others, and itself, that
/// something happened that each must pass on to the people connected to it (live figures).
/// </summary>
public sealed partial class DatabaseNotifications(string connectionString, ILogger<DatabaseNotifications> logger) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = DatabaseLocks.OwnDataSource(connectionString);

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    public async Task NotifyAsync(string channel, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = channel }, new NpgsqlParameter { Value = payload } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Hands every payload on <paramref name="channel"/> to <paramref name="received"/> until cancelled, listening again
    /// after a lost connection (what was notified meanwhile is missed: listeners must treat notifications as hints).
    /// </summary>
    public async Task ListenAsync(string channel, Action<string> received, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, notification) => received(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(logger, exception, channel);
                await Task.Delay(ReconnectDelay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Channel} failed; listening again")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, string channel);
}
