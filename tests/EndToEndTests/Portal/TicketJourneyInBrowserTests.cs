using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The closed loop in a real browser, each person at their own screen: an enterprise submits a request, the office
/// accepts and assigns it to the investment task force, the force's handler takes it, asks for an extension that the
/// office approves, and resolves it, and the enterprise confirms and rates it. Every ticket screen on the way is
/// checked with axe and for fitting the screen, and the submit form and the ticket page are kept as screenshots at
/// phone and desktop width. A leader's dashboard, open the whole time, counts the ticket when it is submitted and again
/// when it is rated, without a reload.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class TicketJourneyInBrowserTests(PlatformFixture platform)
{
    /// <summary>The seeded task force the seeded handler belongs to.</summary>
    private const string InvestmentTaskForce = "招商服务专班";
    private static readonly CultureInfo ChineseCulture = CultureInfo.GetCultureInfo("zh-CN");

    private sealed record SubmittedTicket(Guid Id, string Number, string Title);

    [Fact]
    public async Task An_enterprise_request_is_dispatched_resolved_and_rated_in_the_browser_and_the_dashboard_follows_it_live()
    {
        await using var dashboard = await PortalBrowser.SignedInAsync(platform, "leader");
        await dashboard.GoToAsync("dashboard");
        var submitted = dashboard.Page.Locator("#ticket-total");
        var rated = dashboard.Page.Locator("#ticket-confirmed");
        var submittedBefore = await CountAsync(submitted);
        var ratedBefore = await CountAsync(rated);
        await dashboard.ScreenshotAsync("dashboard-before");
        // A page that reloaded would lose this mark; navigations of the page are counted as well.
        await dashboard.Page.EvaluateAsync("() => window.stayedOnPage = true");
        var navigations = 0;
        dashboard.Page.FrameNavigated += (_, frame) => navigations += frame == dashboard.Page.MainFrame ? 1 : 0;

        await using var enterprise = await PortalBrowser.SignedInAsync(platform, "enterprise", PortalBrowser.PhoneWidth);
        var ticket = await SubmitAsync(enterprise);
        await Assertions.Expect(submitted).ToHaveTextAsync(Count(submittedBefore + 1), new() { Timeout = 30_000 });
        await DispatchToTheTaskForceAsync(ticket);
        await ResolveAsync(ticket);
        await ConfirmAndRateAsync(enterprise, ticket);
        enterprise.ShouldHaveLoadedNothingFromOtherHosts();

        await Assertions.Expect(rated).ToHaveTextAsync(Count(ratedBefore + 1), new() { Timeout = 30_000 });
        (await dashboard.Page.EvaluateAsync<bool>("() => window.stayedOnPage === true")).ShouldBeTrue("the dashboard reloaded");
        navigations.ShouldBe(0);
        await dashboard.ScreenshotAsync("dashboard-after");
        await dashboard.ShouldBeAccessibleAsync();
        dashboard.ShouldHaveLoadedNothingFromOtherHosts();
    }

    private static async Task<int> CountAsync(ILocator figure)
    {
        await Assertions.Expect(figure).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        return int.Parse(await figure.InnerTextAsync(), NumberStyles.AllowThousands, ChineseCulture);
    }

    private static string Count(int value) => value.ToString("N0", ChineseCulture);

    private async Task<SubmittedTicket> SubmitAsync(PortalBrowser enterprise)
    {
        await using (var desktop = await PortalBrowser.SignedInAsync(platform, "enterprise"))
        {
            await desktop.GoToAsync("tickets/new");
            await desktop.CheckPageAsync("ticket-submit");
        }

        var title = $"浏览器测试：厂房用地审批卡顿 {Guid.NewGuid().ToString("N")[..8]}";
        var page = enterprise.Page;
        await enterprise.GoToAsync("tickets/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "提交诉求", Level = 1 })).ToBeVisibleAsync();
        await enterprise.CheckPageAsync("ticket-submit");

        await page.GetByLabel("诉求标题").FillAsync(title);
        await page.GetByLabel("诉求类别").SelectOptionAsync(new SelectOptionValue { Label = "用地" });
        await page.GetByLabel("问题描述").FillAsync("新厂房用地规划许可申请已提交二十个工作日，尚无答复，影响开工。");
        await page.GetByLabel("紧急程度").SelectOptionAsync(new SelectOptionValue { Label = "快办" });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(TicketPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("待受理");
        var id = Guid.Parse(TicketPage().Match(page.Url).Groups["id"].Value);
        var number = (await page.Locator(".ticket-number").TextContentAsync())!.Trim();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "办理进程" })).ToBeVisibleAsync();
        await enterprise.CheckPageAsync("ticket-page-submitted");

        await enterprise.GoToAsync("tickets/mine");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await enterprise.CheckPageAsync("tickets-mine");
        return new SubmittedTicket(id, number, title);
    }

    private async Task DispatchToTheTaskForceAsync(SubmittedTicket ticket)
    {
        await using var office = await PortalBrowser.SignedInAsync(platform, "office");
        var page = office.Page;
        await office.GoToAsync("tickets/dispatch");
        await office.CheckPageAsync("tickets-dispatch");
        await page.GetByRole(AriaRole.Link, new() { Name = ticket.Number }).ClickAsync();
        await page.WaitForURLAsync(TicketPage());

        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("已受理待交办");
        await page.GetByLabel("主办单位").SelectOptionAsync(new SelectOptionValue { Label = InvestmentTaskForce });
        await office.CheckPageAsync("ticket-page-dispatch");
        await page.GetByRole(AriaRole.Button, new() { Name = "交办", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("已交办");

        // The office's other ticket screens, empty or not, stay accessible and fit.
        foreach (var screen in new[] { "tickets/return-visits", "tickets/withdrawals", "tickets/supervision", "tickets/queue" })
        {
            await office.GoToAsync(screen);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            await office.CheckPageAsync();
        }
        office.ShouldHaveLoadedNothingFromOtherHosts();
    }

    private async Task ResolveAsync(SubmittedTicket ticket)
    {
        await using var handler = await PortalBrowser.SignedInAsync(platform, "handler");
        var page = handler.Page;
        await handler.GoToAsync("tickets/queue");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = ticket.Number })).ToBeVisibleAsync();
        await handler.CheckPageAsync("tickets-queue");
        await page.GetByRole(AriaRole.Link, new() { Name = ticket.Number }).ClickAsync();
        await page.WaitForURLAsync(TicketPage());

        await page.GetByRole(AriaRole.Button, new() { Name = "接单", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("办理中");

        // The force asks for more time and the office approves it on the ticket's page.
        var due = DateTimeOffset.UtcNow.AddDays(20).ToOffset(TimeSpan.FromHours(8));
        await page.GetByLabel("申请延至").FillAsync(due.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.GetByLabel("延期理由").FillAsync("需等待规划委员会月度审议。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交延期申请" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("申请延期");
        await using (var office = await PortalBrowser.SignedInAsync(platform, "office"))
        {
            await office.GoToAsync($"tickets/{ticket.Id}");
            await Assertions.Expect(office.Page.GetByRole(AriaRole.Heading, new() { Name = "审批延期申请" })).ToBeVisibleAsync();
            await office.Page.GetByRole(AriaRole.Radio, new() { Name = "同意延期", Exact = true }).CheckAsync();
            await office.CheckPageAsync("ticket-page-extension-decision");
            await office.Page.GetByRole(AriaRole.Button, new() { Name = "提交决定" }).ClickAsync();
            await Assertions.Expect(office.Page.Locator("ol.timeline")).ToContainTextAsync("同意延期");
        }
        await handler.GoToAsync($"tickets/{ticket.Id}");
        await page.GetByLabel("办结情况").FillAsync("已协调规划部门完成审查，规划许可证已核发。");
        await handler.CheckPageAsync("ticket-page-handling");
        await page.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("已办结待确认");
        handler.ShouldHaveLoadedNothingFromOtherHosts();

        await using var leader = await PortalBrowser.SignedInAsync(platform, "leader", PortalBrowser.PhoneWidth);
        await leader.GoToAsync("tickets/supervision");
        await Assertions.Expect(leader.Page.GetByRole(AriaRole.Heading, new() { Name = "督办单", Level = 1 })).ToBeVisibleAsync();
        await leader.CheckPageAsync();
    }

    private static async Task ConfirmAndRateAsync(PortalBrowser enterprise, SubmittedTicket ticket)
    {
        var page = enterprise.Page;
        await enterprise.GoToAsync($"tickets/{ticket.Id}");
        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("已办结待确认");
        await page.GetByLabel("满意度").SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await page.GetByLabel("评价意见").FillAsync("办理及时，感谢专班。");
        await enterprise.CheckPageAsync("ticket-page-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认并评价" }).ClickAsync();

        await Assertions.Expect(page.Locator(".ticket-state")).ToHaveTextAsync("已确认");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("办理及时，感谢专班。");
    }


    [GeneratedRegex(@"/portal/tickets/(?<id>[0-9a-f-]{36})")]
    private static partial Regex TicketPage();
}
