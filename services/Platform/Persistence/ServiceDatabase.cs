using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BrandPlatform.Platform.Persistence;

/// <summary>
/// A process's own PostgreSQL database through EF Core, and what its replicas share through it: the advisory locks and
/// the start-up migration (<see cref="DatabaseMigration.RunServiceAsync{TDbContext}"/>). Every service has one through
/// <c>AddPlatformService</c>; a process without the broker and the rest may have it alone.
/// </summary>
public static class ServiceDatabase
{
    /// <param name="databaseName">Connection string name of the process's own database.</param>
    /// <param name="configure">More for the context's options (the outbox's interceptor).</param>
    /// <returns>The database's connection string.</returns>
    public static string AddServiceDatabase<TDbContext>(
        this WebApplicationBuilder builder, string databaseName, Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(databaseName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{databaseName} is not configured.");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => new DatabaseLocks(connectionString));
        builder.Services.AddSingleton<ReplicaStart>();
        builder.Services.AddDbContextPool<TDbContext>((services, options) =>
        {
            options
                .UseNpgsql(
                    connectionString,
                    npgsql => npgsql.ConfigureDataSource(dataSource => dataSource.ConfigureTracing(tracing =>
                        tracing.ConfigureCommandFilter(_ => !PlatformTelemetry.IsQuiet))))
                .UseSnakeCaseNamingConvention();
            configure?.Invoke(services, options);
        });
        // Adds the database health check, Npgsql tracing and transient-failure retries to the context above.
        builder.EnrichNpgsqlDbContext<TDbContext>();
        return connectionString;
    }
}
