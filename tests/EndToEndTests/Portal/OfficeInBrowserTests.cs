using System.Globalization;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The office's own work in a real browser at a phone's width: it puts a supervision task on the list (milestones
/// planned backwards from the deadline) and registers a received document, and each appears in its list; it downloads
/// an export, which is a spreadsheet; and the liaison leader opens the linked chambers' figures. Every page built for
/// this is checked for axe's serious and critical rules and for fitting the screen, with a screenshot.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class OfficeInBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_office_creates_a_task_registers_a_document_and_downloads_an_export_and_the_leader_reads_the_chambers()
    {
        var stamp = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        await using var office = await PortalBrowser.SignedInAsync(platform, "office", PortalBrowser.PhoneWidth);
        var page = office.Page;

        await office.GoToAsync("supervision/tasks");
        var task = $"年底党建工作检查迎检准备 {stamp:HHmmss}";
        await page.Locator("#task-title").FillAsync(task);
        await page.Locator("#task-basis").FillAsync("党委会议决定");
        await page.Locator("#task-owner-unit").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部" });
        // The branch's roster is read once the branch is chosen.
        await page.Locator("#task-owner-person").SelectOptionAsync(new SelectOptionValue { Label = "第一党支部书记" });
        await page.Locator("#task-deadline").FillAsync(stamp.AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "按截止日期倒排节点" }).ClickAsync();
        await Assertions.Expect(page.Locator("#milestone-0-title")).ToBeVisibleAsync();
        await office.CheckPageAsync("office-task-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建任务" }).ClickAsync();
        await Assertions.Expect(page.GetByText("任务已创建")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").GetByText(task)).ToBeVisibleAsync();

        await office.GoToAsync("supervision/documents");
        var document = $"关于报送年度党建工作总结的通知 {stamp:HHmmss}";
        await page.Locator("#document-number").FillAsync($"榕委办〔2026〕{stamp:mmss}号");
        await page.Locator("#document-issuer").FillAsync("中共福州市委办公厅");
        await page.Locator("#document-title").FillAsync(document);
        await page.Locator("#document-class").FillAsync("上级来文");
        await page.Locator("#document-priority").SelectOptionAsync("urgent");
        await office.CheckPageAsync("office-document-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("已登记")).ToBeVisibleAsync();
        // A document received today is also among those open at the day's close.
        await Assertions.Expect(page.Locator("table").GetByText(document).First).ToBeVisibleAsync();

        await office.GoToAsync("reports/exports");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("报表导出");
        await office.CheckPageAsync("office-exports");
        await page.Locator("#export-choice").SelectOptionAsync("ticketsByUnit");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "下载" }).ClickAsync());
        var file = Path.Combine(PortalBrowser.ArtefactDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var content = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        content.Length.ShouldBeGreaterThan(2);
        content[..2].ShouldBe("PK"u8.ToArray(), "an xlsx is a zip");
        office.ShouldHaveLoadedNothingFromOtherHosts();

        await using var leader = await PortalBrowser.SignedInAsync(platform, "leader", PortalBrowser.PhoneWidth);
        await leader.GoToAsync("reports/chambers");
        await Assertions.Expect(leader.Page.Locator("h1")).ToHaveTextAsync("联系商会诉求统计");
        await Assertions.Expect(leader.Page.GetByText("件诉求")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Page.Locator("main [role=alert]")).ToHaveCountAsync(0);
        await leader.CheckPageAsync("leader-chambers");
    }

}
