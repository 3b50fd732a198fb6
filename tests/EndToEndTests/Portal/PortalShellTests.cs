using System.Diagnostics;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// Every role signs in through the identity service's page and lands on a home that offers its own work, at desktop
/// and phone width: accessible (axe: nothing serious or critical), fitting the screen, and nothing fetched from another
/// host. Screenshots are kept as the run's artefacts.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PortalShellTests(PlatformFixture platform)
{
    // Phone width for the people who work from phones (members, secretaries, enterprises, the office on the move),
    // desktop for the rest; every other browser test also checks its screens at one width or both.
    public static TheoryData<string, int> People() => new()
    {
        { "member", PortalBrowser.PhoneWidth }, { "secretary", PortalBrowser.PhoneWidth }, { "enterprise", PortalBrowser.PhoneWidth },
        { "office", PortalBrowser.PhoneWidth }, { "office", PortalBrowser.DesktopWidth }, { "handler", PortalBrowser.DesktopWidth },
        { "leader", PortalBrowser.DesktopWidth }, { "operator", PortalBrowser.DesktopWidth },
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task A_person_signed_in_has_a_home_of_their_own_work(string userName, int width)
    {
        await using var person = await PortalBrowser.SignedInAsync(platform, userName, width);

        await Assertions.Expect(person.Page.Locator("h1")).ToContainTextAsync("您好");
        await person.CheckPageAsync($"home-{userName}");
        person.ShouldHaveLoadedNothingFromOtherHosts();
    }

    [Fact]
    public async Task Signing_out_ends_the_portal_session_and_the_identity_session()
    {
        await using var person = await PortalBrowser.OpenAsync(platform);
        await person.SignInAsync("member");

        await person.Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await person.Page.WaitForURLAsync(url => url.EndsWith("/portal/", StringComparison.Ordinal));
        await Assertions.Expect(person.Page.GetByRole(AriaRole.Link, new() { Name = "登录" }).First).ToBeVisibleAsync();

        // Signing in again asks for the password: the identity service's session ended too.
        await person.Page.GetByRole(AriaRole.Link, new() { Name = "登录" }).First.ClickAsync();
        await Assertions.Expect(person.Page.Locator("#password")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_first_page_after_sign_in_answers_clicks_soon_and_speaks_English_on_request()
    {
        await using var person = await PortalBrowser.OpenAsync(platform);
        await person.SignInAsync("office");
        // Warm: the measured load is a person's second visit of the day, not the process's first page ever.
        var clock = Stopwatch.StartNew();
        await person.GoToAsync("");
        clock.Stop();
        Directory.CreateDirectory(PortalBrowser.ArtefactDirectory);
        await File.AppendAllTextAsync(Path.Combine(PortalBrowser.ArtefactDirectory, "timings.txt"),
            $"home interactive after navigation: {clock.ElapsedMilliseconds} ms{Environment.NewLine}", TestContext.Current.CancellationToken);

        await person.Page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await person.InteractiveAsync();
        await Assertions.Expect(person.Page.Locator("h1")).ToContainTextAsync("Hello");
        person.ShouldHaveLoadedNothingFromOtherHosts();
    }
}
