using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BrandPlatform.Testing;

/// <summary>
/// The web portal's sign-in as a browser does it: authorize → login page → post the form → back to authorize → code
/// at the redirect URI → token endpoint with the PKCE verifier. <paramref name="browser"/> keeps cookies and does not
/// follow redirects; its base address is the identity service or the gateway in front of it.
/// </summary>
public sealed partial class PortalSignIn(HttpClient browser, Uri loginPage, string verifier, string state, string redirectUri) : IDisposable
{
    public const string PortalClientId = "brandplatform-portal";
    public const string DevelopmentPassword = "Dangjian#2026";
    public const string PortalScopes =
        "openid profile roles offline_access tickets.read tickets.write tickets.handle study.read study.write discipline.read discipline.write liaison.read liaison.write reporting.read supervision.read supervision.write directory.read directory.manage community.read community.write";

    public HttpClient Browser => browser;
    public Uri LoginPage => loginPage;
    public string Verifier => verifier;

    /// <summary>The whole flow for one person; returns the token response (access, refresh and id tokens).</summary>
    public static async Task<JsonElement> SignInAsync(
        HttpClient browser, string redirectUri, string userName, string password, string scopes, CancellationToken cancellationToken = default)
    {
        using var signIn = await BeginAsync(browser, redirectUri, scopes, cancellationToken);
        using var afterLogin = await signIn.SubmitLoginAsync(userName, password, cancellationToken);
        if (afterLogin.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)afterLogin.StatusCode}.");
        }
        var code = await signIn.FollowToCodeAsync(afterLogin.Headers.Location!, cancellationToken);
        using var token = await signIn.RedeemAsync(code, signIn.Verifier, cancellationToken);
        token.EnsureSuccessStatusCode();
        return await token.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    public static async Task<PortalSignIn> BeginAsync(HttpClient browser, string redirectUri, string scopes, CancellationToken cancellationToken = default)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = "/identity/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = PortalClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scopes,
            ["state"] = state,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var first = await browser.GetAsync(authorize, cancellationToken);
        if (first.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Authorize answered {(int)first.StatusCode}: {await first.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return new PortalSignIn(browser, first.Headers.Location!, verifier, state, redirectUri);
    }

    public Task<HttpResponseMessage> SubmitLoginAsync(string userName, string password, CancellationToken cancellationToken = default) =>
        SubmitLoginAsync(browser, loginPage, userName, password, cancellationToken);

    /// <summary>Reads the login page (for its antiforgery field and return address) and posts the form, as a person does.</summary>
    public static async Task<HttpResponseMessage> SubmitLoginAsync(
        HttpClient browser, Uri loginPage, string userName, string password, CancellationToken cancellationToken = default)
    {
        var page = await browser.GetStringAsync(loginPage, cancellationToken);
        var antiforgery = AntiforgeryField().Match(page);
        var returnUrl = QueryValue(loginPage.Query, "ReturnUrl");
        return await browser.PostAsync("/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl ?? "",
        }), cancellationToken);
    }

    /// <summary>Follows the login page's redirect back to authorize, which sends the code to the portal.</summary>
    public async Task<string> FollowToCodeAsync(Uri afterLogin, CancellationToken cancellationToken = default)
    {
        using var authorized = await browser.GetAsync(afterLogin, cancellationToken);
        var callback = authorized.Headers.Location
            ?? throw new InvalidOperationException($"Authorize answered {(int)authorized.StatusCode} without a redirect.");
        if (callback.GetLeftPart(UriPartial.Path) != redirectUri || QueryValue(callback.Query, "state") != state)
        {
            throw new InvalidOperationException($"The code came back to {callback}, not to {redirectUri} with our state.");
        }
        return QueryValue(callback.Query, "code") ?? throw new InvalidOperationException($"No code in {callback}.");
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string codeVerifier, CancellationToken cancellationToken = default) =>
        browser.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = PortalClientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }), cancellationToken);

    public void Dispose() => browser.Dispose();

    /// <summary>The claims of a JWT, read without validating it (tests look at what was issued).</summary>
    public static JsonElement JwtPayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))).RootElement;
    }

    private static string? QueryValue(string query, string name) => query.TrimStart('?').Split('&')
        .Select(pair => pair.Split('=', 2))
        .Where(pair => pair[0] == name)
        .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1].Replace('+', ' ') : ""))
        .FirstOrDefault();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("<input type=\"hidden\" name=\"(__RequestVerificationToken[^\"]*)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
