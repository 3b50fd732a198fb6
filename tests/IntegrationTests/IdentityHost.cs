using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace BrandPlatform.IntegrationTests;

/// <summary>
/// The real identity service, once per test run, with its Development data (the demo organisation, one account per
/// role, the demo government client). Tests get tokens the way callers do: client credentials for government systems,
/// and for people the portal's authorization-code flow with PKCE through the login page.
/// Services under test fetch its discovery document and keys through <see cref="Backchannel"/>.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    public const string Issuer = "http://localhost/identity/";
    public const string DemoClientId = "gov-demo-client";
    public const string DemoClientSecret = "brandplatform-dev-secret";
    public const string PortalClientId = PortalSignIn.PortalClientId;
    public const string PortalRedirectUri = "http://localhost/portal/signin-callback";
    public const string DevelopmentPassword = PortalSignIn.DevelopmentPassword;
    public const string PortalScopes = PortalSignIn.PortalScopes;

    private readonly ConcurrentDictionary<string, Task<string>> personTokens = new();

    private IdentityHost(ServiceFactory<IdentityDbContext> service) => Service = service;

    public ServiceFactory<IdentityDbContext> Service { get; }

    public HttpMessageHandler Backchannel() => Service.Server.CreateHandler();

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Identity:Issuer"] = Issuer,
        ["Identity:RequireHttps"] = "false",
        ["Identity:Portal:RedirectUris:0"] = PortalRedirectUri,
    };

    /// <summary>
    /// Settings naming a new database and virtual host: the hosts started with the same settings are replicas of one
    /// identity service.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string?>> ReplicaSettingsAsync(TestServers servers) =>
        new Dictionary<string, string?>(Settings)
        {
            ["ConnectionStrings:identitydb"] = servers.NewDatabase("identity"),
            ["ConnectionStrings:messaging"] = (await servers.NewVirtualHostAsync("identity")).ToString(),
        };

    public static Task<IdentityHost> SharedAsync(TestServers servers) => servers.SharedAsync("identity", CreateAsync);

    /// <summary>An identity service of its own (own database and virtual host), for tests that change the directory at will.</summary>
    public static async Task<IdentityHost> CreateAsync(TestServers servers) =>
        new(await ServiceFactory<IdentityDbContext>.CreateAsync(servers, "identity", "identitydb", Settings));

    public Task<string> TokenAsync(string scopes) => ClientTokenAsync(DemoClientId, DemoClientSecret, scopes);

    /// <summary>A government system's access token by client credentials.</summary>
    public async Task<string> ClientTokenAsync(string clientId, string clientSecret, string scopes)
    {
        using var client = Service.CreateClient();
        using var response = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = scopes,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    /// <summary>A client of <paramref name="service"/> that sends the demo government client's token with these scopes.</summary>
    public async Task<HttpClient> ClientWithTokenAsync<TDbContext>(ServiceFactory<TDbContext> service, string scopes)
        where TDbContext : Microsoft.EntityFrameworkCore.DbContext =>
        WithBearer(service.CreateClient(), await TokenAsync(scopes));

    /// <summary>A client of <paramref name="service"/> acting for a person signed in through the portal's flow.</summary>
    public async Task<HttpClient> ClientForPersonAsync<TDbContext>(
        ServiceFactory<TDbContext> service, string userName, string password = DevelopmentPassword)
        where TDbContext : Microsoft.EntityFrameworkCore.DbContext =>
        WithBearer(service.CreateClient(), await PersonTokenAsync(userName, password));

    /// <summary>A person's access token (one sign-in per person and test run).</summary>
    public Task<string> PersonTokenAsync(string userName, string password = DevelopmentPassword) =>
        personTokens.GetOrAdd(userName + "\n" + password, async _ =>
            (await SignInAsync(userName, password, PortalScopes)).GetProperty("access_token").GetString()!);

    /// <summary>
    /// A government system's access token signed with the identity service's own key, as it would issue one, but with
    /// the lifetime chosen by the test: <paramref name="expires"/> null leaves out <c>exp</c>.
    /// </summary>
    public string SignedSystemToken(string audience, string scopes, DateTime? expires)
    {
        var server = Service.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var claims = new Dictionary<string, object> { ["sub"] = DemoClientId, ["client_id"] = DemoClientId, ["scope"] = scopes };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            Expires = expires,
            TokenType = "at+jwt",
            SigningCredentials = server.SigningCredentials.First(),
        });
    }

    public static HttpClient WithBearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The portal's sign-in through the login page (see <see cref="PortalSignIn"/>); returns the token response.</summary>
    public Task<JsonElement> SignInAsync(string userName, string password, string scopes) =>
        PortalSignIn.SignInAsync(Browser(), PortalRedirectUri, userName, password, scopes);

    public Task<PortalSignIn> BeginSignInAsync(string scopes) => PortalSignIn.BeginAsync(Browser(), PortalRedirectUri, scopes);

    public static JsonElement JwtPayload(string jwt) => PortalSignIn.JwtPayload(jwt);

    private HttpClient Browser() =>
        Service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
