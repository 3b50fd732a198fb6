using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Discipline.Infrastructure;

public sealed class DisciplineDbContext(DbContextOptions<DisciplineDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

public sealed class DisciplineDesignTimeFactory : DesignTimeDbContextFactory<DisciplineDbContext>;
