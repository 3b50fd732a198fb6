using BrandPlatform.Platform.Hosting;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Hosting;

/// <summary>
/// The advisory locks replicas share through their database: a periodic work's pass runs on one replica at a time
/// (so reminders and escalations are not doubled), and a replica that dies lets go.
/// </summary>
public sealed class DatabaseLocksTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lock_held_by_one_replica_is_refused_to_another_until_released_or_its_connection_dies()
    {
        var database = await CreateDatabaseAsync();
        await using var first = new DatabaseLocks(database);
        await using var second = new DatabaseLocks(database);

        var held = await first.TryTakeAsync("reminders", Cancel);
        held.ShouldNotBeNull();
        (await second.TryTakeAsync("reminders", Cancel)).ShouldBeNull();
        await using (var other = await second.TryTakeAsync("escalation", Cancel))
        {
            other.ShouldNotBeNull("locks are by name");
        }
        await held.DisposeAsync();
        var taken = await second.TryTakeAsync("reminders", Cancel);
        taken.ShouldNotBeNull();

        // The holder's session ends (a crashed replica): the lock goes with it.
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync(Cancel);
            await using var terminate = new NpgsqlCommand(
                """
                SELECT pg_terminate_backend(pid) FROM pg_locks
                WHERE locktype = 'advisory' AND pid <> pg_backend_pid()
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, admin);
            await terminate.ExecuteNonQueryAsync(Cancel);
        }
        await Eventually.ReturnsAsync(async () =>
        {
            await using var again = await first.TryTakeAsync("reminders", Cancel);
            return again is not null;
        }, free => free, TimeSpan.FromSeconds(10), "the dead session's lock to be released", Cancel);
        await taken.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_of_a_periodic_work_never_run_a_pass_at_the_same_time_and_both_take_turns()
    {
        var database = await CreateDatabaseAsync();
        var passes = new Passes();
        var works = new[] { Replica(database, passes), Replica(database, passes) };

        foreach (var work in works)
        {
            await work.StartAsync(Cancel);
        }
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        foreach (var work in works)
        {
            await work.StopAsync(Cancel);
        }

        passes.Total.ShouldBeGreaterThan(10);
        passes.MostAtOnce.ShouldBe(1);
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var database = servers.NewDatabase("locks");
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await using var server = new NpgsqlConnection(servers.PostgresServer);
        await server.OpenAsync(Cancel);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
        await create.ExecuteNonQueryAsync(Cancel);
        return database;
    }

    private static CountedWork Replica(string database, Passes passes)
    {
        var services = new ServiceCollection().AddSingleton(_ => new DatabaseLocks(database)).BuildServiceProvider();
        return new CountedWork(services.GetRequiredService<IServiceScopeFactory>(), passes);
    }

    private sealed class Passes
    {
        private int inside;
        private int mostAtOnce;
        private int total;

        public int MostAtOnce => Volatile.Read(ref mostAtOnce);
        public int Total => Volatile.Read(ref total);

        public async Task PassAsync(CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref mostAtOnce, now);
            Interlocked.Increment(ref total);
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inside);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }

    /// <summary>A pass that takes 20 ms, every millisecond: without the lock two replicas would overlap at once.</summary>
    private sealed class CountedWork(IServiceScopeFactory scopes, Passes passes) : PeriodicWork(scopes, TimeProvider.System, NullLogger.Instance)
    {
        protected override TimeSpan Interval => TimeSpan.FromMilliseconds(1);

        protected override Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) => passes.PassAsync(cancellationToken);
    }
}
