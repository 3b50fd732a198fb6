using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Testing;

namespace BrandPlatform.IntegrationTests;

/// <summary>
/// The real identity service, once per test run, issuing client-credentials tokens to the demo government client.
/// Services under test fetch its discovery document and keys through <see cref="Backchannel"/>.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    public const string Issuer = "http://localhost/identity/";
    public const string DemoClientId = "gov-demo-client";
    public const string DemoClientSecret = "brandplatform-dev-secret";

    private IdentityHost(ServiceFactory<IdentityDbContext> service) => Service = service;

    public ServiceFactory<IdentityDbContext> Service { get; }

    public HttpMessageHandler Backchannel() => Service.Server.CreateHandler();

    public static Task<IdentityHost> SharedAsync(TestServers servers) => servers.SharedAsync("identity", async s =>
        new IdentityHost(await ServiceFactory<IdentityDbContext>.CreateAsync(s, "identity", "identitydb", new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = Issuer,
            ["Identity:RequireHttps"] = "false",
        })));

    public async Task<string> TokenAsync(string scopes)
    {
        using var client = Service.CreateClient();
        using var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DemoClientId,
            ["client_secret"] = DemoClientSecret,
            ["scope"] = scopes,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A client of <paramref name="service"/> that sends a token with these scopes.</summary>
    public async Task<HttpClient> ClientWithTokenAsync<TDbContext>(ServiceFactory<TDbContext> service, string scopes)
        where TDbContext : Microsoft.EntityFrameworkCore.DbContext
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(scopes));
        return client;
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
