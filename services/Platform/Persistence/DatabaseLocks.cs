using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BrandPlatform.Platform.Persistence;

/// <summary>
/// PostgreSQL session advisory locks in the service's own database, each on a connection of its own: work that must
/// happen once however many replicas run (a scheduler's pass, seeding at start, the directory's re-announcement) takes
/// one by name. A replica that dies holding a lock drops its connection, and the lock with it.
/// </summary>
public sealed class DatabaseLocks(string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource = OwnDataSource(connectionString);

    /// <summary>The lock, or null at once when another replica holds it (that replica is doing the work).</summary>
    public Task<DatabaseLock?> TryTakeAsync(string name, CancellationToken cancellationToken) =>
        TakeAsync(name, wait: false, cancellationToken);

    /// <summary>The lock, waiting while another replica holds it.</summary>
    public async Task<DatabaseLock> TakeAsync(string name, CancellationToken cancellationToken) =>
        (await TakeAsync(name, wait: true, cancellationToken))!;

    private async Task<DatabaseLock?> TakeAsync(string name, bool wait, CancellationToken cancellationToken)
    {
        var key = KeyOf(name);
        var connection = dataSource.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(wait ? "SELECT pg_advisory_lock($1)" : "SELECT pg_try_advisory_lock($1)", connection)
            {
                Parameters = { new NpgsqlParameter { Value = key } },
            };
            var answer = await command.ExecuteScalarAsync(cancellationToken);
            if (!wait && answer is not true)
            {
                await connection.DisposeAsync();
                return null;
            }
            return new DatabaseLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>
    /// A pool of its own, closed with the service (a global pool's connections would outlive a stopped host), whose
    /// commands stay out of traces while the work is quiet, as the service's own database commands do.
    /// </summary>
    internal static NpgsqlDataSource OwnDataSource(string connectionString) => new NpgsqlDataSourceBuilder(connectionString)
        .ConfigureTracing(tracing => tracing.ConfigureCommandFilter(_ => !PlatformTelemetry.IsQuiet))
        .Build();

    /// <summary>The same number in every process for the same name (string.GetHashCode differs between processes).</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("brandplatform:" + name)));
}

/// <summary>A held advisory lock; disposing releases it.</summary>
public sealed class DatabaseLock : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly long key;

    internal DatabaseLock(NpgsqlConnection connection, long key) => (this.connection, this.key) = (connection, key);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new NpgsqlParameter { Value = key } } };
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the session's locks went with it.
        }
        finally
        {
            // Returned to the pool: Npgsql resets the session (DISCARD ALL), which releases anything left.
            await connection.DisposeAsync();
        }
    }
}

/// <summary>
/// When this replica began to start, before it waited for any lock: work done once per rollout asks whether another
/// replica did it since then (it was waiting meanwhile) or only before (this is a later start, and does it again).
/// </summary>
public sealed class ReplicaStart(TimeProvider timeProvider)
{
    public DateTimeOffset At { get; } = timeProvider.GetUtcNow();
}
