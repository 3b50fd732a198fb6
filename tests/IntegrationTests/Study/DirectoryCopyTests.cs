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
        await using var study = await StudyAsync(servers, identity, Cancel);
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

    /// <summary>
    /// Study's problems in the caller's language, naming the branch. In this class, not beside it: two study services
    /// at once would share the directory's queue and each see only some of its events.
    /// </summary>
    [Fact]
    public async Task Unknown_and_other_branches_are_answered_in_the_caller_s_language_naming_the_branch()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var study = await StudyAsync(servers, identity, Cancel);
        using var admin = await identity.ClientForPersonAsync(identity.Service, "admin");
        var branchName = "名册语言测试支部" + DirectoryTests.Suffix();
        var branch = await DirectoryTests.CreateUnitAsync(admin, branchName, "branch", await DirectoryTests.CommitteeIdAsync(admin));
        // A secretary of another branch (第一党支部): the roster endpoint itself refuses them.
        using var secretary = await identity.ClientForPersonAsync(study, "secretary");

        var unknown = await ProblemAsync(secretary, $"/api/study/branches/{Guid.NewGuid()}/members", null);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        ProblemLanguage.ShouldSpeakChinese(unknown.Problem);
        unknown.Problem.GetProperty("title").GetString().ShouldBe("支部不存在");

        // Until the branch reaches study's copy of the directory it is unknown there.
        var forbidden = await Eventually.ReturnsAsync(() => ProblemAsync(secretary, $"/api/study/branches/{branch}/members", null),
            answer => answer.Status == HttpStatusCode.Forbidden, TimeSpan.FromSeconds(30), "the branch in study", Cancel);
        ProblemLanguage.ShouldSpeakChinese(forbidden.Problem);
        forbidden.Problem.GetProperty("detail").GetString()!.ShouldContain(branchName);

        var english = await ProblemAsync(secretary, $"/api/study/branches/{branch}/members", "en");
        english.Status.ShouldBe(HttpStatusCode.Forbidden);
        ProblemLanguage.ShouldSpeakEnglish(english.Problem);
        english.Problem.GetProperty("detail").GetString()!.ShouldContain(branchName);
        var englishUnknown = await ProblemAsync(secretary, $"/api/study/branches/{Guid.NewGuid()}/members", "en");
        ProblemLanguage.ShouldSpeakEnglish(englishUnknown.Problem);
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> ProblemAsync(HttpClient client, string path, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request, Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    /// <summary>A study service of its own that hears the identity service's directory events.</summary>
    private static async Task<ServiceFactory<StudyDbContext>> StudyAsync(TestServers servers, IdentityHost identity, CancellationToken cancellationToken)
    {
        var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb",
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = identity.Service.Settings["ConnectionStrings:messaging"] },
            identityBackchannel: identity.Backchannel());
        await study.WaitUntilHealthyAsync(cancellationToken);
        return study;
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
