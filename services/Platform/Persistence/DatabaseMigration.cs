using BrandPlatform.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BrandPlatform.Platform.Persistence;

public static class DatabaseMigration
{
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// Runs the service. In Development the schema is migrated on start; elsewhere migrations are a deliberate step:
    /// <c>dotnet &lt;Service&gt;.dll migrate</c> applies them and exits, so a release can migrate before it serves.
    /// </summary>
    /// <param name="seedDevelopmentData">Runs after migrating in Development only (demo data never reaches production).</param>
    public static async Task RunServiceAsync<TDbContext>(
        this WebApplication app, string[] args, Func<IServiceProvider, CancellationToken, Task>? seedDevelopmentData = null)
        where TDbContext : DbContext
    {
        if (args.Contains(MigrateCommand, StringComparer.OrdinalIgnoreCase))
        {
            await MigrateAsync<TDbContext>(app.Services, app.Lifetime.ApplicationStopping);
            return;
        }
        // Noted now, before any lock is waited for (see ReplicaStart).
        _ = app.Services.GetRequiredService<ReplicaStart>();
        var migrate = app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:MigrateOnStart");
        var seed = app.Environment.IsDevelopment() && seedDevelopmentData is not null;
        if (migrate || seed)
        {
            // Replicas starting together take turns: the first migrates and seeds, the others find it done. The lock
            // lives in the service's database, so a first start creates that first.
            if (migrate)
            {
                await CreateDatabaseIfMissingAsync<TDbContext>(app.Services, app.Lifetime.ApplicationStopping);
            }
            await using var turn = await app.Services.GetRequiredService<DatabaseLocks>().TakeAsync("start-up", app.Lifetime.ApplicationStopping);
            if (migrate)
            {
                await MigrateAsync<TDbContext>(app.Services, app.Lifetime.ApplicationStopping);
            }
            if (seed)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await seedDevelopmentData!(scope.ServiceProvider, app.Lifetime.ApplicationStopping);
            }
        }
        await app.RunAsync();
    }

    private static async Task CreateDatabaseIfMissingAsync<TDbContext>(IServiceProvider services, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var creator = scope.ServiceProvider.GetRequiredService<TDbContext>().GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica created it a moment ago.
        }
    }

    public static async Task MigrateAsync<TDbContext>(IServiceProvider services, CancellationToken cancellationToken)
        where TDbContext : DbContext
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("BrandPlatform.Migrations");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migrations to {Database}", pending.Count, db.Database.GetDbConnection().Database);
        await db.Database.MigrateAsync(cancellationToken);
        SharedDataProtection.CreateFirstKey(services);
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's DbContext without its host. The connection string is only
/// used for commands that touch a database (e.g. <c>dotnet ef database update</c>).
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext> where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("BRANDPLATFORM_DESIGN_CONNECTION")
            ?? "Host=127.0.0.1;Database=design;Username=postgres";
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
