using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using BrandPlatform.Testing;
using Microsoft.Playwright;
using Shouldly;
using UglyToad.PdfPig;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// Community work (issue 19) in a real browser, through the gateway: with a community, its pairing with 第一党支部 and
/// the quarter's theme set up by the office's API, a member on a 375 px phone registers with the community (社区报到)
/// and records a service under the theme (记录服务); the branch's secretary confirms the registration (社区共建), finds
/// the service counted on 本季度覆盖, drafts a news item from it and submits it; the office approves it under 稿件审核.
/// The published item is then in the public RSS and JSON feeds, its WeChat article and its A3 bulletin (a PDF) download
/// with its title, and anyone reads it on 新闻 without signing in; the office finds the community on 社区名单 and the
/// member finds the service on 我的年度记录.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class CommunityInBrowserTests(PlatformFixture platform)
{
    private const string Branch = "第一党支部";
    private const string Member = "第一党支部党员";
    private const string Street = "鼓楼街道";
    /// <summary>A3 portrait in PDF points (297 × 420 mm), as the bulletin board prints it.</summary>
    private const double A3Width = 842, A3Height = 1191;
    // Coverage is reporting's count of the community service's events; the feeds may be built the same way.
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_member_records_a_themed_service_on_a_phone_and_the_news_drafted_from_it_is_published_to_the_feeds_and_files()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var marker = DateTimeOffset.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var community = "示范社区" + marker;
        var summary = "为辖区独居老人上门体检、清洗家电，并讲解防范电信诈骗知识。" + marker;
        var title = $"第一党支部走进{community}开展邻里守望志愿服务";
        var today = PlatformFixture.ChinaToday();

        // Set-up as the office and the branch do it through the API: the community, its pairing with the branch, the theme.
        using var officeApi = await platform.SignedInAsync("office", cancellationToken);
        using var secretaryApi = await platform.SignedInAsync("secretary", cancellationToken);
        var branch = (await secretaryApi.AllItemsAsync("/api/study/branches", cancellationToken)).ShouldHaveSingleItem();
        branch.GetProperty("name").GetString().ShouldBe(Branch);
        var communityId = IdOf(await CreatedAsync(await officeApi.PostAsJsonAsync("/api/community/communities", new
        {
            name = community, street = Street, contactName = "林秀英", contactPhone = "13800138000",
        }, cancellationToken)));
        await CreatedAsync(await officeApi.PostAsJsonAsync("/api/community/pairings", new
        {
            branchId = branch.GetProperty("id").GetGuid(), communityId, from = today, to = (DateOnly?)null, note = "近邻党建结对",
        }, cancellationToken));
        var (themeId, theme) = await QuarterThemeAsync(officeApi, today, cancellationToken);

        // The member, on a narrow phone, registers with the community, then records a service under the quarter's theme.
        await using var member = await PortalBrowser.SignedInAsync(platform, "member", PortalBrowser.NarrowPhoneWidth);
        var phone = member.Page;
        await member.OpenMenuAsync("社区报到");
        await Assertions.Expect(phone.GetByText("你今年尚未到社区报到。")).ToBeVisibleAsync();
        await phone.GetByLabel("社区", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{community}（{Street}）" });
        await Assertions.Expect(phone.GetByLabel("报到日期")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await member.CheckPageAsync("community-register");
        await phone.GetByRole(AriaRole.Button, new() { Name = "报到", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "报到成功" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("#registration-state")).ToHaveTextAsync("待确认");
        await member.CheckPageAsync("community-registration");

        await member.OpenMenuAsync("记录服务");
        // The member's own community and the quarter's theme come chosen.
        await Assertions.Expect(phone.GetByLabel("社区", new() { Exact = true })).ToHaveValueAsync(communityId.ToString());
        await Assertions.Expect(phone.GetByLabel("服务主题", new() { Exact = true })).ToHaveValueAsync(themeId.ToString());
        await phone.GetByLabel("服务群众人数").FillAsync("35");
        await phone.GetByLabel("服务时长（小时）").FillAsync("6");
        await phone.GetByLabel("服务内容").FillAsync(summary);
        await phone.GetByRole(AriaRole.Button, new() { Name = "添加照片" }).ClickAsync();
        await phone.GetByLabel("照片1文件名").FillAsync("IMG_0412.jpg");
        await phone.GetByLabel("照片1说明").FillAsync("党员为独居老人测量血压");
        await phone.GetByRole(AriaRole.Button, new() { Name = "添加群众问题" }).ClickAsync();
        await phone.GetByLabel("问题1群众姓名").FillAsync("王桂兰");
        await phone.GetByLabel("问题1联系电话").FillAsync("13912345678");
        await phone.GetByLabel("问题1民生类别").SelectOptionAsync(new SelectOptionValue { Label = "养老" });
        await phone.GetByLabel("问题1标题").FillAsync("小区缺少老年助餐点");
        await phone.GetByLabel("问题1描述").FillAsync("独居老人就餐不便，希望社区设立助餐点。");
        await member.CheckPageAsync("community-service-form");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交服务记录" }).ClickAsync();
        var recorded = phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "服务已记录" });
        await Assertions.Expect(recorded).ToBeVisibleAsync();
        await recorded.GetByRole(AriaRole.Link, new() { Name = "查看服务记录" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "服务记录", Level = 1 })).ToBeVisibleAsync();
        var serviceId = Guid.Parse(ServiceAddress().Match(phone.Url).Groups[1].Value);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(summary);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync(theme);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("小区缺少老年助餐点");
        await member.CheckPageAsync("community-service");

        // The secretary confirms the registration under 社区共建.
        await using var secretary = await PortalBrowser.SignedInAsync(platform, "secretary");
        var desk = secretary.Page;
        await secretary.OpenMenuAsync("社区共建");
        await Assertions.Expect(desk.Locator("#pairings")).ToContainTextAsync(community);
        var registration = desk.Locator("#registrations").GetByRole(AriaRole.Row).Filter(new() { HasText = Member });
        await Assertions.Expect(registration).ToContainTextAsync("待确认");
        await secretary.CheckPageAsync("community-branch");
        await registration.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = $"已确认{Member}的报到" })).ToBeVisibleAsync();
        await Assertions.Expect(registration).ToContainTextAsync("已确认");

        // 本季度覆盖 counts the themed service for the branch once reporting has it.
        await secretary.OpenMenuAsync("本季度覆盖");
        await Eventually.ReturnsAsync(async () =>
        {
            await secretary.GoToAsync("community/coverage");
            await Assertions.Expect(desk.Locator(".state.loading")).ToHaveCountAsync(0);
            var row = desk.Locator("#coverage tbody tr").Filter(new() { HasText = Branch });
            return await row.CountAsync() > 0 ? await row.First.Locator(".themed").InnerTextAsync() : "";
        }, themed => Leading(themed) >= 1, Delivery, "本季度覆盖 to count 第一党支部's themed service", cancellationToken);
        // Who of the branch has not registered this year: not the member, who has.
        await desk.Locator("#coverage tbody tr").Filter(new() { HasText = Branch }).GetByRole(AriaRole.Button, new() { Name = "查看名单" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#unregistered")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#unregistered")).Not.ToContainTextAsync(Member);
        await secretary.CheckPageAsync("community-coverage");

        // The secretary drafts a news item from the service, edits its title, saves it and submits it for review.
        await secretary.OpenMenuAsync("起草宣传稿");
        await desk.GetByLabel("素材", new() { Exact = true }).SelectOptionAsync(serviceId.ToString());
        await desk.GetByRole(AriaRole.Button, new() { Name = "生成草稿" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "编辑稿件" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByLabel("正文")).Not.ToHaveValueAsync("");
        await desk.GetByLabel("稿件类型").SelectOptionAsync("news");
        await desk.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        await secretary.CheckPageAsync("community-draft");
        await desk.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await secretary.InteractiveAsync();
        await Assertions.Expect(desk.Locator("#item-state")).ToHaveTextAsync("草稿");
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "已提交审核" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#item-state")).ToHaveTextAsync("待审核");
        await secretary.CheckPageAsync("community-item-submitted");

        // The office finds it under 稿件审核, comments and approves it; the published item's files download.
        await using var office = await PortalBrowser.SignedInAsync(platform, "office");
        var review = office.Page;
        await office.OpenMenuAsync("稿件审核");
        await review.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(review.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await office.InteractiveAsync();
        await office.CheckPageAsync("community-review");
        await review.GetByLabel("审核意见").FillAsync("内容翔实，同意发布。");
        await review.GetByRole(AriaRole.Button, new() { Name = "添加意见" }).ClickAsync();
        await Assertions.Expect(review.GetByRole(AriaRole.Status).Filter(new() { HasText = "意见已添加" })).ToBeVisibleAsync();
        await review.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Assertions.Expect(review.GetByRole(AriaRole.Status).Filter(new() { HasText = "稿件已通过并发布" })).ToBeVisibleAsync();
        await Assertions.Expect(review.Locator("#item-state")).ToHaveTextAsync("已发布");
        await office.CheckPageAsync("community-item-published");

        var wechat = await File.ReadAllTextAsync(await DownloadAsync(review, "微信图文"), cancellationToken);
        wechat.ShouldContain(title);
        using (var bulletin = PdfDocument.Open(await File.ReadAllBytesAsync(await DownloadAsync(review, "公告栏A3"), cancellationToken)))
        {
            var first = bulletin.GetPage(1);
            PdfText.Plain(first.Text).ShouldContain(PdfText.Plain(title));
            first.Width.ShouldBe(A3Width, 1, "the bulletin is A3 portrait");
            first.Height.ShouldBe(A3Height, 1, "the bulletin is A3 portrait");
        }

        // The public feeds carry it, read through the gateway without a token.
        using var anonymous = platform.App.CreateHttpClient("gateway");
        await Eventually.ReturnsAsync(() => anonymous.GetStringAsync("/api/community/public/feed.rss", cancellationToken),
            rss => rss.Contains(title, StringComparison.Ordinal), Delivery, "the RSS feed to carry the published item", cancellationToken);
        await Eventually.ReturnsAsync(async () =>
        {
            using var feed = await anonymous.GetAsync("/api/community/public/feed.json", cancellationToken);
            feed.StatusCode.ShouldBe(HttpStatusCode.OK);
            var json = await feed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return json.GetProperty("items").EnumerateArray().Select(i => i.TryGetProperty("title", out var t) ? t.GetString() : null).ToList();
        }, titles => titles.Contains(title), Delivery, "the JSON feed to carry the published item", cancellationToken);

        // Anyone reads it on 新闻, without signing in.
        await using var visitor = await PortalBrowser.OpenAsync(platform, PortalBrowser.NarrowPhoneWidth);
        await visitor.GoToAsync("news");
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = "新闻", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Link, new() { Name = "RSS" })).ToHaveAttributeAsync("href", "/api/community/public/feed.rss");
        await visitor.CheckPageAsync("community-news");
        await visitor.Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(visitor.Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Page.Locator("main")).ToContainTextAsync(Branch);
        await visitor.CheckPageAsync("community-news-item");

        // The office's list of communities has it; the member's own year counts the service once reporting has it.
        await office.OpenMenuAsync("社区名单");
        await Assertions.Expect(review.Locator("#communities")).ToContainTextAsync(community);
        await office.CheckPageAsync("community-communities");
        await Eventually.ReturnsAsync(async () =>
        {
            await member.GoToAsync("community/my-card");
            await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "社区服务" })).ToBeVisibleAsync();
            return await phone.Locator("main").InnerTextAsync();
        }, text => text.Contains(community, StringComparison.Ordinal), Delivery, "我的年度记录 to list the member's service", cancellationToken);
        (await phone.Locator("main").InnerTextAsync()).ShouldNotContain("排名");
        await member.CheckPageAsync("community-my-card");

        member.ShouldHaveLoadedNothingFromOtherHosts();
        secretary.ShouldHaveLoadedNothingFromOtherHosts();
        office.ShouldHaveLoadedNothingFromOtherHosts();
        visitor.ShouldHaveLoadedNothingFromOtherHosts();
    }

    /// <summary>The theme of today's quarter: set now, or the one an earlier run on this platform set (one per quarter).</summary>
    private static async Task<(Guid Id, string Title)> QuarterThemeAsync(HttpClient office, DateOnly today, CancellationToken cancellationToken)
    {
        using var created = await office.PostAsJsonAsync("/api/community/themes", new
        {
            year = today.Year, quarter = (today.Month - 1) / 3 + 1, title = "邻里守望 关爱一老一小",
            description = "走访独居老人和留守儿童家庭，开展健康义诊、安全宣传等志愿服务。", servicesPerBranch = 1,
        }, cancellationToken);
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            var theme = await CreatedAsync(created);
            return (IdOf(theme), theme.GetProperty("title").GetString()!);
        }
        var current = await office.GetFromJsonAsync<JsonElement>("/api/community/themes/current", cancellationToken);
        return (IdOf(current), current.GetProperty("title").GetString()!);
    }

    /// <summary>Saves the file a download link on the page hands the browser, among the run's artefacts.</summary>
    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        var file = Path.Combine(PortalBrowser.ArtefactDirectory, $"community-{download.SuggestedFilename}");
        Directory.CreateDirectory(PortalBrowser.ArtefactDirectory);
        await download.SaveAsAsync(file);
        return file;
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    private static Guid IdOf(JsonElement record) => record.GetProperty("id").GetGuid();

    /// <summary>"3 / 1": the number before the slash (0 when there is none).</summary>
    private static int Leading(string figures) =>
        int.TryParse(figures.Split('/')[0].Trim(), CultureInfo.InvariantCulture, out var number) ? number : 0;

    [GeneratedRegex(@"community/services/([0-9a-f-]{36})")]
    private static partial Regex ServiceAddress();
}
