using Shouldly;

namespace BrandPlatform.IntegrationTests.WholePlatform;

[Collection(WholePlatformCollection.Name)]
public sealed class WholePlatformFixtureTests(WholePlatformFixture platform)
{
    [Fact]
    public async Task Every_caller_kind_but_anonymous_gets_a_token_and_every_service_maps_endpoints()
    {
        foreach (var caller in CallerKind.All)
        {
            var token = await caller.TokenAsync(platform.Identity);
            (token is null).ShouldBe(caller == CallerKind.Anonymous, caller.Name);
        }
        platform.Services.Keys.ShouldBe(ServiceNames.Apis, ignoreOrder: true);
        foreach (var service in platform.Services.Values)
        {
            service.Endpoints.ShouldNotBeEmpty(service.Name);
            (await service.QueryAsync(db => Task.FromResult(db.Database.ProviderName))).ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
        }
    }
}
