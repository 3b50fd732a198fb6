using System.Net;
using System.Text.Json;
using BrandPlatform.IntegrationTests.Identity;
using BrandPlatform.Study.Infrastructure;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Study;

/// <summary>Study's problems (a branch it does not know, another branch's roster) in the caller's language, naming the branch.</summary>
public sealed class StudyProblemLanguageTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Unknown_and_other_branches_are_answered_in_the_caller_s_language_naming_the_branch()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        await using var study = await ServiceFactory<StudyDbContext>.CreateAsync(servers, "study", "studydb",
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = identity.Service.Settings["ConnectionStrings:messaging"] },
            identityBackchannel: identity.Backchannel());
        await study.WaitUntilHealthyAsync(Cancel);
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
}
