using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace BrandPlatform.EndToEndTests.Portal;

/// <summary>
/// A person at a browser: Debian's Chromium driven by Playwright against the gateway the AppHost started, at desktop or
/// phone width, in Chinese. It remembers every request the pages made, so a test can prove nothing came from another
/// host, and keeps screenshots as the run's artefacts (TestResults/portal under the test assembly's folder).
/// </summary>
public sealed class PortalBrowser : IAsyncDisposable
{
    public const int PhoneWidth = 390;
    /// <summary>The narrowest phone the portal is made for (an iPhone SE or mini): where a member records a service.</summary>
    public const int NarrowPhoneWidth = 375;
    public const int DesktopWidth = 1366;
    private static readonly SemaphoreSlim Launch = new(1, 1);
    // A signed-in person's cookies, kept for reuse while their access token (30 minutes) is surely valid: signing in
    // through the identity page costs seconds, and most tests are about what comes after it.
    private static readonly TimeSpan SignInReuse = TimeSpan.FromMinutes(20);
    private static readonly Dictionary<string, (string State, DateTimeOffset SignedInAt)> SignIns = [];
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    private readonly IBrowserContext context;
    private readonly Uri gateway;
    private readonly List<string> foreignRequests = [];

    private PortalBrowser(IBrowserContext context, IPage page, Uri gateway, int width)
    {
        this.context = context;
        this.gateway = gateway;
        Page = page;
        Width = width;
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" or "ws" or "wss"
                && url.Authority != gateway.Authority)
            {
                lock (foreignRequests)
                {
                    foreignRequests.Add(request.Url);
                }
            }
        };
    }

    public IPage Page { get; }
    public int Width { get; }
    public static string ArtefactDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults", "portal");

    /// <summary>
    /// A browser already signed in as the person (through the identity page the first time, then with the cookies that
    /// sign-in left), on the portal's home, interactive. Tests of signing in itself use <see cref="SignInAsync"/>.
    /// </summary>
    public static async Task<PortalBrowser> SignedInAsync(PlatformFixture platform, string userName, int width = DesktopWidth)
    {
        (string State, DateTimeOffset SignedInAt) kept;
        lock (SignIns)
        {
            SignIns.TryGetValue(userName, out kept);
        }
        if (kept.State is not null && DateTimeOffset.UtcNow - kept.SignedInAt < SignInReuse)
        {
            var person = await OpenAsync(platform, width, kept.State);
            await person.GoToAsync("");
            return person;
        }
        var fresh = await OpenAsync(platform, width);
        var signedInAt = DateTimeOffset.UtcNow;
        await fresh.SignInAsync(userName);
        var state = await fresh.context.StorageStateAsync();
        lock (SignIns)
        {
            SignIns[userName] = (state, signedInAt);
        }
        return fresh;
    }

    public static async Task<PortalBrowser> OpenAsync(PlatformFixture platform, int width = DesktopWidth, string? storageState = null)
    {
        await Launch.WaitAsync();
        try
        {
            playwright ??= await Playwright.CreateAsync();
            // What a page shows after a click may wait for the API behind it, on two cores shared by sixteen processes
            // and the browser: an expectation waits up to 15 s (Playwright's 5 s default cut loaded runs short).
            Assertions.SetDefaultExpectTimeout(15_000);
            browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                // Tests run as root, where Chromium's sandbox cannot start.
                Args = ["--no-sandbox"],
            });
        }
        finally
        {
            Launch.Release();
        }
        var gateway = platform.App.GetEndpoint("gateway", "http");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.GetLeftPart(UriPartial.Authority),
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = width <= PhoneWidth ? 844 : 900 },
            IsMobile = width <= PhoneWidth,
            HasTouch = width <= PhoneWidth,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(20_000);
        return new PortalBrowser(context, await context.NewPageAsync(), gateway, width);
    }

    /// <summary>Signs in through the identity service's login page, as a person does, and waits for the portal's home.</summary>
    public async Task SignInAsync(string userName, string password = Testing.PortalSignIn.DevelopmentPassword)
    {
        await Page.GotoAsync("/portal/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "登录" }).First.ClickAsync();
        // Typed only once the identity service's own page has loaded: a login form seen earlier (in a navigation about
        // to be replaced) would lose what was typed.
        await Page.WaitForURLAsync(url => url.Contains("/identity/account/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await Page.Locator("#userName").FillAsync(userName);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("button[type=submit]").ClickAsync();
        // The first sign-in of a run meets cold services (the identity service's first token, the portal's first circuit).
        await Page.WaitForURLAsync(url => url.Contains("/portal/", StringComparison.Ordinal) && !url.Contains("signin", StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        await InteractiveAsync();
    }

    /// <summary>Goes to a portal page (relative to /portal/) and waits until it answers clicks.</summary>
    public async Task GoToAsync(string path)
    {
        await Page.GotoAsync("/portal/" + path.TrimStart('/'));
        await InteractiveAsync();
    }

    /// <summary>A screen through the menu, as a person opens it (the home's cards name the same screens), once it answers clicks.</summary>
    public async Task OpenMenuAsync(string screen)
    {
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = screen, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = screen, Level = 1 })).ToBeVisibleAsync();
        await InteractiveAsync();
    }

    /// <summary>The page is pre-rendered first; it answers clicks once the circuit runs (the layout marks that).</summary>
    public Task InteractiveAsync() => Page.Locator("main[data-interactive=true]").WaitForAsync();

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ArtefactDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ArtefactDirectory, $"{name}-{Width}.png"),
            FullPage = true,
        });
    }

    /// <summary>
    /// What every page a test opens must be: accessible and fitting the screen; kept as a screenshot when named. A named
    /// screen is given to axe once per run, at the first width it is checked at: axe takes seconds on this machine, and
    /// the markup it judges is the same at every width (what the width changes is whether it fits, checked each time).
    /// </summary>
    public async Task CheckPageAsync(string? screenshot = null)
    {
        if (screenshot is not null)
        {
            await ScreenshotAsync(screenshot);
        }
        if (screenshot is null || AxeChecked.TryAdd(screenshot, Width))
        {
            await ShouldBeAccessibleAsync();
        }
        await ShouldFitTheScreenAsync();
    }

    private static readonly ConcurrentDictionary<string, int> AxeChecked = new(StringComparer.Ordinal);

    /// <summary>axe-core in the page: no serious or critical violation.</summary>
    public async Task ShouldBeAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        grave.ShouldBeEmpty($"axe on {Page.Url}");
    }

    /// <summary>Nothing any page loaded so far came from a host other than the gateway.</summary>
    public void ShouldHaveLoadedNothingFromOtherHosts()
    {
        lock (foreignRequests)
        {
            foreignRequests.ShouldBeEmpty($"requests to hosts other than {gateway.Authority}");
        }
    }

    /// <summary>Nothing on the page is wider than the screen (a phone user would have to scroll sideways).</summary>
    public async Task ShouldFitTheScreenAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{Page.Url} is wider than {Width} px");
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    /// <summary>Closes the shared browser when the platform stops, so no Chromium outlives the test run.</summary>
    public static async Task CloseAllAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }
        playwright?.Dispose();
        playwright = null;
    }
}
