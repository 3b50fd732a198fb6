using BrandPlatform.Identity.Domain;
using BrandPlatform.Platform.Audit;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>Every token the identity service issues is in its audit: grant type, client, subject and scopes.</summary>
public sealed class TokenAuditTests(TestServers servers)
{
    [Fact]
    public async Task Client_credentials_and_code_grants_are_audited()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        var cancel = TestContext.Current.CancellationToken;
        var since = await identity.Service.QueryAsync(db => db.Set<AuditEntry>().MaxAsync(e => (long?)e.Id, cancel)) ?? 0;

        await identity.TokenAsync("tickets.read");
        var person = IdentityHost.JwtPayload((await identity.SignInAsync("office", IdentityHost.DevelopmentPassword, "openid roles tickets.read"))
            .GetProperty("access_token").GetString()!).GetProperty("sub").GetString();

        var issued = await identity.Service.QueryAsync(db => db.Set<AuditEntry>()
            .Where(e => e.Id > since && e.Action == AuditActions.TokenIssued).ToListAsync(cancel));
        issued.ShouldContain(e => e.Actor == IdentityHost.DemoClientId && e.Target == IdentityHost.DemoClientId
            && e.Detail!.Contains("client_credentials") && e.Detail.Contains("tickets.read"));
        issued.ShouldContain(e => e.Actor == IdentityHost.PortalClientId && e.Target == person && e.Detail!.Contains("authorization_code"));
    }
}
