using System.Globalization;
using BrandPlatform.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The portal's discipline screens in a real browser: the office launches a warning-education campaign from the case
/// library, a member takes its integrity quiz at a phone's width and sees the result (and never the form again), and
/// the office finds the member counted among those who passed in the campaign's coverage, missing only the session.
/// Every page is checked for axe's serious and critical rules and for fitting the screen, with screenshots.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DisciplineInBrowserTests(PlatformFixture platform)
{
    private const string Branch = "第一党支部";
    private const string Member = "第一党支部党员";
    // The rosters reach discipline from the directory's events through the broker.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_office_launches_a_campaign_a_member_passes_its_quiz_on_a_phone_and_the_coverage_counts_the_member()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var office = await PortalBrowser.SignedInAsync(platform, "office");

        await office.GoToAsync("discipline/campaigns");
        await Assertions.Expect(office.Page.GetByRole(AriaRole.Heading, new() { Name = "警示教育活动", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(office.Page.Locator(".state.loading")).ToHaveCountAsync(0);
        await office.CheckPageAsync("discipline-campaigns");
        await office.Page.GetByRole(AriaRole.Link, new() { Name = "发起警示教育活动" }).ClickAsync();

        // Next year's last quarter: the quarter under way belongs to the API's own scenario, which runs on the same system.
        var year = PlatformFixture.ChinaToday().Year + 1;
        var theme = $"以案为鉴 守住节日廉洁关 {DateTimeOffset.UtcNow:HHmmss}";
        await office.Page.GetByLabel("年度").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await office.Page.GetByLabel("季度").SelectOptionAsync("4");
        await office.Page.GetByLabel("主题").FillAsync(theme);
        await office.Page.GetByRole(AriaRole.Group, new() { Name = "学习案例" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await office.Page.GetByLabel("题目数量").FillAsync("3");
        await office.CheckPageAsync("discipline-launch");
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "发起活动" }).ClickAsync();

        await Assertions.Expect(office.Page.GetByRole(AriaRole.Heading, new() { Name = theme, Level = 1 })).ToBeVisibleAsync();
        var campaign = office.Page.Url[(office.Page.Url.LastIndexOf('/') + 1)..];
        // The member can start the quiz once discipline has the branch's roster: the coverage shows it.
        var branchRow = office.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Branch });
        await Eventually.ReturnsAsync(async () =>
        {
            await office.GoToAsync($"discipline/campaigns/{campaign}");
            await Assertions.Expect(office.Page.Locator(".state.loading")).ToHaveCountAsync(0);
            return await branchRow.CountAsync() > 0 && await Count(branchRow, "党员数") > 0;
        }, ready => ready, Delivery, $"{Branch}'s roster in the campaign's coverage", cancellationToken);

        // The member knows the answers: the bank's key, read as the office.
        using var api = await platform.SignedInAsync("office", cancellationToken);
        var key = (await api.AllItemsAsync("/api/discipline/questions", cancellationToken)).ToDictionary(
            q => q.GetProperty("stem").GetString()!, q => q.GetProperty("correctOptions").EnumerateArray().Select(o => o.GetInt32()).ToList());

        await using var member = await PortalBrowser.SignedInAsync(platform, "member", PortalBrowser.PhoneWidth);
        await member.GoToAsync($"discipline/quiz/{campaign}");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "开始答题" }).ClickAsync();
        var questions = member.Page.Locator("fieldset.question");
        await Assertions.Expect(questions).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var question = questions.Nth(i);
            var legend = await question.Locator("legend").InnerTextAsync();
            foreach (var option in key.Single(q => legend.Contains(q.Key, StringComparison.Ordinal)).Value)
            {
                await question.Locator("input").Nth(option).CheckAsync();
            }
        }
        await member.CheckPageAsync("discipline-quiz");
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();

        var result = member.Page.Locator("#quiz-result");
        await Assertions.Expect(result).ToContainTextAsync("100");
        await Assertions.Expect(result).ToContainTextAsync("通过");
        await Assertions.Expect(result).ToContainTextAsync("剩余作答次数：0");
        await member.CheckPageAsync("discipline-quiz-result");
        // Taken: on coming back the member sees the result, not the form.
        await member.GoToAsync($"discipline/quiz/{campaign}");
        await Assertions.Expect(result).ToContainTextAsync("100");
        await Assertions.Expect(questions).ToHaveCountAsync(0);

        // The office counts the member among those who passed; not yet covered, for want of the branch's session only.
        await office.GoToAsync($"discipline/campaigns/{campaign}");
        (await Count(branchRow, "测试通过")).ShouldBe(1);
        await branchRow.GetByRole(AriaRole.Button).ClickAsync();
        var card = office.Page.Locator("li.card").Filter(new() { HasText = Member });
        await Assertions.Expect(card).ToContainTextAsync("未参加警示教育");
        await Assertions.Expect(card).Not.ToContainTextAsync("测试未通过");
        await office.CheckPageAsync("discipline-campaign");

        office.ShouldHaveLoadedNothingFromOtherHosts();
        member.ShouldHaveLoadedNothingFromOtherHosts();
    }


    /// <summary>A coverage row's figure in the column named <paramref name="column"/>.</summary>
    private static async Task<int> Count(ILocator row, string column) =>
        int.Parse(await row.Locator($"td[data-label='{column}']").InnerTextAsync(), CultureInfo.InvariantCulture);
}
