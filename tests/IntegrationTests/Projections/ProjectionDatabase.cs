using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.IntegrationTests.Projections;

/// <summary>
/// A service's database of its own on the real PostgreSQL, migrated, for driving a projection directly (no broker):
/// each delivery gets a fresh DbContext, as each consumed message gets its own scope.
/// </summary>
public sealed class ProjectionDatabase<TDbContext>(TestServers servers) : IAsyncLifetime where TDbContext : DbContext
{
    private DbContextOptions<TDbContext> options = null!;

    public TDbContext NewContext() => (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;

    public async ValueTask InitializeAsync()
    {
        options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql(servers.NewDatabase("projection"))
            .UseSnakeCaseNamingConvention()
            .Options;
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
