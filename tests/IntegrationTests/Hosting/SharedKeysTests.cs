using System.Net;
using System.Xml.Linq;
using BrandPlatform.Identity.Infrastructure;
using BrandPlatform.IntegrationTests.Portal;
using BrandPlatform.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Hosting;

/// <summary>
/// Replicas of the identity service, and of the portal, share one data-protection key ring in their database: a
/// person's requests may reach any replica (no affinity) and whatever one replica protected (the login form's
/// antiforgery token, a sign-in cookie, the portal's sign-in state) another opens. Both hosts of a pair run in this
/// one process, where ASP.NET Core's default key folder would be shared too: the key that protects is proven to be the
/// one in the database.
/// </summary>
public sealed class SharedKeysTests(TestServers servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sign_in_whose_requests_alternate_between_two_identity_replicas_succeeds_on_the_one_key_in_their_database()
    {
        var settings = await IdentityHost.ReplicaSettingsAsync(servers);
        await using var first = await ServiceFactory<IdentityDbContext>.CreateAsync(servers, "identity", "identitydb", settings);
        await using var second = await ServiceFactory<IdentityDbContext>.CreateAsync(servers, "identity", "identitydb", settings);

        // authorize, the login page, the form posted with the other replica's antiforgery token, authorize again with the
        // other replica's sign-in cookie, the token endpoint.
        using var browser = new HttpClient(new CookieContainerHandler(new CookieContainer())
        {
            InnerHandler = new RoundRobin(first.Server.CreateHandler(), second.Server.CreateHandler()),
        })
        {
            BaseAddress = new Uri(IdentityHost.Issuer),
        };
        var tokens = await PortalSignIn.SignInAsync(browser, IdentityHost.PortalRedirectUri, "member", PortalSignIn.DevelopmentPassword, "openid", Cancel);
        tokens.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();

        var keys = await first.QueryAsync(db => db.DataProtectionKeys.ToListAsync(Cancel));
        ShouldProtectWithTheKey(first.Services, second.Services, keys.ShouldHaveSingleItem("made once, by the first replica as it migrated"));
    }

    [Fact]
    public async Task A_person_signs_in_to_the_portal_and_stays_signed_in_whichever_portal_replica_answers()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var database = servers.NewDatabase("portal");
        await using var first = new PortalHost(identity, database);
        await using var second = new PortalHost(identity, database);
        // Started in this order: the first migrates and makes the key.
        using var browser = PortalHost.Browser(new CookieContainer(), identity, new RoundRobin(first.Server.CreateHandler(), second.Server.CreateHandler()));

        // The challenge (its state and correlation cookie) is made by one replica and the callback read by the other,
        // which writes the cookie the first then reads.
        (await PortalHost.SignInAsync(browser, "member", "/dashboard", Cancel)).ShouldBe("/portal/dashboard");
        await PortalHost.ShouldBeSignedInAsync(browser, Cancel);
        await PortalHost.ShouldBeSignedInAsync(browser, Cancel);

        var keys = await first.QueryAsync(db => db.DataProtectionKeys.ToListAsync(Cancel));
        ShouldProtectWithTheKey(first.Services, second.Services, keys.ShouldHaveSingleItem());
    }

    /// <summary>What the first protects the second opens, and the key that protected it is <paramref name="key"/>.</summary>
    private static void ShouldProtectWithTheKey(IServiceProvider first, IServiceProvider second, DataProtectionKey key)
    {
        var payload = Protector(first).Protect("已保护");
        Protector(second).Unprotect(payload).ShouldBe("已保护");
        // A payload starts with a 4-byte magic number and the id of the key that protected it.
        new Guid(WebEncoders.Base64UrlDecode(payload).AsSpan(4, 16)).ShouldBe(Guid.Parse(XElement.Parse(key.Xml!).Attribute("id")!.Value));
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(SharedKeysTests));
}
