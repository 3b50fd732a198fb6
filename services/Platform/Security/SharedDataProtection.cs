using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BrandPlatform.Platform.Security;

/// <summary>
/// ASP.NET Core's data-protection key ring (what encrypts cookies, antiforgery tokens, sign-in state and Blazor's
/// prerendered components) in the service's own database, so whatever one replica protected another opens.
/// </summary>
public static class SharedDataProtection
{
    /// <param name="applicationName">
    /// Fixed per service: keys are isolated by it, and ASP.NET Core's default, the content root, need not be the same
    /// path on every replica.
    /// </param>
    public static WebApplicationBuilder AddSharedDataProtection<TDbContext>(this WebApplicationBuilder builder, string applicationName)
        where TDbContext : DbContext, IDataProtectionKeyContext
    {
        builder.Services.AddDataProtection().SetApplicationName(applicationName).PersistKeysToDbContext<TDbContext>();
        return builder;
    }

    /// <summary>
    /// Makes the ring's first key if the service keeps its keys in its database and has none yet. Called by the one
    /// process that migrates (the migration Job, or the replica holding the start-up lock): replicas starting together
    /// on an empty ring would otherwise each make a key at their first request, and for a while not know each other's.
    /// </summary>
    internal static void CreateFirstKey(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository?.GetType() is { IsGenericType: true } repository
            && repository.GetGenericTypeDefinition() == typeof(EntityFrameworkCoreXmlRepository<>))
        {
            // Protecting loads the ring, and makes its default key when it has none.
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(CreateFirstKey)).Protect([]);
        }
    }
}
