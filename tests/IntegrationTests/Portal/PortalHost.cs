extern alias portal;

using System.Net;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using PortalDbContext = portal::BrandPlatform.Portal.Infrastructure.PortalDbContext;

namespace BrandPlatform.IntegrationTests.Portal;

/// <summary>
/// The portal in memory on its database (which holds its data-protection keys), trusting the in-process identity
/// service; replicas are hosts on the same database.
/// </summary>
public sealed class PortalHost(IdentityHost identity, string database, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<portal::Program>
{
    public const string Origin = "http://localhost";

    public string Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:portaldb", database);
        builder.UseSetting("Identity:Authority", IdentityHost.Issuer);
        builder.UseSetting("Identity:RequireHttpsMetadata", "false");
        builder.ConfigureTestServices(services =>
        {
            // Configure, not PostConfigure: the handler's own post-configuration builds its backchannel from this.
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme,
                options => options.BackchannelHttpHandler = identity.Backchannel());
            configureServices?.Invoke(services);
        });
    }

    /// <summary>A fresh DbContext on the portal's database.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>
    /// A browser's cookie jar in front of the identity service and the portal, which share one origin as behind the
    /// gateway (/identity, /portal).
    /// </summary>
    public static HttpClient Browser(CookieContainer cookies, IdentityHost identity, HttpMessageHandler portal) =>
        new(new CookieContainerHandler(cookies) { InnerHandler = new OneOrigin(identity.Backchannel(), portal) })
        {
            BaseAddress = new Uri(Origin),
        };

    /// <summary>
    /// Portal → identity authorize → login page (the form posted) → authorize → the portal's callback → the page the
    /// person came from; returns that page's path.
    /// </summary>
    public static async Task<string> SignInAsync(HttpClient browser, string userName, string returnUrl, CancellationToken cancellationToken)
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

    public static async Task ShouldBeSignedInAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        using var home = await browser.GetAsync("/portal/", cancellationToken);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync(cancellationToken)).ShouldContain("action=\"signout\"");
    }

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
}
