using BrandPlatform.Platform.Organisation;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using BrandPlatform.Study.Features.Branches;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Study.Infrastructure;

public sealed class StudyDbContext(DbContextOptions<StudyDbContext> options) : DbContext(options), IDirectoryUnits
{
    public DbSet<DirectoryUnit> Units => Set<DirectoryUnit>();
    public DbSet<BranchMember> BranchMembers => Set<BranchMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddDirectoryUnits();
        modelBuilder.Entity<BranchMember>(member =>
        {
            member.ToTable("branch_members");
            member.Property(m => m.Id).ValueGeneratedNever();
            member.Property(m => m.DisplayName).HasMaxLength(50);
            member.HasIndex(m => new { m.BranchId, m.LeftOn });
            member.HasIndex(m => m.PersonId);
        });
    }
}

public sealed class StudyDesignTimeFactory : DesignTimeDbContextFactory<StudyDbContext>;
