using System.Diagnostics;
using System.Text.RegularExpressions;
using BrandPlatform.Testing;
using Npgsql;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Operations;

/// <summary>
/// The runbook's backup (README, "Runbook"): scripts/backup-check.sh backs a database up with pg_dump, restores it into
/// a scratch server and compares every table's exact row count with the one counted in the dump's snapshot.
/// </summary>
public sealed class BackupCheckTests(TestServers servers)
{
    [Fact]
    public async Task A_backed_up_database_restores_into_a_scratch_server_with_every_table_s_rows()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var target = new NpgsqlConnectionStringBuilder(servers.NewDatabase("backup"));
        await ExecuteAsync(servers.PostgresServer, $"CREATE DATABASE \"{target.Database}\"", cancellationToken);
        try
        {
            // Two schemas, a name that needs quoting, and an empty table.
            await ExecuteAsync(target.ConnectionString, """
                CREATE SCHEMA ledger;
                CREATE TABLE ledger.entries (id int PRIMARY KEY, note text NOT NULL);
                INSERT INTO ledger.entries SELECT i, 'entry ' || i FROM generate_series(1, 250) AS i;
                CREATE TABLE public."OutboxMessages" (id uuid PRIMARY KEY);
                INSERT INTO public."OutboxMessages" SELECT gen_random_uuid() FROM generate_series(1, 3);
                CREATE TABLE public.empty_table (id int);
                """, cancellationToken);

            var (exitCode, output) = await RunBackupCheckAsync(target, cancellationToken);

            exitCode.ShouldBe(0, output);
            TableLine(output, target.Database!, "ledger.entries").ShouldBe(["250", "250", "ok"], output);
            TableLine(output, target.Database!, "public.OutboxMessages").ShouldBe(["3", "3", "ok"], output);
            TableLine(output, target.Database!, "public.empty_table").ShouldBe(["0", "0", "ok"], output);
            output.ShouldContain("3 tables, 0 mismatched");
        }
        finally
        {
            await ExecuteAsync(servers.PostgresServer, $"DROP DATABASE \"{target.Database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>The counts backed up and restored and the verdict on a table's line of the script's table.</summary>
    private static string[] TableLine(string output, string database, string table)
    {
        var line = Regex.Match(output, $@"^{Regex.Escape(database)}\s+{Regex.Escape(table)}\s+(\S+)\s+(\S+)\s+(\S+)$", RegexOptions.Multiline);
        line.Success.ShouldBeTrue($"no line for {table} in:\n{output}");
        return [line.Groups[1].Value, line.Groups[2].Value, line.Groups[3].Value];
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(int ExitCode, string Output)> RunBackupCheckAsync(NpgsqlConnectionStringBuilder server, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "scripts", "backup-check.sh"), server.Database!])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password ?? "";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "scripts", "backup-check.sh")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"scripts/backup-check.sh was not found above {AppContext.BaseDirectory}");
    }
}
