using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BrandPlatform.Testing;
using Shouldly;

namespace BrandPlatform.IntegrationTests.Identity;

/// <summary>
/// The directory's problems speak Chinese by default and English on request, and name units, people and unit kinds by
/// their names: 404s, refusals (409, 422) that name units the directory looks up, field errors (400, 422).
/// </summary>
public sealed class DirectoryProblemLanguageTests(TestServers servers)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_units_and_people_are_404s_in_the_caller_s_language()
    {
        using var admin = await AdminAsync();

        var unit = await ProblemAsync(admin, HttpMethod.Get, $"/identity/api/directory/units/{Guid.NewGuid()}", null, HttpStatusCode.NotFound);
        ProblemLanguage.ShouldSpeakChinese(unit);
        unit.GetProperty("title").GetString().ShouldBe("组织不存在");
        var person = await ProblemAsync(admin, HttpMethod.Get, $"/identity/api/directory/people/{Guid.NewGuid()}", null, HttpStatusCode.NotFound, "en");
        ProblemLanguage.ShouldSpeakEnglish(person);
        person.GetProperty("title").GetString().ShouldBe("Person not found");
    }

    [Fact]
    public async Task Refusals_name_the_person_and_the_unit_by_their_names()
    {
        using var admin = await AdminAsync();
        var committee = await DirectoryTests.CommitteeIdAsync(admin);
        var branchName = "语言测试支部" + DirectoryTests.Suffix();
        var branch = await DirectoryTests.CreateUnitAsync(admin, branchName, "branch", committee);
        var otherName = "另一支部" + DirectoryTests.Suffix();
        var other = await DirectoryTests.CreateUnitAsync(admin, otherName, "branch", committee);
        var userName = "lang" + DirectoryTests.Suffix();
        var person = await DirectoryTests.RegisterAsync(admin, userName, branch);
        var displayName = "测试" + userName[..6];
        var join = new { unitId = branch };

        foreach (var language in new[] { "zh-CN", "en" })
        {
            // 409 from the entity, naming the unit it was given.
            var twice = await ProblemAsync(admin, HttpMethod.Post, $"/identity/api/directory/people/{person}/memberships", join, HttpStatusCode.Conflict, language);
            ShouldSpeak(language, twice);
            twice.GetProperty("detail").GetString()!.ShouldContain(branchName);
            twice.GetProperty("detail").GetString()!.ShouldContain(displayName);

            // 409 naming a unit the person knows only by id: the directory looks its name up.
            var notMember = await ProblemAsync(admin, HttpMethod.Post, $"/identity/api/directory/people/{person}/memberships/{other}/end", null, HttpStatusCode.Conflict, language);
            ShouldSpeak(language, notMember);
            notMember.GetProperty("detail").GetString()!.ShouldContain(otherName);

            // 409 of a unit with members.
            var notEmpty = await ProblemAsync(admin, HttpMethod.Post, $"/identity/api/directory/units/{branch}/deactivate", null, HttpStatusCode.Conflict, language);
            ShouldSpeak(language, notEmpty);
            notEmpty.GetProperty("detail").GetString()!.ShouldContain(branchName);
        }
    }

    [Fact]
    public async Task Unit_kinds_are_named_in_words_and_a_party_group_names_its_branch()
    {
        using var admin = await AdminAsync();
        var committee = await DirectoryTests.CommitteeIdAsync(admin);
        var branchName = "党小组所在支部" + DirectoryTests.Suffix();
        var branch = await DirectoryTests.CreateUnitAsync(admin, branchName, "branch", committee);
        var group = await DirectoryTests.CreateUnitAsync(admin, "语言测试党小组" + DirectoryTests.Suffix(), "partyGroup", branch);
        var outsider = await DirectoryTests.RegisterAsync(admin, "out" + DirectoryTests.Suffix(), branch: null);
        var misplaced = new { name = "错位党小组", kind = "partyGroup", parentId = committee };

        var chinese = await ProblemAsync(admin, HttpMethod.Post, "/identity/api/directory/units", misplaced, HttpStatusCode.UnprocessableEntity);
        ProblemLanguage.ShouldSpeakChinese(chinese);
        chinese.GetProperty("detail").GetString().ShouldBe("党小组应隶属于党支部。");
        var english = await ProblemAsync(admin, HttpMethod.Post, "/identity/api/directory/units", misplaced, HttpStatusCode.UnprocessableEntity, "en");
        ProblemLanguage.ShouldSpeakEnglish(english);
        english.GetProperty("detail").GetString()!.ShouldContain("party group");

        foreach (var language in new[] { "zh-CN", "en" })
        {
            var otherBranch = await ProblemAsync(admin, HttpMethod.Post, $"/identity/api/directory/people/{outsider}/memberships", new { unitId = group },
                HttpStatusCode.UnprocessableEntity, language);
            ShouldSpeak(language, otherBranch);
            otherBranch.GetProperty("detail").GetString()!.ShouldContain(branchName);
        }
    }

    [Fact]
    public async Task Field_errors_are_in_the_caller_s_language()
    {
        using var admin = await AdminAsync();
        var register = new
        {
            userName = "field" + DirectoryTests.Suffix(), displayName = "字段", password = "password", roles = new[] { "Emperor" }, phoneNumber = "12345",
        };

        foreach (var language in new[] { "zh-CN", "en" })
        {
            var invalid = await ProblemAsync(admin, HttpMethod.Post, "/identity/api/directory/people", register, HttpStatusCode.BadRequest, language);
            ShouldSpeak(language, invalid);
            invalid.GetProperty("errors").GetProperty("roles[0]").EnumerateArray().Single().GetString()!.ShouldContain("Emperor");
            invalid.GetProperty("errors").TryGetProperty("phoneNumber", out _).ShouldBeTrue();

            var policy = await ProblemAsync(admin, HttpMethod.Post, "/identity/api/directory/people", register with { roles = ["Member"], phoneNumber = "13812345678" },
                HttpStatusCode.BadRequest, language);
            ShouldSpeak(language, policy);
            policy.GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString())
                .ShouldContain(language == "en" ? "The password needs at least 10 characters" : "密码至少需要10位");

            var kind = await ProblemAsync(admin, HttpMethod.Get, "/identity/api/directory/units?kind=club", null, HttpStatusCode.BadRequest, language);
            ShouldSpeak(language, kind);

            var missingParent = await ProblemAsync(admin, HttpMethod.Post, "/identity/api/directory/units",
                new { name = "无上级支部", kind = "branch", parentId = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity, language);
            ShouldSpeak(language, missingParent);
            missingParent.GetProperty("errors").TryGetProperty("parentId", out _).ShouldBeTrue();
        }
    }

    private async Task<HttpClient> AdminAsync()
    {
        var identity = await IdentityHost.SharedAsync(servers);
        return await identity.ClientForPersonAsync(identity.Service, "admin");
    }

    private static void ShouldSpeak(string language, JsonElement problem)
    {
        if (language == "en")
        {
            ProblemLanguage.ShouldSpeakEnglish(problem);
        }
        else
        {
            ProblemLanguage.ShouldSpeakChinese(problem);
        }
    }

    private async Task<JsonElement> ProblemAsync(
        HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode status, string? language = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
