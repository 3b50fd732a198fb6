using BrandPlatform.Testing;
using BrandPlatform.Tickets.Domain;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// A year's ticket numbers come from a PostgreSQL sequence, so concurrent submissions do not queue behind one counter:
/// unique and increasing within a year, restarting each year, a gap where a submission was rolled back.
/// </summary>
public sealed class TicketNumberingTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_submissions_take_distinct_numbers_and_the_first_of_a_new_year_is_one()
    {
        var database = await MigratedDatabaseAsync();

        // The first submissions of a year race to create its sequence: none fails, none shares a number.
        var taken = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => TakeAsync(database, new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.Zero))));
        taken.Select(n => n.Value).Order().ShouldBe([.. Enumerable.Range(1, 16).Select(i => $"QY-2031-{i:D6}")]);

        (await TakeAsync(database, new DateTimeOffset(2031, 12, 31, 12, 0, 0, TimeSpan.Zero))).Value.ShouldBe("QY-2031-000017");
        // 31 December 16:00 UTC is already 1 January in China: the new year's register starts at one.
        (await TakeAsync(database, new DateTimeOffset(2031, 12, 31, 16, 0, 0, TimeSpan.Zero))).Value.ShouldBe("QY-2032-000001");
    }

    [Fact]
    public async Task A_submission_rolled_back_after_taking_its_number_leaves_a_gap_and_holds_no_one_up()
    {
        var database = await MigratedDatabaseAsync();
        var now = new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);
        (await TakeAsync(database, now)).Value.ShouldBe("QY-2030-000001");

        await using (var open = Context(database))
        await using (var transaction = await open.Database.BeginTransactionAsync(Cancel))
        {
            (await open.NextAsync(now, Cancel)).Value.ShouldBe("QY-2030-000002");
            // While that submission is still open another one takes its number at once (the counter row used to wait).
            (await TakeAsync(database, now).WaitAsync(TimeSpan.FromSeconds(5), Cancel)).Value.ShouldBe("QY-2030-000003");
            await transaction.RollbackAsync(Cancel);
        }

        (await TakeAsync(database, now)).Value.ShouldBe("QY-2030-000004");
    }

    [Fact]
    public async Task The_migration_carries_each_years_counter_on_into_its_sequence()
    {
        await using var db = Context(servers.NewDatabase("ticketnumbers"));
        var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
        var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_TicketNumberSequences", StringComparison.Ordinal)).Last();
        await migrator.MigrateAsync(before, Cancel);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ticket_number_sequences (year, last_value) VALUES (2029, 41)", Cancel);

        await migrator.MigrateAsync(cancellationToken: Cancel);

        (await db.NextAsync(new DateTimeOffset(2029, 5, 1, 0, 0, 0, TimeSpan.Zero), Cancel)).Value.ShouldBe("QY-2029-000042");
        (await db.NextAsync(new DateTimeOffset(2028, 5, 1, 0, 0, 0, TimeSpan.Zero), Cancel)).Value.ShouldBe("QY-2028-000001");
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var database = servers.NewDatabase("ticketnumbers");
        await using var db = Context(database);
        await db.Database.MigrateAsync(Cancel);
        return database;
    }

    private static async Task<TicketNumber> TakeAsync(string database, DateTimeOffset now)
    {
        await using var db = Context(database);
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        var number = await db.NextAsync(now, Cancel);
        await transaction.CommitAsync(Cancel);
        return number;
    }

    private static TicketsDbContext Context(string database) =>
        new(new DbContextOptionsBuilder<TicketsDbContext>().UseNpgsql(database).UseSnakeCaseNamingConvention().Options);
}
