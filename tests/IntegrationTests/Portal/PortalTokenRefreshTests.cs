extern alias portal;

using System.Net;
using BrandPlatform.IntegrationTests.Tickets;
using BrandPlatform.Testing;
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
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private readonly RefreshCounter refreshes = new();
    private IdentityHost identity = null!;
    private PortalHost portalHost = null!;

    public async ValueTask InitializeAsync()
    {
        identity = await IdentityHost.SharedAsync(servers);
        portalHost = new PortalHost(identity, servers.NewDatabase("portal"), services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddHttpClient<TokenRefresher>().ConfigurePrimaryHttpMessageHandler(() => new Counting(identity.Backchannel(), refreshes));
        });
    }

    public ValueTask DisposeAsync() => portalHost.DisposeAsync();

    [Fact]
    public async Task The_cookie_redeems_the_refresh_token_shortly_before_the_access_token_expires_and_not_before()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var browser = PortalHost.Browser(cookies, identity, portalHost.Server.CreateHandler());
        // Signing in from a link comes back to the linked page, under the portal's base path.
        (await PortalHost.SignInAsync(browser, "member", "/dashboard", cancellationToken)).ShouldBe("/portal/dashboard");
        var signedIn = PortalCookie(cookies);

        await PortalHost.ShouldBeSignedInAsync(browser, cancellationToken);
        refreshes.Count.ShouldBe(0);
        PortalCookie(cookies).ShouldBe(signedIn);

        // The access token lives 30 minutes; the portal refreshes within the last two.
        clock.Now += TimeSpan.FromMinutes(29);
        await PortalHost.ShouldBeSignedInAsync(browser, cancellationToken);
        refreshes.Count.ShouldBe(1);
        PortalCookie(cookies).ShouldNotBe(signedIn, "the cookie carries the new tokens");

        // The new tokens' expiry is in the cookie: the next page does not redeem again.
        await PortalHost.ShouldBeSignedInAsync(browser, cancellationToken);
        refreshes.Count.ShouldBe(1);
    }

    /// <summary>The portal's cookie as the browser would send it (it may be split into chunks).</summary>
    private static string PortalCookie(CookieContainer cookies) => string.Join(';', cookies.GetCookies(new Uri(PortalHost.Origin + "/portal/"))
        .Where(c => c.Name.StartsWith("bp_portal", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));

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
}
