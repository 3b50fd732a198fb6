using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The engagement-event screens in a real browser, through the gateway: the office announces a 银企对接会 and registers
/// a bank; an enterprise finds it under 活动报名 on its phone and registers with a financing need of 500 万元; on the
/// event's day the office records it held with both present and matches the enterprise's need with the bank; the
/// enterprise, reloading the event, reads the bank and its need among the outcomes. Then the office registers a chamber
/// of commerce, records a task force's key project and its next stage, and finds it on the month's 五比五晒 board.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EngagementInBrowserTests(PlatformFixture platform)
{
    private const string Enterprise = "示范科技有限公司";
    /// <summary>A bank's code, valid (its check character computed as the platform does) and used by no seeded enterprise.</summary>
    private const string BankCreditCode = "91320100MA1E2EBK09";
    /// <summary>The event starts this long after it is announced: registrations close then, so the enterprise registers before.</summary>
    private static readonly TimeSpan StartsIn = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task An_enterprise_registers_its_financing_need_on_a_phone_and_reads_the_bank_the_office_matched_it_with_after_the_event()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var officeApi = await platform.SignedInAsync("office", cancellationToken);
        var marker = DateTimeOffset.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var title = "第四季度银企对接会" + marker;
        var bank = "市农商银行" + marker;
        var need = "扩产流动资金贷款，期限一年" + marker;

        // Held is recorded from the event's China date on, and the event starts soon: both on today's China date.
        await UntilTheStartIsTodayAsync(cancellationToken);
        var engagement = await CreatedIdAsync(await officeApi.PostAsJsonAsync("/api/liaison/events", new
        {
            series = "bankEnterpriseMatching", title, startsAt = DateTimeOffset.UtcNow.Add(StartsIn), place = "市民中心三楼报告厅",
            leaders = new[] { "市委统战部副部长 李明" }, description = "围绕企业扩产和技改融资需求，组织驻市银行现场对接。",
        }, cancellationToken));
        await CreatedIdAsync(await officeApi.PostAsJsonAsync($"/api/liaison/events/{engagement}/registrations", new
        {
            kind = "bank", organisationName = bank, creditCode = BankCreditCode, attendeeName = "周华", attendeePosition = "普惠金融部总经理",
        }, cancellationToken));

        // The enterprise, on its phone, finds the event under 活动报名 and registers with its need.
        await using var enterprise = await PortalBrowser.SignedInAsync(platform, "enterprise", PortalBrowser.PhoneWidth);
        var page = enterprise.Page;
        await OpenMenuAsync(enterprise, "活动报名");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Assertions.Expect(row).ToContainTextAsync("银企对接会");
        await enterprise.CheckPageAsync("liaison-events-enterprise");
        await row.GetByRole(AriaRole.Link, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "报名参加" })).ToBeVisibleAsync();
        await page.GetByLabel("参会人姓名").FillAsync("陈志强");
        await page.GetByLabel("参会人职务").FillAsync("董事长");
        await page.GetByLabel("融资需求").FillAsync(need);
        await page.GetByLabel("需求金额（万元）").FillAsync("500");
        await enterprise.CheckPageAsync("liaison-event-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交报名" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "报名成功" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#my-registration")).ToHaveTextAsync("已报名");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "撤回报名" })).ToBeVisibleAsync();
        await OpenMenuAsync(enterprise, "活动报名");
        await Assertions.Expect(row).ToContainTextAsync("已报名");
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(page.Locator("#my-registration")).ToHaveTextAsync("已报名");

        // The office opens the event in the browser: both registered, its announce form refuses what is missing.
        await using var office = await PortalBrowser.SignedInAsync(platform, "office");
        var desk = office.Page;
        await OpenMenuAsync(office, "政企活动");
        var officeRow = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = title });
        await Assertions.Expect(officeRow).ToContainTextAsync("企业 1 家，银行 1 家");
        await office.CheckPageAsync("liaison-events");
        await desk.GetByRole(AriaRole.Link, new() { Name = "发布活动" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "发布活动", Level = 1 })).ToBeVisibleAsync();
        await desk.GetByLabel("活动地点").FillAsync("市民中心一楼多功能厅");
        await desk.GetByRole(AriaRole.Button, new() { Name = "发布", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.Locator("#error-title")).ToBeVisibleAsync();
        await office.CheckPageAsync("liaison-event-new");
        await office.GoToAsync("liaison/events");
        await officeRow.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        var registrations = desk.Locator("#event-registrations");
        await Assertions.Expect(registrations.GetByRole(AriaRole.Row).Filter(new() { HasText = Enterprise })).ToContainTextAsync(need);
        await Assertions.Expect(registrations.GetByRole(AriaRole.Row).Filter(new() { HasText = bank })).ToContainTextAsync("周华");
        await office.CheckPageAsync("liaison-event-office");

        // Held, with both present: registrations close, and the outcome form offers those who came.
        await desk.GetByLabel(Enterprise).CheckAsync();
        await desk.GetByLabel(bank).CheckAsync();
        await desk.GetByLabel("活动总结").FillAsync("企业和银行现场对接，达成融资意向。");
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交举办情况" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "举办情况已登记" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#event-state")).ToHaveTextAsync("已举办");
        await Assertions.Expect(registrations.GetByRole(AriaRole.Row).Filter(new() { HasText = Enterprise }).Locator(".tag.green")).ToHaveTextAsync("到会");

        // The enterprise's need matched with the bank.
        await desk.GetByLabel("成效类型").SelectOptionAsync(new SelectOptionValue { Label = "融资对接成功" });
        await desk.GetByLabel("企业", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Enterprise });
        await Assertions.Expect(desk.Locator("#outcome-need")).ToContainTextAsync(need);
        await Assertions.Expect(desk.GetByLabel("对接金额（万元）")).ToHaveValueAsync(new Regex(@"^500(\.0+)?$"));
        await desk.GetByLabel("银行", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = bank });
        await desk.GetByLabel("说明", new() { Exact = true }).FillAsync("达成授信意向，两周内完成审批。");
        await office.CheckPageAsync("liaison-event-outcome-form");
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交活动成效" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "活动成效已记录" })).ToBeVisibleAsync();
        var recorded = desk.Locator("#event-outcomes").GetByRole(AriaRole.Row).Filter(new() { HasText = Enterprise });
        await Assertions.Expect(recorded).ToContainTextAsync("融资对接成功");
        await Assertions.Expect(recorded).ToContainTextAsync(bank);

        // The enterprise reloads its event and reads what came of it: the bank its need was matched with.
        await page.ReloadAsync();
        await enterprise.InteractiveAsync();
        var outcome = page.Locator("#event-outcomes").GetByRole(AriaRole.Row).Filter(new() { HasText = bank });
        await Assertions.Expect(outcome).ToContainTextAsync(need);
        await Assertions.Expect(outcome).ToContainTextAsync("融资对接成功");
        await Assertions.Expect(outcome).ToContainTextAsync("500 万元");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "撤回报名" })).ToHaveCountAsync(0);
        await enterprise.CheckPageAsync("liaison-event-outcomes");

        // The office registers a chamber of commerce under 统战组织 (the chamber the tickets service then lists).
        var chamber = "示范商会" + marker;
        await OpenMenuAsync(office, "统战组织");
        await desk.GetByLabel("组织名称").FillAsync(chamber);
        await desk.GetByLabel("类别", new() { Exact = true }).First.SelectOptionAsync(new SelectOptionValue { Label = "商会" });
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "已登记" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Row).Filter(new() { HasText = chamber })).ToContainTextAsync("商会");
        await office.CheckPageAsync("liaison-organisations");

        // The office records a key project of 项目服务专班 and its next stage; the month's 五比五晒 shows it under 项目推进.
        var project = "新型材料项目" + marker;
        await OpenMenuAsync(office, "专班工作");
        await desk.GetByRole(AriaRole.Link, new() { Name = "记录新工作" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "记录专班工作", Level = 1 })).ToBeVisibleAsync();
        await office.InteractiveAsync();
        await desk.GetByLabel("工作专班", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "项目服务专班" });
        await desk.GetByLabel("名称", new() { Exact = true }).FillAsync(project);
        await desk.GetByLabel("企业名称", new() { Exact = true }).FillAsync(Enterprise);
        await desk.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(BankCreditCode);
        await desk.GetByLabel("投资额（万元）").FillAsync("120000");
        await office.CheckPageAsync("liaison-task-force-work-new");
        await desk.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = project, Level = 1 })).ToBeVisibleAsync();
        await office.InteractiveAsync();
        await Assertions.Expect(desk.Locator("#work-stage")).ToHaveTextAsync("谋划");
        await desk.GetByRole(AriaRole.Button, new() { Name = "记录进展" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "进展已记录" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#work-stage")).ToHaveTextAsync("审批");
        await office.CheckPageAsync("liaison-task-force-work");
        await OpenMenuAsync(office, "五比五晒");
        var column = desk.GetByRole(AriaRole.Region, new() { Name = "项目服务专班" });
        await Assertions.Expect(column).ToContainTextAsync(project + "：谋划 → 审批");
        await office.CheckPageAsync("liaison-task-force-board");

        enterprise.ShouldHaveLoadedNothingFromOtherHosts();
        office.ShouldHaveLoadedNothingFromOtherHosts();
    }

    /// <summary>Through the menu, as a person does; the home's cards name the same screens.</summary>
    private static async Task OpenMenuAsync(PortalBrowser person, string screen)
    {
        await person.Page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = screen, Exact = true }).ClickAsync();
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Heading, new() { Name = screen, Level = 1 })).ToBeVisibleAsync();
        await person.InteractiveAsync();
    }

    /// <summary>When the event would start on the next China date, until China's midnight has passed.</summary>
    private static async Task UntilTheStartIsTodayAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(China);
        // A minute to spare: the announcement itself takes a moment after this check.
        if (now.Add(StartsIn + TimeSpan.FromMinutes(1)).Date != now.Date)
        {
            await Task.Delay(now.Date.AddDays(1) - now.DateTime + TimeSpan.FromSeconds(5), cancellationToken);
        }
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
    }
}
