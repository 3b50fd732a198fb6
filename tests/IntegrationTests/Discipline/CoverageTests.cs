using System.Net;
using System.Text.Json;
using BrandPlatform.Discipline.Domain;
using BrandPlatform.Testing;
using Shouldly;
using static BrandPlatform.IntegrationTests.Discipline.CoverageWorld;

namespace BrandPlatform.IntegrationTests.Discipline;

/// <summary>
/// 廉政教育全覆盖 against real PostgreSQL, for last quarter's campaign (so its reference day is its last day):
/// 第一党支部 has a secretary present and passed, a member absent who passed the quiz, 孙八 present who failed it,
/// 赵六 who joined after the session, and 钱七 who was present but has since left; 第二党支部 has the officer.
/// </summary>
public sealed class CoverageTests(TestServers servers)
{
    private static readonly string[] Row = ["personId", "displayName", "attended", "madeUp", "quizPassed", "covered"];
    private static readonly string[] Figure = ["branchId", "branchName", "members", "attended", "madeUp", "quizPassed", "covered"];

    private static async Task<(CoverageWorld World, WarningCampaign Campaign)> SetUpAsync(TestServers servers)
    {
        var world = await CreateAsync(servers);
        var campaign = await world.LaunchPreviousQuarterAsync();
        var period = campaign.Period;
        var session = period.From.AddDays(14);
        var longAgo = period.From.AddYears(-1);
        await world.JoinAsync("secretary", world.FirstBranch, "王书记", longAgo);
        await world.JoinAsync("member", world.FirstBranch, "李党员", longAgo);
        await world.JoinAsync("孙八", world.FirstBranch, "孙八", longAgo);
        await world.JoinAsync("赵六", world.FirstBranch, "赵六", session.AddDays(5));
        await world.JoinAsync("钱七", world.FirstBranch, "钱七", longAgo, left: period.To.AddDays(-10));
        await world.JoinAsync("officer", world.SecondBranch, "周干事", longAgo);
        await world.HoldSessionAsync(campaign, world.FirstBranch, session, present: ["secretary", "孙八", "钱七"], absent: ["member"]);
        await world.HoldSessionAsync(campaign, world.SecondBranch, session, present: ["officer"], absent: []);
        foreach (var (person, pass) in new[] { ("secretary", true), ("member", true), ("孙八", false), ("赵六", true), ("officer", true) })
        {
            await world.TakeQuizAsync(campaign, person, pass);
        }
        return (world, campaign);
    }

    private static Dictionary<string, JsonElement> ByName(JsonElement list) =>
        list.EnumerateArray().ToDictionary(m => m.GetProperty("displayName").GetString()!);

    private static string[] Missing(JsonElement notCovered, string name) =>
        [.. ByName(notCovered)[name].GetProperty("missing").EnumerateArray().Select(m => m.GetString()!)];

    [Fact]
    public async Task A_branch_lists_its_members_and_who_is_not_covered_with_what_is_missing_until_the_make_up_completes()
    {
        var (world, campaign) = await SetUpAsync(servers);
        await using var _ = world;
        using var secretary = await world.ClientAsync("secretary");
        var path = $"/api/discipline/campaigns/{campaign.Id}/coverage/branches/{world.FirstBranch}";

        var (answered, coverage) = await GetAsync(secretary, path);
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, coverage.ToString());
        coverage.GetProperty("referenceDay").GetString().ShouldBe(campaign.Period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var members = coverage.GetProperty("members");
        members.EnumerateArray().Select(m => m.GetProperty("displayName").GetString()).ShouldBe(
            new[] { "王书记", "李党员", "孙八", "赵六" }.Order(StringComparer.Ordinal), "钱七 left before the reference day; 赵六 joined after the session");
        members.EnumerateArray().ShouldAllBe(m => m.EnumerateObject().Select(p => p.Name).SequenceEqual(Row), "passed or not, never a score");
        var rows = ByName(members);
        rows["王书记"].GetProperty("covered").GetBoolean().ShouldBeTrue();
        rows["李党员"].GetProperty("attended").GetBoolean().ShouldBeFalse();
        rows["李党员"].GetProperty("quizPassed").GetBoolean().ShouldBeTrue();
        rows["孙八"].GetProperty("attended").GetBoolean().ShouldBeTrue();
        rows["孙八"].GetProperty("covered").GetBoolean().ShouldBeFalse();

        var notCovered = coverage.GetProperty("notCovered");
        ByName(notCovered).Keys.ShouldBe(["李党员", "孙八", "赵六"], ignoreOrder: true);
        Missing(notCovered, "李党员").ShouldBe(["attendance"]);
        Missing(notCovered, "孙八").ShouldBe(["quiz"]);
        Missing(notCovered, "赵六").ShouldBe(["attendance"]);
        var figures = coverage.GetProperty("figures");
        (figures.GetProperty("members").GetInt32(), figures.GetProperty("attended").GetInt32(), figures.GetProperty("quizPassed").GetInt32(),
            figures.GetProperty("covered").GetInt32()).ShouldBe((4, 2, 3, 1));

        await world.CompleteMakeUpAsync(campaign, "赵六");
        var after = (await GetAsync(secretary, path)).Body;
        ByName(after.GetProperty("members"))["赵六"].GetProperty("madeUp").GetBoolean().ShouldBeTrue();
        ByName(after.GetProperty("notCovered")).Keys.ShouldBe(["李党员", "孙八"], ignoreOrder: true);
        after.GetProperty("figures").GetProperty("covered").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task The_office_compares_branches_by_counts_and_keepers_see_their_own_branch_only()
    {
        var (world, campaign) = await SetUpAsync(servers);
        await using var _ = world;
        using var office = await world.ClientAsync("office");
        using var secretary = await world.ClientAsync("secretary");
        using var officer = await world.ClientAsync("officer");
        using var member = await world.ClientAsync("member");
        var path = $"/api/discipline/campaigns/{campaign.Id}/coverage";

        var all = (await GetAsync(office, path)).Body;
        var branches = all.GetProperty("branches").EnumerateArray().ToDictionary(b => b.GetProperty("branchName").GetString()!);
        (branches["第一党支部"].GetProperty("members").GetInt32(), branches["第一党支部"].GetProperty("covered").GetInt32()).ShouldBe((4, 1));
        (branches["第二党支部"].GetProperty("members").GetInt32(), branches["第二党支部"].GetProperty("covered").GetInt32()).ShouldBe((1, 1));
        branches.Values.ShouldAllBe(b => b.EnumerateObject().Select(p => p.Name).SequenceEqual(Figure), "branches carry counts, never people");
        (all.GetProperty("members").GetInt32(), all.GetProperty("covered").GetInt32()).ShouldBe((5, 2));

        var own = (await GetAsync(secretary, path)).Body;
        own.GetProperty("branches").EnumerateArray().Select(b => b.GetProperty("branchId").GetGuid()).ShouldBe([world.FirstBranch]);
        (await GetAsync(member, path)).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(office, $"/api/discipline/campaigns/{Guid.NewGuid()}/coverage")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (foreign, refused) = await GetAsync(officer, $"{path}/branches/{world.FirstBranch}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.Forbidden, refused.ToString());
        refused.GetProperty("detail").GetString()!.ShouldContain("第一党支部");
        (await GetAsync(officer, $"/api/discipline/coverage/{campaign.Year}/branches/{world.FirstBranch}")).Response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync(officer, $"{path}/branches/{Guid.NewGuid()}")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(officer, $"{path}/branches/{world.SecondBranch}")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_year_shows_each_members_campaigns_and_pledge_and_a_member_reads_their_own()
    {
        var (world, campaign) = await SetUpAsync(servers);
        await using var _ = world;
        using var secretary = await world.ClientAsync("secretary");
        using var member = await world.ClientAsync("member");

        var (answered, year) = await GetAsync(secretary, $"/api/discipline/coverage/{campaign.Year}/branches/{world.FirstBranch}");
        answered.StatusCode.ShouldBe(HttpStatusCode.OK, year.ToString());
        year.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("campaignId").GetGuid()).ShouldBe([campaign.Id]);
        var rows = ByName(year.GetProperty("members"));
        rows.Keys.ShouldNotContain("钱七");
        var own = rows["王书记"];
        own.GetProperty("campaigns")[0].GetProperty("covered").GetBoolean().ShouldBeTrue();
        own.GetProperty("pledgeSigned").GetBoolean().ShouldBeFalse();
        own.GetProperty("covered").GetBoolean().ShouldBeFalse("the pledge is not signed");

        var (mine, coverage) = await GetAsync(member, $"/api/discipline/coverage/mine?year={campaign.Year}");
        mine.StatusCode.ShouldBe(HttpStatusCode.OK, coverage.ToString());
        var standing = coverage.GetProperty("standings").EnumerateArray().ShouldHaveSingleItem();
        (standing.GetProperty("counted").GetBoolean(), standing.GetProperty("attended").GetBoolean(), standing.GetProperty("quizPassed").GetBoolean(),
            standing.GetProperty("covered").GetBoolean()).ShouldBe((true, false, true, false));
        coverage.GetProperty("pledgeSigned").GetBoolean().ShouldBeFalse();
        (await GetAsync(member, "/api/discipline/coverage/mine?year=20260")).Response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
