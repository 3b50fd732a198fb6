extern alias gateway;

using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BrandPlatform.IntegrationTests.Gateway;

/// <summary>
/// The gateway on a real loopback socket in front of the services a test started on loopback (ServiceFactory
/// onLoopback), trusting the shared identity service; every other cluster points at a closed port. Callers reach
/// <see cref="Address"/> as the portal or a government system would.
/// </summary>
public sealed class GatewayInFront : WebApplicationFactory<gateway::Program>
{
    private readonly IdentityHost identity;
    private readonly IReadOnlyDictionary<string, Uri> destinations;

    private GatewayInFront(IdentityHost identity, IReadOnlyDictionary<string, Uri> destinations)
    {
        this.identity = identity;
        this.destinations = destinations;
    }

    /// <summary>Started, listening on a free loopback port.</summary>
    public static GatewayInFront Start(IdentityHost identity, IReadOnlyDictionary<string, Uri> destinations)
    {
        var gateway = new GatewayInFront(identity, destinations);
        gateway.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        gateway.StartServer();
        return gateway;
    }

    public Uri Address => LoopbackAddress.Of(Services);

    /// <summary>A client of the gateway's socket, sending <paramref name="token"/> when there is one.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        return token is null ? client : IdentityHost.WithBearer(client, token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Identity:Authority", IdentityHost.Issuer);
        builder.UseSetting("Identity:RequireHttpsMetadata", "false");
        builder.UseSetting("RateLimiting:PermitLimit", "1000");
        foreach (var cluster in ServiceNames.Clusters)
        {
            var address = destinations.TryGetValue(cluster, out var destination) ? destination.ToString() : "http://127.0.0.1:9";
            builder.UseSetting($"ReverseProxy:Clusters:{cluster}:Destinations:d1:Address", address);
        }
        builder.ConfigureTestServices(services => services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure(options => options.BackchannelHttpHandler = identity.Backchannel()));
    }
}
