using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>Lockout after repeated wrong passwords, deactivated accounts, and the audit of every attempt.</summary>
public sealed class SignInProtectionTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_every_attempt_is_audited()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var userName = "lock" + DirectoryTests.Suffix();
        var person = await DirectoryTests.RegisterAsync(admin, userName, branch: null);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var signIn = await identity.BeginSignInAsync("openid");
            using var response = await signIn.SubmitLoginAsync(userName, "Wrong#Password" + attempt, Cancel);
            statuses.Add(response.StatusCode);
            if (attempt == 4)
            {
                (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain("账户已锁定");
            }
        }
        using (var signIn = await identity.BeginSignInAsync("openid"))
        using (var right = await signIn.SubmitLoginAsync(userName, DirectoryTests.TestPassword, Cancel))
        {
            statuses.Add(right.StatusCode);
        }

        statuses.ShouldBe([
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.Locked, HttpStatusCode.Locked]);
        var audit = await identity.Service.QueryAsync(db => db.AuditEntries
            .Where(a => a.Actor == userName).OrderBy(a => a.Id).Select(a => new { a.Action, a.Succeeded, a.Target }).ToListAsync(Cancel));
        audit.Select(a => a.Action).ShouldBe([
            AuditActions.SignIn, AuditActions.SignIn, AuditActions.SignIn, AuditActions.SignIn, AuditActions.LockedOut, AuditActions.LockedOut]);
        audit.ShouldAllBe(a => !a.Succeeded && a.Target == person.ToString());

        using var auditApi = await admin.GetAsync($"/identity/api/directory/audit?target={person}", Cancel);
        (await auditApi.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("items").GetArrayLength().ShouldBe(7, "six sign-in attempts and the registration");
    }

    [Fact]
    public async Task A_deactivated_person_can_neither_sign_in_nor_refresh_and_keeps_their_history()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var committee = await DirectoryTests.CommitteeIdAsync(admin);
        var branch = await DirectoryTests.CreateUnitAsync(admin, "停用测试支部" + DirectoryTests.Suffix(), "branch", committee);
        var userName = "leaving" + DirectoryTests.Suffix();
        var person = await DirectoryTests.RegisterAsync(admin, userName, branch);
        var tokens = await identity.SignInAsync(userName, DirectoryTests.TestPassword, "openid offline_access directory.read");

        using var deactivated = await admin.PostAsync($"/identity/api/directory/people/{person}/deactivate", null, Cancel);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deactivated.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("active").GetBoolean().ShouldBeFalse();

        using var client = identity.Service.CreateClient();
        using var refresh = await client.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = IdentityHost.PortalClientId,
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        }), Cancel);
        refresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refresh.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString().ShouldBe("invalid_grant");

        using var signIn = await identity.BeginSignInAsync("openid");
        using var refused = await signIn.SubmitLoginAsync(userName, DirectoryTests.TestPassword, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var history = await identity.Service.QueryAsync(db => db.UnitMemberships.Where(m => m.PersonId == person).ToListAsync(Cancel));
        history.ShouldHaveSingleItem().ValidTo.ShouldNotBeNull();
        using var again = await admin.PostAsync($"/identity/api/directory/people/{person}/deactivate", null, Cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}
