using BrandPlatform.Testing;
using BrandPlatform.Tickets.Infrastructure;

namespace BrandPlatform.IntegrationTests.Tickets;

public sealed class TicketsFixture(TestServers servers) : IAsyncLifetime
{
    public IdentityHost Identity { get; private set; } = null!;
    public ServiceFactory<TicketsDbContext> Service { get; private set; } = null!;
    /// <summary>Sends a token with tickets.read and tickets.write.</summary>
    public HttpClient Client { get; private set; } = null!;
    /// <summary>The directory's units by name, known to the tickets service.</summary>
    public IReadOnlyDictionary<string, Guid> Units { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Identity = await IdentityHost.SharedAsync(servers);
        Service = await ServiceFactory<TicketsDbContext>.CreateAsync(servers, "tickets", "ticketsdb", identityBackchannel: Identity.Backchannel());
        Client = await Identity.ClientWithTokenAsync(Service, "tickets.read tickets.write");
        Units = await TicketUnits.CopyDirectoryAsync(Identity, Service);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Service.DisposeAsync();
    }
}

/// <summary>Requests as an enterprise's form would send them.</summary>
public static class TicketRequests
{
    public const string ValidCreditCode = "91350100M000100Y43";

    public static object Valid(string title = "企业融资贷款需求") => new
    {
        title,
        category = "financing",
        description = "企业扩大生产需要流动资金贷款，希望协调银行对接。",
        enterpriseName = "三明市某某科技有限公司",
        unifiedSocialCreditCode = ValidCreditCode,
    };
}
