using System.Globalization;
using BrandPlatform.Testing;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The portal issue's study acceptance in a real browser: 第一党支部's secretary plans a party lesson, holds it with
/// attendance and minutes, and the branch's coverage page shows the member who attended as covered; compliance counts
/// the lesson, and the member finds it with their own attendance. Every page built for study is checked for axe's
/// serious and critical rules and for fitting a phone's width, with screenshots at both widths.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class StudyInBrowserTests(PlatformFixture platform)
{
    private const string Member = "第一党支部党员";
    private const string Secretary = "第一党支部书记";
    // The roster reaches study from the directory's events; a held record is read back at once, but allow the same.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_secretary_plans_and_holds_a_party_lesson_and_the_coverage_page_shows_it()
    {
        await using var secretary = await PortalBrowser.SignedInAsync(platform, "secretary");

        await secretary.GoToAsync("study/calendar");
        await Assertions.Expect(secretary.Page.GetByRole(AriaRole.Heading, new() { Name = "支部活动日历", Level = 1 })).ToBeVisibleAsync();
        await secretary.CheckPageAsync("study-calendar");
        await secretary.Page.GetByRole(AriaRole.Link, new() { Name = "计划活动" }).ClickAsync();
        await Assertions.Expect(secretary.Page.GetByRole(AriaRole.Heading, new() { Name = "计划学习活动" })).ToBeVisibleAsync();

        // An hour that has just passed, so the record can be filed straight after, as a secretary does after the lesson.
        var start = DateTimeOffset.UtcNow.AddMinutes(-70).ToOffset(TimeSpan.FromHours(8));
        var topic = $"学习贯彻党的二十届四中全会精神 {start:HHmmss}";
        await secretary.Page.GetByLabel("活动类型").SelectOptionAsync("partyLesson");
        await secretary.Page.GetByLabel("主题").FillAsync(topic);
        await secretary.Page.GetByLabel("地点").FillAsync("机关三楼党员活动室");
        await secretary.Page.GetByLabel("计划开始时间").FillAsync(Local(start));
        await secretary.Page.GetByLabel("计划结束时间").FillAsync(Local(start.AddHours(1)));
        await secretary.CheckPageAsync("study-plan");
        await secretary.Page.GetByRole(AriaRole.Button, new() { Name = "保存计划" }).ClickAsync();

        await Assertions.Expect(secretary.Page.GetByRole(AriaRole.Heading, new() { Name = topic, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(secretary.Page.GetByText("已计划")).ToBeVisibleAsync();
        var lesson = secretary.Page.Url;
        var memberStatus = secretary.Page.GetByLabel($"{Member}的出勤");
        await Eventually.ReturnsAsync(async () =>
        {
            if (await memberStatus.CountAsync() > 0)
            {
                return true;
            }
            var reload = secretary.Page.GetByRole(AriaRole.Button, new() { Name = "重新加载名册" });
            if (await reload.CountAsync() > 0)
            {
                await reload.ClickAsync();
            }
            return await memberStatus.CountAsync() > 0;
        }, found => found, Delivery, "第一党支部's roster on the hold form", TestContext.Current.CancellationToken);
        await memberStatus.SelectOptionAsync("present");
        await secretary.Page.GetByLabel($"{Secretary}的出勤").SelectOptionAsync("present");
        await secretary.Page.GetByLabel("会议记录").FillAsync("书记讲授专题党课，党员交流学习体会。");
        await secretary.CheckPageAsync("study-hold");
        await secretary.Page.GetByRole(AriaRole.Button, new() { Name = "提交活动记录" }).ClickAsync();

        await Assertions.Expect(secretary.Page.GetByText("活动记录已提交。")).ToBeVisibleAsync();
        await Assertions.Expect(secretary.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Member })).ToContainTextAsync("出席");
        await secretary.CheckPageAsync("study-held");

        // Coverage of the quarter so far: the member who attended is no longer among those missing.
        await secretary.GoToAsync("study/coverage");
        var missing = secretary.Page.GetByRole(AriaRole.List, new() { Name = "尚未覆盖的党员" });
        await Eventually.ReturnsAsync(async () =>
        {
            await secretary.GoToAsync("study/coverage");
            await Assertions.Expect(secretary.Page.Locator("#coverage-figures")).ToBeVisibleAsync();
            return await missing.CountAsync() == 0 || !(await missing.InnerTextAsync()).Contains(Member, StringComparison.Ordinal);
        }, covered => covered, Delivery, "the coverage page to count the member who attended", TestContext.Current.CancellationToken);
        var figures = await secretary.Page.Locator("#coverage-figures").InnerTextAsync();
        Covered(figures).ShouldBeGreaterThanOrEqualTo(2, figures);
        await secretary.CheckPageAsync("study-coverage");

        await secretary.GoToAsync("study/compliance");
        await Assertions.Expect(secretary.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "党课" }).First).ToContainTextAsync("已落实");
        await secretary.CheckPageAsync("study-compliance");

        // The same pages at a phone's width.
        await using var phone = await PortalBrowser.SignedInAsync(platform, "secretary", PortalBrowser.PhoneWidth);
        foreach (var (path, name) in new[] { ("study/calendar", "study-calendar"), ("study/plan", "study-plan"), ("study/coverage", "study-coverage"),
                     ("study/compliance", "study-compliance") })
        {
            await phone.GoToAsync(path);
            await Assertions.Expect(phone.Page.Locator("h1")).ToBeVisibleAsync();
            // A page may load several parts at once (the branch, then its figures): every one has finished.
            await Assertions.Expect(phone.Page.Locator(".state.loading")).ToHaveCountAsync(0);
            await phone.CheckPageAsync(name);
        }
        await phone.Page.GotoAsync(lesson);
        await phone.InteractiveAsync();
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = topic, Level = 1 })).ToBeVisibleAsync();
        await phone.CheckPageAsync("study-held");

        // The member finds the lesson among their own activities, with their own attendance; nobody else's.
        await using var member = await PortalBrowser.SignedInAsync(platform, "member", PortalBrowser.PhoneWidth);
        await member.GoToAsync("study/mine");
        var row = member.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = topic });
        await Assertions.Expect(row).ToContainTextAsync("出席");
        await member.CheckPageAsync("study-mine");
        await row.GetByRole(AriaRole.Link, new() { Name = topic }).ClickAsync();
        await Assertions.Expect(member.Page.GetByRole(AriaRole.Heading, new() { Name = topic, Level = 1 })).ToBeVisibleAsync();
        // One attendance line, the member's own (counted in the table's body: at phone width its header row is hidden).
        await Assertions.Expect(member.Page.Locator("main table tbody tr")).ToHaveCountAsync(1);
        await member.CheckPageAsync("study-held-member");

        secretary.ShouldHaveLoadedNothingFromOtherHosts();
        phone.ShouldHaveLoadedNothingFromOtherHosts();
        member.ShouldHaveLoadedNothingFromOtherHosts();
    }


    /// <summary>A datetime-local field's value: Beijing wall-clock time to the minute.</summary>
    private static string Local(DateTimeOffset chinaTime) => chinaTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>"N 名党员中已覆盖 M 名": M.</summary>
    private static int Covered(string figures) =>
        int.Parse(figures.Split("已覆盖")[1].Replace("名", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
}
