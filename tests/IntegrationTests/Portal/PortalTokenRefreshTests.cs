extern alias portal;

using System.Net;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TokenRefresher = portal::BrandPlatform.Portal.Security.TokenRefresher;

namespace BrandPlatform.IntegrationTests.Portal;

/// <summary>
/// The portal keeps a signed-in person's tokens fresh: shortly before the access token expires, the next request
/// redeems the refresh token at the identity service and the cookie carries the new tokens; before that nothing is
/// redeemed. The person signs in through the real identity service's login page, as a browser does; the portal's clock
/// is moved, the identity service's is not.
/// </summary>
public sealed class PortalTokenRefreshTests(TestServers servers) : IAsyncLifetime
{
    private const string Origin = "http://localhost";
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private readonly RefreshCounter refreshes = new();
    private IdentityHost identity = null!;
    private PortalHost portalHost = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        portalHost = new PortalHost(identity, clock, refreshes);
    }

    public ValueTask DisposeAsync() => portalHost.DisposeAsync();

    [Fact]
    public async Task The_cookie_redeems_the_refresh_token_shortly_before_the_access_token_expires_and_not_before()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        // Signing in from a link comes back to the linked page, under the portal's base path.
        (await SignInAsync(browser, "member", "/dashboard", cancellationToken)).ShouldBe("/portal/dashboard");
        var signedIn = PortalCookie(cookies);

        await ShouldBeSignedInAsync(browser, cancellationToken);
        refreshes.Count.ShouldBe(0);
        PortalCookie(cookies).ShouldBe(signedIn);

        // The access token lives 30 minutes; the portal refreshes within the last two.
        clock.Now += TimeSpan.FromMinutes(29);
        await ShouldBeSignedInAsync(browser, cancellationToken);
        refreshes.Count.ShouldBe(1);
        PortalCookie(cookies).ShouldNotBe(signedIn, "the cookie carries the new tokens");

        // The new tokens' expiry is in the cookie: the next page does not redeem again.
        await ShouldBeSignedInAsync(browser, cancellationToken);
        refreshes.Count.ShouldBe(1);
    }

    /// <summary>A browser's cookie jar in front of both hosts, which share one origin as behind the gateway (/identity, /portal).</summary>
    private HttpClient Browser(CookieContainer cookies) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = new OneOrigin(identity.Backchannel(), portalHost.Server.CreateHandler()) })
        {
            BaseAddress = new Uri(Origin),
        };

    /// <summary>
    /// Portal → identity authorize → login page (the form posted) → authorize → the portal's callback → the page the
    /// person came from; returns that page's path.
    /// </summary>
    private static async Task<string> SignInAsync(HttpClient browser, string userName, string returnUrl, CancellationToken cancellationToken)
    {
        var next = new Uri("/portal/signin?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative);
        for (var hop = 0; hop < 12; hop++)
        {
            using var response = await browser.GetAsync(next, cancellationToken);
            if (response.RequestMessage!.RequestUri!.AbsolutePath == "/identity/account/login" && response.StatusCode == HttpStatusCode.OK)
            {
                using var posted = await PortalSignIn.SubmitLoginAsync(browser, response.RequestMessage.RequestUri, userName,
                    PortalSignIn.DevelopmentPassword, cancellationToken);
                posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                next = posted.Headers.Location!;
                continue;
            }
            if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                return response.RequestMessage.RequestUri.AbsolutePath;
            }
            next = response.Headers.Location!;
        }
        throw new InvalidOperationException("Sign-in did not come back to the portal.");
    }

    private static async Task ShouldBeSignedInAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        using var home = await browser.GetAsync("/portal/", cancellationToken);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync(cancellationToken)).ShouldContain("action=\"signout\"");
    }

    /// <summary>The portal's cookie as the browser would send it (it may be split into chunks).</summary>
    private static string PortalCookie(CookieContainer cookies) => string.Join(';', cookies.GetCookies(new Uri(Origin + "/portal/"))
        .Where(c => c.Name.StartsWith("bp_portal", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));

    private sealed class OneOrigin(HttpMessageHandler identity, HttpMessageHandler portal) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker toIdentity = new(identity);
        private readonly HttpMessageInvoker toPortal = new(portal);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (request.RequestUri!.AbsolutePath.StartsWith("/identity/", StringComparison.Ordinal) ? toIdentity : toPortal)
                .SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            toIdentity.Dispose();
            toPortal.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class RefreshCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    private sealed class Counting(HttpMessageHandler inner, RefreshCounter counter) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The portal in memory, trusting the in-process identity service, on a clock the test moves.</summary>
    private sealed class PortalHost(IdentityHost identity, TimeProvider clock, RefreshCounter refreshes) : WebApplicationFactory<portal::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Identity:Authority", IdentityHost.Issuer);
            builder.UseSetting("Identity:RequireHttpsMetadata", "false");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(clock);
                // Configure, not PostConfigure: the handler's own post-configuration builds its backchannel from this.
                services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
                    options => options.BackchannelHttpHandler = identity.Backchannel());
                services.AddHttpClient<TokenRefresher>().ConfigurePrimaryHttpMessageHandler(() => new Counting(identity.Backchannel(), refreshes));
            });
        }
    }
}
