using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests;

/// <summary>
/// The real identity service, once per test run, with its Development data (the demo organisation, one account per
/// role, the demo government client). Tests get tokens the way callers do: client credentials for government systems,
/// and for people the portal's authorization-code flow with PKCE through the login page.
/// Services under test fetch its discovery document and keys through <see cref="Backchannel"/>.
/// </summary>
public sealed partial class IdentityHost : IAsyncDisposable
{
    public const string Issuer = "http://localhost/identity/";
    public const string DemoClientId = "gov-demo-client";
    public const string DemoClientSecret = "brandplatform-dev-secret";
    public const string PortalClientId = "brandplatform-portal";
    public const string PortalRedirectUri = "http://localhost/portal/signin-callback";
    public const string DevelopmentPassword = "Dangjian#2026";
    public const string PortalScopes =
        "openid profile roles offline_access tickets.read tickets.write study.read reporting.read directory.read directory.manage";

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

    public static Task<IdentityHost> SharedAsync(TestServers servers) => servers.SharedAsync("identity", async s =>
        new IdentityHost(await ServiceFactory<IdentityDbContext>.CreateAsync(s, "identity", "identitydb", Settings)));

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

    public static HttpClient WithBearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// The portal's sign-in as a browser does it: authorize → login page → post the form → back to authorize → code at
    /// the redirect URI → token endpoint with the PKCE verifier. Returns the token response.
    /// </summary>
    public async Task<JsonElement> SignInAsync(string userName, string password, string scopes)
    {
        var signIn = await BeginSignInAsync(scopes);
        var afterLogin = await signIn.SubmitLoginAsync(userName, password);
        if (afterLogin.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)afterLogin.StatusCode}.");
        }
        var code = await signIn.FollowToCodeAsync(afterLogin.Headers.Location!);
        using var token = await signIn.RedeemAsync(code, signIn.Verifier);
        token.EnsureSuccessStatusCode();
        return await token.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<PortalSignIn> BeginSignInAsync(string scopes)
    {
        var client = Service.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = "/identity/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = PortalClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = PortalRedirectUri,
            ["scope"] = scopes,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var first = await client.GetAsync(authorize);
        if (first.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Authorize answered {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync()}");
        }
        return new PortalSignIn(client, first.Headers.Location!, verifier, state);
    }

    /// <summary>One browser's sign-in in progress: its cookies, the login page it was sent to, its PKCE verifier.</summary>
    public sealed partial class PortalSignIn(HttpClient browser, Uri loginPage, string verifier, string state) : IDisposable
    {
        public HttpClient Browser => browser;
        public Uri LoginPage => loginPage;
        public string Verifier => verifier;
        public string State => state;

        public async Task<HttpResponseMessage> SubmitLoginAsync(string userName, string password)
        {
            var page = await browser.GetStringAsync(loginPage);
            var antiforgery = AntiforgeryField().Match(page);
            var returnUrl = System.Web.HttpUtility.ParseQueryString(loginPage.Query)["ReturnUrl"];
            return await browser.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
                ["userName"] = userName,
                ["password"] = password,
                ["returnUrl"] = returnUrl ?? "",
            }));
        }

        /// <summary>Follows the login page's redirect back to authorize, which sends the code to the portal.</summary>
        public async Task<string> FollowToCodeAsync(Uri afterLogin)
        {
            using var authorized = await browser.GetAsync(afterLogin);
            var callback = authorized.Headers.Location
                ?? throw new InvalidOperationException($"Authorize answered {(int)authorized.StatusCode} without a redirect.");
            callback.GetLeftPart(UriPartial.Path).ShouldBe(PortalRedirectUri);
            var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
            query["state"].ShouldBe(state);
            return query["code"] ?? throw new InvalidOperationException($"No code in {callback}.");
        }

        public Task<HttpResponseMessage> RedeemAsync(string code, string codeVerifier) =>
            browser.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = PortalClientId,
                ["code"] = code,
                ["redirect_uri"] = PortalRedirectUri,
                ["code_verifier"] = codeVerifier,
            }));

        public void Dispose() => browser.Dispose();

        [GeneratedRegex("<input type=\"hidden\" name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
        private static partial Regex AntiforgeryField();
    }

    /// <summary>The claims of a JWT, read without validating it (tests look at what was issued).</summary>
    public static JsonElement JwtPayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
