using BrandPlatform.Discipline.Infrastructure;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Community.Infrastructure;
using BrandPlatform.Liaison.Infrastructure;
using BrandPlatform.Reporting.Infrastructure;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace BrandPlatform.IntegrationTests.WholePlatform;

/// <summary>
/// Every service of the platform in one place, each against its own database and virtual host, with the shared identity
/// service issuing real tokens. Tests that must cover every endpoint of every service (the authorization matrix, the
/// fuzz run) read the endpoints from here, so a service or endpoint added later is covered without being named.
/// </summary>
public class WholePlatformFixture(TestServers servers) : IAsyncLifetime
{
    /// <summary>A second government system, so each system has records that belong to another.</summary>
    public const string OtherClientId = "gov-other-client";
    public const string OtherClientSecret = "other-dev-secret";

    private readonly Dictionary<string, PlatformService> services = [];

    public IdentityHost Identity { get; private set; } = null!;
    public TestServers Servers => servers;
    public IReadOnlyDictionary<string, PlatformService> Services => services;
    /// <summary>The directory's units by name, as the tickets service knows them.</summary>
    public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;

    /// <summary>The tickets service, for records a test puts in as another service's events would.</summary>
    public ServiceFactory<TicketsDbContext> Tickets { get; private set; } = null!;
    public ServiceFactory<CommunityDbContext> Community { get; private set; } = null!;

    /// <summary>
    /// Whether the platform has an identity service of its own instead of the one the other tests share: a test that
    /// deactivates people and moves units at random (the fuzz run) must not take the shared accounts away from others.
    /// </summary>
    protected virtual bool OwnIdentity => false;

    public async ValueTask InitializeAsync()
    {
        Identity = OwnIdentity ? await IdentityHost.CreateAsync(servers) : await IdentityHost.SharedAsync(servers);
        var backchannel = Identity.Backchannel();
        var tickets = Tickets = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", identityBackchannel: backchannel);
        Add("tickets", tickets);
        Add("study", await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb", identityBackchannel: Identity.Backchannel()));
        Add("discipline", await ServiceFactory<DisciplineDbContext>.CreateAsync(servers, "discipline", "disciplinedb", identityBackchannel: Identity.Backchannel()));
        var liaison = await ServiceFactory<LiaisonDbContext>.CreateAsync(servers, "liaison", "liaisondb", identityBackchannel: Identity.Backchannel());
        Add("liaison", liaison);
        var community = Community = await ServiceFactory<CommunityDbContext>.CreateAsync(servers, "community", "communitydb", identityBackchannel: Identity.Backchannel());
        Add("community", community);
        Add("reporting", await ServiceFactory<ReportingDbContext>.CreateAsync(servers, "reporting", "reportingdb", identityBackchannel: Identity.Backchannel()));
        services["identity"] = PlatformService.Of("identity", Identity.Service, owned: OwnIdentity);
        Units = await TicketUnits.CopyDirectoryAsync(Identity, tickets);
        await TicketUnits.CopyDirectoryAsync(Identity, liaison);
        await TicketUnits.CopyDirectoryAsync(Identity, community);
        await RegisterOtherClientAsync();
    }

    private void Add<TDbContext>(string name, ServiceFactory<TDbContext> factory) where TDbContext : DbContext =>
        services[name] = PlatformService.Of(name, factory, owned: true);

    /// <summary>An HTTP client of <paramref name="service"/> that sends the token of <paramref name="caller"/> (none when anonymous).</summary>
    public async Task<HttpClient> ClientAsync(string service, CallerKind caller)
    {
        var client = services[service].CreateClient();
        return await caller.TokenAsync(Identity) is { } token ? IdentityHost.WithBearer(client, token) : client;
    }

    private async Task RegisterOtherClientAsync()
    {
        await using var scope = Identity.Service.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(OtherClientId) is not null)
        {
            return;
        }
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = OtherClientId,
            ClientSecret = OtherClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "另一政务系统",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scopeName in CallerKind.SystemScopes.Split(' '))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scopeName);
        }
        await applications.CreateAsync(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services.Values)
        {
            await service.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One hosted service: how to call it, its endpoints, and its database for looking at what it wrote.</summary>
public sealed class PlatformService : IAsyncDisposable
{
    private readonly Func<HttpClient> createClient;
    private readonly IAsyncDisposable? owner;

    private PlatformService(string name, IServiceProvider services, Type dbContextType, Func<HttpClient> createClient, IAsyncDisposable? owner)
    {
        Name = name;
        Services = services;
        DbContextType = dbContextType;
        this.createClient = createClient;
        this.owner = owner;
    }

    public string Name { get; }
    public IServiceProvider Services { get; }
    public Type DbContextType { get; }

    public static PlatformService Of<TDbContext>(string name, ServiceFactory<TDbContext> factory, bool owned) where TDbContext : DbContext =>
        new(name, factory.Services, typeof(TDbContext), () => factory.CreateClient(), owned ? factory : null);

    public HttpClient CreateClient() => createClient();

    /// <summary>Every route endpoint the service maps (minimal APIs, OpenIddict's pass-through pages, health, /ops).</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints =>
        [.. Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>Runs a query on a fresh DbContext of the service's own database.</summary>
    public async Task<T> QueryAsync<T>(Func<DbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query((DbContext)scope.ServiceProvider.GetRequiredService(DbContextType));
    }

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// A kind of caller: nobody, a person of the Development organisation (one account per role and organisation scope),
/// or a government system with client credentials.
/// </summary>
public sealed record CallerKind(string Name, string? UserName = null, string? ClientId = null, string? ClientSecret = null, string? Scopes = null)
{
    /// <summary>What the Development demo client may be granted.</summary>
    public const string SystemScopes = "tickets.read tickets.write reporting.read";

    public static readonly CallerKind Anonymous = new("anonymous");

    public static CallerKind Person(string userName) => new(userName, UserName: userName);

    /// <summary>The demo government system, or another (<see cref="WholePlatformFixture.OtherClientId"/>), with some of its scopes.</summary>
    public static CallerKind System(string scopes = SystemScopes, bool other = false) => other
        ? new($"{WholePlatformFixture.OtherClientId}[{scopes}]", ClientId: WholePlatformFixture.OtherClientId, ClientSecret: WholePlatformFixture.OtherClientSecret, Scopes: scopes)
        : new($"{IdentityHost.DemoClientId}[{scopes}]", ClientId: IdentityHost.DemoClientId, ClientSecret: IdentityHost.DemoClientSecret, Scopes: scopes);

    /// <summary>
    /// The Development accounts (README, "Development data"): one per role, two branches' keepers, a handler of one task
    /// force, and two enterprises, so every organisation scope has an insider and an outsider.
    /// </summary>
    public static readonly IReadOnlyList<CallerKind> People =
    [
        Person("admin"), Person("operator"), Person("office"), Person("secretary"), Person("officer"), Person("member"),
        Person("handler"), Person("leader"), Person("enterprise"), Person("enterprise2"),
    ];

    /// <summary>Every caller kind the matrix and the fuzz run go through.</summary>
    public static IReadOnlyList<CallerKind> All { get; } =
        [Anonymous, .. People, System(), System("tickets.read"), System(other: true)];

    public async Task<string?> TokenAsync(IdentityHost identity)
    {
        if (UserName is not null)
        {
            return await identity.PersonTokenAsync(UserName);
        }
        return ClientId is null ? null : await identity.ClientTokenAsync(ClientId, ClientSecret!, Scopes!);
    }

    public override string ToString() => Name;
}

/// <summary>The hosted platform of the authorization matrix (the fuzz run has its own, <see cref="FuzzPlatformCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class WholePlatformCollection : ICollectionFixture<WholePlatformFixture>
{
    public const string Name = "whole platform";
}
