using BrandPlatform.Platform.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BrandPlatform.Portal.Infrastructure;

/// <summary>
/// The portal's own database, holding only the data-protection keys its replicas share: what people work on lives in
/// the services, which the portal calls through the gateway.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

public sealed class PortalDesignTimeFactory : DesignTimeDbContextFactory<PortalDbContext>;
