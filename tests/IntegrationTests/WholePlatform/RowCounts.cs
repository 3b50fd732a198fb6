using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.WholePlatform;

/// <summary>
/// The number of rows in every table of a service's database (its outbox included), counted exactly in one query, so a
/// test can tell whether a request wrote anything.
/// </summary>
internal sealed class RowCounts
{
    private readonly PlatformService service;
    private readonly string countAll;

    private RowCounts(PlatformService service, string countAll)
    {
        this.service = service;
        this.countAll = countAll;
    }

    public static async Task<RowCounts> OfAsync(PlatformService service)
    {
        var tables = await service.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            """
            SELECT format('%I.%I', table_schema, table_name) AS "Value" FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1
            """).ToListAsync());
        return new RowCounts(service, string.Join("\nUNION ALL ", tables.Select(t => $"SELECT '{t.Replace("'", "''")}', count(*) FROM {t}")));
    }

    public Task<Dictionary<string, long>> TakeAsync(CancellationToken cancellationToken) => service.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = countAll;
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    });

    /// <summary>
    /// Waits until nothing else writes (events of earlier tests being consumed), so that rows appearing during a request
    /// were written by that request.
    /// </summary>
    public async Task WaitUntilStillAsync(CancellationToken cancellationToken)
    {
        var last = await TakeAsync(cancellationToken);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = await TakeAsync(cancellationToken);
            if (Grown(last, now).Count == 0)
            {
                return;
            }
            last = now;
        }
    }

    /// <summary>The tables that have more rows than before.</summary>
    public static IReadOnlyList<string> Grown(Dictionary<string, long> before, Dictionary<string, long> after) =>
        [.. after.Where(t => t.Value > before.GetValueOrDefault(t.Key)).Select(t => $"{t.Key} (+{t.Value - before.GetValueOrDefault(t.Key)})")];
}
