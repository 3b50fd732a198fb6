using BrandPlatform.Testing;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Platform.Organisation;

namespace BrandPlatform.IntegrationTests.Tickets;

/// <summary>
/// The shared identity host seeds its directory before a tickets host starts, so the directory's first announcements
/// reached no tickets queue (the AppHost starts identity after its subscribers for this reason). Tests put the
/// directory's units into the tickets database as its consumers would have; <c>HandlingUnitTests</c> proves the consumers.
/// </summary>
public static class TicketUnits
{
    public const string InvestmentTaskForce = "招商服务专班";
    public const string RelocationTaskForce = "征迁服务专班";
    public const string Office = "办公室";

    /// <summary>The directory's units copied into <paramref name="service"/>'s database (tickets, study, liaison), by name.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> CopyDirectoryAsync<TDbContext>(IdentityHost identity, ServiceFactory<TDbContext> service)
        where TDbContext : Microsoft.EntityFrameworkCore.DbContext, IDirectoryUnits
    {
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var units = await admin.AllItemsAsync("/identity/api/directory/units", TestContext.Current.CancellationToken);
        var copied = units.Select(u => new DirectoryUnit(
            u.GetProperty("id").GetGuid(), u.GetProperty("kind").GetString()!, u.GetProperty("name").GetString()!,
            u.GetProperty("parentId").ValueKind == JsonValueKind.Null ? null : u.GetProperty("parentId").GetGuid())).ToList();
        await service.QueryAsync(async db =>
        {
            var known = db.Units.Select(u => u.Id).ToHashSet();
            db.Units.AddRange(copied.Where(u => !known.Contains(u.Id)));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return copied.GroupBy(u => u.Name).ToDictionary(g => g.Key, g => g.First().Id);
    }
}
