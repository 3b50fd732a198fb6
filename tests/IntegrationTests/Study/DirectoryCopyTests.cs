using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>
/// The study service keeps its branch rosters from the directory's events (through RabbitMQ, from the identity
/// service's outbox), and a branch secretary sees only their own branch's roster.
/// </summary>
public sealed class DirectoryCopyTests(TestServers servers)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Directory_changes_reach_study_and_branch_secretaries_see_only_their_branch()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb",
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = identity.Service.Settings["ConnectionStrings:messaging"] },
            identityBackchannel: identity.Backchannel());
        await study.WaitUntilHealthyAsync(Cancel);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var committee = await DirectoryTests.CommitteeIdAsync(admin);
        var suffix = DirectoryTests.Suffix();
        var branchA = await DirectoryTests.CreateUnitAsync(admin, "甲支部" + suffix, "branch", committee);
        var branchB = await DirectoryTests.CreateUnitAsync(admin, "乙支部" + suffix, "branch", committee);
        var secretaryName = "sec" + suffix;
        await DirectoryTests.RegisterAsync(admin, secretaryName, branchA, "BranchSecretary", "Member");
        var member = await DirectoryTests.RegisterAsync(admin, "mem" + suffix, branchA);

        using var office = await identity.ClientForPersonAsync(study, "office");
        await Eventually.ReturnsAsync(() => MemberIdsAsync(office, branchA), ids => ids.Contains(member) && ids.Count == 2, Timeout,
            "branch A's roster in study", Cancel);

        using var secretary = await identity.ClientForPersonAsync(study, secretaryName, DirectoryTests.TestPassword);
        (await secretary.GetAsync($"/api/study/branches/{branchA}/members", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var otherBranch = await secretary.GetAsync($"/api/study/branches/{branchB}/members", Cancel);
        otherBranch.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        otherBranch.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var visible = await secretary.AllItemsAsync("/api/study/branches", Cancel);
        visible.Select(b => b.GetProperty("id").GetGuid()).ShouldBe([branchA]);
        using var asMember = await identity.ClientForPersonAsync(study, "member");
        (await asMember.GetAsync($"/api/study/branches/{branchA}/members", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var moved = await admin.PostAsJsonAsync($"/identity/api/directory/people/{member}/memberships", new { unitId = branchB }, Cancel);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.ReturnsAsync(() => MemberIdsAsync(office, branchB), ids => ids.Contains(member), Timeout, "the member in branch B", Cancel);
        (await MemberIdsAsync(office, branchA)).ShouldNotContain(member);
    }

    private static async Task<List<Guid>> MemberIdsAsync(HttpClient client, Guid branch)
    {
        using var response = await client.GetAsync($"/api/study/branches/{branch}/members", TestContext.Current.CancellationToken);
        return response.StatusCode != HttpStatusCode.OK
            ? []
            : [.. (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("items").EnumerateArray()
                .Select(m => m.GetProperty("personId").GetGuid())];
    }
}
