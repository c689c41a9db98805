using Microsoft.Playwright;
using Xunit;

namespace Jar.Testing.Browser;

/// <summary>
/// A headless Chromium for a test class (<c>IClassFixture&lt;Chromium&gt;</c>): the system's browser
/// (<see cref="ExecutablePath"/>, Debian's <c>chromium</c>, which test.sh installs when it is missing) launched through
/// Playwright, with nothing downloaded and no traffic of its own. Each test opens a context of its own
/// (<see cref="NewPageAsync"/>); screenshots go to <see cref="ScreenshotDirectory"/>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>The environment variable that names another Chromium binary.</summary>
    public const string ExecutableVariable = "JAR_TEST_CHROMIUM";

    /// <summary>The switches of every launch: headless, no sandbox (root in CI), no GPU, and nothing that calls home.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>
    /// How long (ms) an action, a navigation or a web-first assertion (<c>Assertions.Expect</c>) may wait before it
    /// fails: an upper bound for a shared, busy CI machine, never a measure of speed. Tests wait for what they assert
    /// (a URL, an element, a count) and not for the browser's load event, which a busy machine may report late.
    /// </summary>
    public const float WaitLimit = 90_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser binary: <c>JAR_TEST_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// Where screenshots are kept: <c>TestResults/screenshots</c> beside the test project (found from the test
    /// assembly's folder, bin/&lt;configuration&gt;/&lt;framework&gt;), or <c>JAR_TEST_SCREENSHOTS</c>.
    /// </summary>
    public static string ScreenshotDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("JAR_TEST_SCREENSHOTS") is { Length: > 0 } configured)
            {
                return configured;
            }

            var output = new DirectoryInfo(AppContext.BaseDirectory);
            var project = output.Parent?.Parent?.Parent is { Name: not null } candidate && output.Parent.Parent.Name == "bin" ? candidate.FullName : output.FullName;
            return Path.Combine(project, "TestResults", "screenshots");
        }
    }

    /// <summary>The launched browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is launched when the fixture is initialized.");

    /// <summary>A page in a fresh context (its own cookies), closed with the returned handle.</summary>
    public async Task<BrowserPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions()).ConfigureAwait(false);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        page.SetDefaultTimeout(WaitLimit);
        page.SetDefaultNavigationTimeout(WaitLimit);
        return new BrowserPage(context, page);
    }

    /// <summary>Saves a full-page screenshot of <paramref name="page"/> as <c>&lt;name&gt;.png</c> in <see cref="ScreenshotDirectory"/>; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }).ConfigureAwait(false);
        return path;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException($"No Chromium at {ExecutablePath}: run ./test.sh (it installs Debian's chromium), apt-get install chromium, or set {ExecutableVariable}.", ExecutablePath);
        }

        Assertions.SetDefaultExpectTimeout(WaitLimit);
        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        }).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
    }
}
