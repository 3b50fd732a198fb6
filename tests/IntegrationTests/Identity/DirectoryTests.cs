using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Contracts.Directory;
using BrandPlatform.Identity.Domain;
using BrandPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>The organisation directory's admin API: who may use it, its rules, its audit and its events.</summary>
public sealed class DirectoryTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_member_calling_an_admin_endpoint_gets_403_and_the_office_may_read_but_not_change()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var member = await identity.ClientForPersonAsync(identity.Service, "member");
        using var office = await identity.ClientForPersonAsync(identity.Service, "office");

        using var memberList = await member.GetAsync("/identity/api/directory/people", Cancel);
        memberList.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        memberList.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var memberCreate = await member.PostAsJsonAsync("/identity/api/directory/units", new { name = "x", kind = "branch" }, Cancel);
        memberCreate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var officeList = await office.GetAsync("/identity/api/directory/units?kind=branch", Cancel);
        officeList.StatusCode.ShouldBe(HttpStatusCode.OK);
        var branches = await officeList.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        branches.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("name").GetString()).ShouldContain("第一党支部");
        using var officeCreate = await office.PostAsJsonAsync("/identity/api/directory/units", new { name = "x", kind = "branch" }, Cancel);
        officeCreate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var me = await member.GetAsync("/identity/api/directory/me", Cancel);
        (await me.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("userName").GetString().ShouldBe("member");
    }

    [Fact]
    public async Task Units_sit_where_their_kind_belongs_and_are_deactivated_only_when_empty_never_deleted()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var committee = await CommitteeIdAsync(admin);

        var branch = await CreateUnitAsync(admin, "测试支部" + Suffix(), "branch", committee);
        using var misplaced = await admin.PostAsJsonAsync("/identity/api/directory/units",
            new { name = "错位党小组", kind = "partyGroup", parentId = committee }, Cancel);
        misplaced.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var missingParent = await admin.PostAsJsonAsync("/identity/api/directory/units",
            new { name = "无上级支部", kind = "branch", parentId = Guid.NewGuid() }, Cancel);
        missingParent.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await missingParent.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("parentId", out _).ShouldBeTrue();
        using var badKind = await admin.PostAsJsonAsync("/identity/api/directory/units", new { name = "x", kind = "club", parentId = committee }, Cancel);
        badKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var person = await RegisterAsync(admin, "u" + Suffix(), branch);
        using var refused = await admin.PostAsync($"/identity/api/directory/units/{branch}/deactivate", null, Cancel);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var left = await admin.PostAsync($"/identity/api/directory/people/{person}/memberships/{branch}/end", null, Cancel);
        left.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var deactivated = await admin.PostAsync($"/identity/api/directory/units/{branch}/deactivate", null, Cancel);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var twice = await admin.PostAsync($"/identity/api/directory/units/{branch}/deactivate", null, Cancel);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var (unit, history) = await identity.Service.QueryAsync(async db => (
            await db.OrganisationUnits.SingleAsync(u => u.Id == branch, Cancel),
            await db.UnitMemberships.Where(m => m.PersonId == person).ToListAsync(Cancel)));
        unit.ValidTo.ShouldNotBeNull();
        history.ShouldHaveSingleItem().ValidTo.ShouldNotBeNull("the ended membership is kept");
    }

    [Fact]
    public async Task Registration_checks_the_password_policy_roles_and_user_names_before_writing_anything()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var userName = "weak" + Suffix();

        using var weak = await admin.PostAsJsonAsync("/identity/api/directory/people",
            new { userName, displayName = "弱密码", password = "password", roles = new[] { "Member" } }, Cancel);
        weak.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await weak.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        errors.GetProperty("password").EnumerateArray().Select(e => e.GetString()).ShouldContain("密码至少需要10位");

        using var unknownRole = await admin.PostAsJsonAsync("/identity/api/directory/people",
            new { userName, displayName = "未知角色", password = "Strong#Pass2026", roles = new[] { "Emperor" } }, Cancel);
        unknownRole.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownRole.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("roles[0]", out _).ShouldBeTrue();

        using var taken = await admin.PostAsJsonAsync("/identity/api/directory/people",
            new { userName = "secretary", displayName = "重名", password = "Strong#Pass2026", roles = new[] { "Member" } }, Cancel);
        taken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var badEnterprise = await admin.PostAsJsonAsync("/identity/api/directory/people",
            new { userName, displayName = "企业", password = "Strong#Pass2026", roles = new[] { "EnterpriseContact" }, enterpriseCode = "91320100MA1X0ABC1A", enterpriseName = "某公司" }, Cancel);
        badEnterprise.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await identity.Service.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == userName, Cancel))).ShouldBeFalse();
    }

    [Fact]
    public async Task Moving_a_member_between_branches_is_audited_and_announced_through_the_outbox()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var committee = await CommitteeIdAsync(admin);
        var from = await CreateUnitAsync(admin, "迁出支部" + Suffix(), "branch", committee);
        var to = await CreateUnitAsync(admin, "迁入支部" + Suffix(), "branch", committee);
        var person = await RegisterAsync(admin, "mover" + Suffix(), from);

        using var moved = await admin.PostAsJsonAsync($"/identity/api/directory/people/{person}/memberships", new { unitId = to }, Cancel);

        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await moved.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("branchId").GetGuid().ShouldBe(to);
        // The person's events, numbered in the order the person raised them: the move leaves before it joins.
        var outbox = (await identity.Service.QueryAsync(db => db.Set<BrandPlatform.Platform.Messaging.OutboxMessage>()
                .Where(m => m.EventName.StartsWith("directory.")).ToListAsync(Cancel)))
            .Select(m => (m.EventName, Payload: JsonDocument.Parse(m.Payload).RootElement))
            .Where(m => m.Payload.GetProperty("aggregateId").GetGuid() == person)
            .OrderBy(m => m.Payload.GetProperty("aggregateVersion").GetInt64())
            .ToList();
        outbox.Select(m => m.EventName).ShouldBe(
            [EventName<PersonRegistered>(), EventName<MemberJoinedBranch>(), EventName<MemberLeftBranch>(), EventName<MemberJoinedBranch>()]);
        outbox.Select(m => m.Payload.GetProperty("aggregateVersion").GetInt64()).ShouldBe([1L, 2L, 3L, 4L]);
        var audit = await identity.Service.QueryAsync(db => db.AuditEntries.Where(a => a.Target == person.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync(Cancel));
        audit.Select(a => a.Action).ShouldBe([AuditActions.PersonRegistered, AuditActions.PersonJoinedUnit]);
        audit.ShouldAllBe(a => a.Actor.Contains("系统管理员"));
    }

    internal static string Suffix() => Guid.NewGuid().ToString("N")[..8];

    private static string EventName<T>() => BrandPlatform.Contracts.EventNameAttribute.Of(typeof(T));

    internal static async Task<Guid> CommitteeIdAsync(HttpClient admin) =>
        (await admin.AllItemsAsync("/identity/api/directory/units?kind=organCommittee", TestContext.Current.CancellationToken))
        .First().GetProperty("id").GetGuid();

    internal static async Task<Guid> CreateUnitAsync(HttpClient admin, string name, string kind, Guid parent)
    {
        using var response = await admin.PostAsJsonAsync("/identity/api/directory/units", new { name, kind, parentId = parent }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    internal const string TestPassword = "Strong#Pass2026";

    internal static async Task<Guid> RegisterAsync(HttpClient admin, string userName, Guid? branch, params string[] roles)
    {
        using var response = await admin.PostAsJsonAsync("/identity/api/directory/people", new
        {
            userName,
            displayName = "测试" + userName[..Math.Min(6, userName.Length)],
            password = TestPassword,
            roles = roles.Length == 0 ? ["Member"] : roles,
            branchId = branch,
            phoneNumber = "13812345678",
        }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        body.GetProperty("phoneNumber").GetString().ShouldBe("138****5678");
        return body.GetProperty("id").GetGuid();
    }
}
