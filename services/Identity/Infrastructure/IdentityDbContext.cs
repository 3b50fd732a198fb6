using BrandPlatform.Platform.Messaging;
using BrandPlatform.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Identity.Infrastructure;

/// <summary>Users (ASP.NET Core Identity), OpenIddict's applications, scopes and tokens, and the outbox.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options)
    : IdentityDbContext<IdentityUser<Guid>, IdentityRole<Guid>, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class IdentityDesignTimeFactory : DesignTimeDbContextFactory<IdentityDbContext>;
