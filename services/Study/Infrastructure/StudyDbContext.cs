using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Infrastructure;

public sealed class StudyDbContext(DbContextOptions<StudyDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

public sealed class StudyDesignTimeFactory : DesignTimeDbContextFactory<StudyDbContext>;
