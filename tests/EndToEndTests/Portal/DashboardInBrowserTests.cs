using System.Net.Http.Json;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// The programme dashboard and the office's supervision screens in a real browser (the dashboard following a ticket
/// live is in the ticket journey): a person who may not read a figure sees the API's answer in the chart's place, and
/// every screen is accessible and fits a phone. Screenshots are kept as artefacts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardInBrowserTests(PlatformFixture platform)
{
    private const string VolumeChart = "#chart-volume";

    /// <summary>The page's console and its failed requests, kept beside the screenshots: what a failed run is read from.</summary>
    private static async Task<PortalBrowser> SignedInAsync(PlatformFixture platform, string userName, string name, int width = PortalBrowser.DesktopWidth)
    {
        var person = await PortalBrowser.SignedInAsync(platform, userName, width);
        Directory.CreateDirectory(PortalBrowser.ArtefactDirectory);
        var log = Path.Combine(PortalBrowser.ArtefactDirectory, $"console-{name}-{width}.txt");
        void Keep(string line)
        {
            lock (person)
            {
                File.AppendAllText(log, line + Environment.NewLine);
            }
        }
        person.Page.Console += (_, message) => Keep($"{message.Type}: {message.Text}");
        person.Page.PageError += (_, error) => Keep($"page error: {error}");
        person.Page.RequestFailed += (_, request) => Keep($"failed: {request.Method} {request.Url} {request.Failure}");
        person.Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Keep($"{response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return person;
    }

    [Theory]
    [InlineData(PortalBrowser.PhoneWidth)]
    [InlineData(PortalBrowser.DesktopWidth)]
    public async Task A_person_who_may_not_read_the_figures_sees_the_refusal_in_place_of_each_chart(int width)
    {
        await using var member = await SignedInAsync(platform, "member", "dashboard-member", width);
        await member.GoToAsync("dashboard");

        await Assertions.Expect(member.Page.Locator("h1")).ToHaveTextAsync("工作看板");
        foreach (var chart in new[] { VolumeChart, "#chart-on-time", "#chart-satisfaction", "#chart-coverage" })
        {
            await Assertions.Expect(member.Page.Locator($"{chart} [role=alert]")).ToBeVisibleAsync();
            await Assertions.Expect(member.Page.Locator($"{chart} svg")).ToHaveCountAsync(0);
        }
        await member.CheckPageAsync("dashboard-member");
    }

    [Theory]
    [InlineData(PortalBrowser.PhoneWidth)]
    [InlineData(PortalBrowser.DesktopWidth)]
    public async Task The_office_reads_its_dashboard_and_supervision_screens_on_a_phone_and_a_desktop(int width)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var officeApi = await platform.SignedInAsync("office", cancellationToken);
        using var registered = await officeApi.PostAsJsonAsync("/api/supervision/documents", new
        {
            number = $"闽委办〔2026〕{Random.Shared.Next(100, 999)}号",
            issuer = "中共福建省委办公厅",
            title = "关于做好年底党建工作检查的通知",
            @class = "上级来文",
            priority = "urgent",
        }, cancellationToken);
        registered.EnsureSuccessStatusCode();
        await using var office = await SignedInAsync(platform, "office", "supervision", width);

        foreach (var (path, heading, shows) in new (string, string, string?)[]
        {
            ("dashboard", "工作看板", null), ("supervision/tasks", "督办任务", null), ("supervision/brands", "党建品牌", null),
            ("supervision/documents", "收文登记", "关于做好年底党建工作检查的通知"), ("supervision/document-errors", "错情通报", null),
        })
        {
            await office.GoToAsync(path);
            await Assertions.Expect(office.Page.Locator("h1")).ToHaveTextAsync(heading);
            if (shows is not null)
            {
                await Assertions.Expect(office.Page.GetByText(shows).First).ToBeAttachedAsync();
            }
            await Assertions.Expect(office.Page.Locator(".state.loading")).ToHaveCountAsync(0);
            await Assertions.Expect(office.Page.Locator("main [role=alert]")).ToHaveCountAsync(0);
            await office.CheckPageAsync(path.Replace('/', '-'));
        }
        office.ShouldHaveLoadedNothingFromOtherHosts();
    }

    [Fact]
    public async Task The_operator_finds_the_dashboard_and_how_to_replay_error_queues()
    {
        await using var @operator = await SignedInAsync(platform, "operator", "operations", PortalBrowser.PhoneWidth);
        await @operator.Page.GetByRole(AriaRole.Link, new() { Name = "运维" }).First.ClickAsync();

        await Assertions.Expect(@operator.Page.Locator("h1")).ToHaveTextAsync("运维");
        await Assertions.Expect(@operator.Page.GetByRole(AriaRole.Heading, new() { Name = "重放错误队列" })).ToBeVisibleAsync();
        await @operator.CheckPageAsync("operations");
    }
}
