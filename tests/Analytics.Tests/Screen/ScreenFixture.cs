using System.Collections.Concurrent;
using System.Text.Json;
using Analytics.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Tests.Screen;

/// <summary>
/// The big screen over the shared demo database: one server and one Chromium per fixture, a fresh browser tab per
/// test. Every test ends by checking the browser saw no console errors and no uncaught exceptions: on a wall screen
/// nobody opens the developer tools, so an error there is a panel that silently stopped updating.
/// </summary>
[Category("Browser")]
[Category("Demo")]
[NonParallelizable]
public abstract class ScreenFixture
{
    /// <summary>A morning inside the demo data (which ends on 2023-06-30): every period's window has sales.</summary>
    protected static readonly DateTimeOffset LastDayOfTheDemo = new(2023, 6, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly ConcurrentQueue<string> _browserErrors = new();
    private HeadlessChromium? _chromium;
    private LiveApp? _app;
    private IBrowserContext? _context;
    private bool _requestsMayFail;

    private protected TestClock ServerClock { get; } = new(LastDayOfTheDemo);
    protected HttpClient Api { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;
    private protected BigScreen Screen { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartTheServerAndTheBrowser()
    {
        _app = LiveApp.Start(await DemoData.PathAsync(), ServerClock);
        Api = _app.CreateApiClient();
        _chromium = await HeadlessChromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopTheServerAndTheBrowser()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
        Api?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [SetUp]
    public async Task OpenABrowserTab()
    {
        ServerClock.Set(LastDayOfTheDemo);
        _browserErrors.Clear();
        _requestsMayFail = false;
        _context = await _chromium!.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 1920, Height = 1080 },
            DeviceScaleFactor = 1,
            Locale = "zh-CN",
            // Not Beijing: the screen shows the server's time, whatever the zone of the PC that drives the wall.
            TimezoneId = "UTC",
            // The wall display's key; KioskTests opens the screen through the kiosk URL instead.
            ExtraHTTPHeaders = _app!.DisplayHeaders(),
        });
        _context.SetDefaultTimeout(15_000);
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _browserErrors.Enqueue($"console error: {message.Text} (at {message.Location})");
        };
        Page.PageError += (_, error) => _browserErrors.Enqueue($"uncaught: {error}");
        Screen = new BigScreen(Page, _app!.Address);
    }

    [TearDown]
    public async Task CloseTheTabHavingSeenNoBrowserErrors()
    {
        await _context!.CloseAsync();
        // A request the test itself aborted is reported by Chromium as a console error; that one is expected.
        var errors = _browserErrors.Where(error => !(_requestsMayFail && error.StartsWith("console error: Failed to load resource: net::ERR_FAILED", StringComparison.Ordinal)));
        Assert.That(errors, Is.Empty, "errors in the browser console");
    }

    /// <summary>For a test that cuts the API off: Chromium's own "Failed to load resource" lines are then expected.</summary>
    protected void ExpectFailedRequests() => _requestsMayFail = true;

    protected async Task<JsonElement> GetJsonAsync(string pathAndQuery)
    {
        using var response = await Api.GetAsync(new Uri(pathAndQuery, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private protected Task<JsonElement> SummaryAsync(ScreenState state) => GetJsonAsync($"/api/summary?from={state.From}&to={state.To}");
}
