using BrandPlatform.Contracts;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Platform.Messaging;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>
/// Two replicas of the identity service starting at the same moment on a fresh database (a first rollout with two
/// replicas): both come up, one migrates, makes the first data-protection key and seeds while the other waits its turn,
/// and the directory is announced once.
/// </summary>
public sealed class ReplicaStartTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_starting_together_on_a_fresh_database_seed_once_and_announce_the_directory_once()
    {
        var settings = await IdentityHost.ReplicaSettingsAsync(servers);

        // Each on a thread of its own: a factory's start blocks its caller until the host has started.
        var replicas = await Task.WhenAll(
            Task.Run(() => ServiceFactory<IdentityDbContext>.CreateAsync(servers, "identity", "identitydb", settings), Cancel),
            Task.Run(() => ServiceFactory<IdentityDbContext>.CreateAsync(servers, "identity", "identitydb", settings), Cancel));
        try
        {
            foreach (var replica in replicas)
            {
                await replica.WaitUntilHealthyAsync(Cancel);
            }
            var first = replicas[0];
            var units = await first.QueryAsync(db => db.OrganisationUnits.CountAsync(Cancel));
            units.ShouldBeGreaterThan(0);
            (await first.QueryAsync(db => db.Users.CountAsync(u => u.UserName == "office", Cancel))).ShouldBe(1);
            (await first.QueryAsync(db => db.DataProtectionKeys.CountAsync(Cancel))).ShouldBe(1, "the key ring's first key made once, as the schema was");
            var announced = EventNameAttribute.Of(typeof(OrganisationUnitAnnounced));
            (await first.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.EventName == announced, Cancel)))
                .ShouldBe(units, "each unit announced once, by one of the two replicas");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }
}
