using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>The portal's sign-in: authorization code with PKCE through the zh-CN login page, then refresh tokens.</summary>
public sealed class AuthorizationCodeFlowTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_branch_secretary_signs_in_and_gets_tokens_naming_their_roles_and_branch()
    {
        var identity = await IdentityHost.SharedAsync(servers);

        var tokens = await identity.SignInAsync("secretary", IdentityHost.DevelopmentPassword, IdentityHost.PortalScopes);

        tokens.GetProperty("token_type").GetString().ShouldBe("Bearer");
        tokens.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
        var access = IdentityHost.JwtPayload(tokens.GetProperty("access_token").GetString()!);
        access.GetProperty("iss").GetString().ShouldBe(IdentityHost.Issuer);
        Guid.TryParse(access.GetProperty("sub").GetString(), out _).ShouldBeTrue();
        access.GetProperty("client_id").GetString().ShouldBe(IdentityHost.PortalClientId);
        Strings(access, "role").ShouldBe(["BranchSecretary", "Member"], ignoreOrder: true);
        Strings(access, "aud").ShouldBe(ServiceNames.Apis, ignoreOrder: true);
        var branchId = Guid.Parse(access.GetProperty("branch").GetString()!);
        var branch = await identity.Service.QueryAsync(db => Task.FromResult(db.OrganisationUnits.Single(u => u.Id == branchId)));
        branch.Name.ShouldBe("第一党支部");
        var id = IdentityHost.JwtPayload(tokens.GetProperty("id_token").GetString()!);
        id.GetProperty("name").GetString().ShouldBe("第一党支部书记");
        id.GetProperty("aud").GetString().ShouldBe(IdentityHost.PortalClientId);
    }

    [Fact]
    public async Task The_login_page_speaks_chinese_and_a_wrong_password_is_answered_on_it()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var signIn = await identity.BeginSignInAsync(IdentityHost.PortalScopes);
        signIn.LoginPage.PathAndQuery.ShouldStartWith("/identity/account/login?ReturnUrl=%2Fidentity%2Fconnect%2Fauthorize%3F");

        using var page = await signIn.Browser.GetAsync(signIn.LoginPage, Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("用户名");
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var refused = await signIn.SubmitLoginAsync("officer", "Wrong#Password1", Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync(Cancel)).ShouldContain("用户名或密码错误");
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_with_the_person_s_current_claims()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var tokens = await identity.SignInAsync("member", IdentityHost.DevelopmentPassword, IdentityHost.PortalScopes);
        using var client = identity.Service.CreateClient();

        using var refreshed = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = IdentityHost.PortalClientId,
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }), Cancel);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await refreshed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var before = IdentityHost.JwtPayload(tokens.GetProperty("access_token").GetString()!);
        var after = IdentityHost.JwtPayload(body.GetProperty("access_token").GetString()!);
        after.GetProperty("sub").GetString().ShouldBe(before.GetProperty("sub").GetString());
        after.GetProperty("branch").GetString().ShouldBe(before.GetProperty("branch").GetString());
        Strings(after, "unit").Length.ShouldBe(2, "the member is in a party group and the youth study group");
        body.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_code_needs_its_pkce_verifier_and_is_used_once()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var signIn = await identity.BeginSignInAsync(IdentityHost.PortalScopes);
        using var loggedIn = await signIn.SubmitLoginAsync("office", IdentityHost.DevelopmentPassword, Cancel);
        var code = await signIn.FollowToCodeAsync(loggedIn.Headers.Location!, Cancel);

        using var wrongVerifier = await signIn.RedeemAsync(code, new string('x', 43), Cancel);
        wrongVerifier.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongVerifier.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString().ShouldBe("invalid_grant");

        using var redeemed = await signIn.RedeemAsync(code, signIn.Verifier, Cancel);
        redeemed.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await signIn.RedeemAsync(code, signIn.Verifier, Cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString().ShouldBe("invalid_grant");
    }

    [Fact]
    public async Task The_portal_must_use_pkce_and_a_registered_redirect_uri()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var client = identity.Service.CreateClient(new() { AllowAutoRedirect = false });

        using var withoutPkce = await client.GetAsync(
            $"/identity/connect/authorize?client_id={IdentityHost.PortalClientId}&response_type=code&scope=openid" +
            $"&redirect_uri={Uri.EscapeDataString(IdentityHost.PortalRedirectUri)}&state=s", Cancel);
        withoutPkce.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        withoutPkce.Headers.Location.ShouldBeNull("no code without a PKCE challenge");

        using var foreignRedirect = await client.GetAsync(
            $"/identity/connect/authorize?client_id={IdentityHost.PortalClientId}&response_type=code&scope=openid" +
            "&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&code_challenge=abcdefghijabcdefghijabcdefghijabcdefghij123&code_challenge_method=S256", Cancel);
        foreignRedirect.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    internal static string[] Strings(JsonElement claims, string name) => claims.TryGetProperty(name, out var value)
        ? value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [value.GetString()!]
        : [];
}
