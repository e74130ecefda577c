using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.Api.Reports;

/// <summary>
/// The system's headless Chromium (Debian package <c>chromium</c>), driven by Playwright, which draws the report's charts
/// with the big screen's ECharts code and prints the PDF. Playwright's own browser download is never used: the
/// service runs offline, and the distribution's browser is the one an office PC can install.
/// </summary>
internal sealed class ReportBrowser : IAsyncDisposable
{
    /// <summary>Page files are served to the browser from disk under this made-up origin; nothing goes to the network.</summary>
    private const string Origin = "http://report.invalid";

    // Debian's package first; on a Windows office PC the Edge every installation has, or Chrome.
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe", @"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe"];

    // Root in a container needs --no-sandbox; the rest keep Chromium from calling home.
    private static readonly string[] Arguments = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ReportBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    /// <summary>What a reader is told where a chart or the PDF cannot be made.</summary>
    public static string MissingMessage(string? configured) =>
        $"图表和PDF需要Chromium浏览器，本机未安装{(configured is null ? "" : $"（配置的路径 {configured} 不存在）")}。" +
        (OperatingSystem.IsWindows()
            ? "Charts and PDF need a Chromium browser: install Microsoft Edge or Google Chrome, or name one with Reports:ChromiumPath (CLI: --chromium), then make the report again."
            : "Charts and PDF need Chromium: install the Debian package chromium (sudo apt-get install chromium fonts-noto-cjk), then make the report again.");

    /// <summary>The browser to use: the configured path, else the usual places of the distribution's package; null when none exists.</summary>
    public static string? Find(string? configured) =>
        configured is not null ? (File.Exists(configured) ? configured : null) : Candidates.FirstOrDefault(File.Exists);

    public static async Task<ReportBrowser> LaunchAsync(string executable)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = Arguments });
            return new ReportBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Draws the trend and the province distribution and returns them as PNG images at twice the CSS size.</summary>
    public async Task<RenderedCharts> ChartsAsync(ReportChartData data, string trendCaption, string provincesCaption, CancellationToken cancellationToken)
    {
        await using var context = await _browser.NewContextAsync(new() { DeviceScaleFactor = 2, ViewportSize = new() { Width = 1000, Height = 1100 } });
        return await UntilCancelledAsync(context, async () =>
        {
            var page = await context.NewPageAsync();
            await page.RouteAsync($"{Origin}/**", ServeScreenFileAsync);
            await page.AddInitScriptAsync($"window.reportChartData = {JsonSerializer.Serialize(data, ReportChartData.Json)};");
            await page.GotoAsync($"{Origin}/screen/report-charts.html");
            var drawn = await page.WaitForFunctionAsync("document.body.dataset.drawn", null, new() { Timeout = 30_000 });
            var outcome = await drawn.JsonValueAsync<string>();
            if (outcome != "yes")
                throw new InvalidOperationException($"The report's charts could not be drawn: {outcome}");
            return new RenderedCharts(
                await ShotAsync(page, "#trend", trendCaption),
                await ShotAsync(page, "#provinces", provincesCaption));
        }, cancellationToken);
    }

    /// <summary>Prints the report's HTML on A4 with page numbers in the footer.</summary>
    public async Task<byte[]> PdfAsync(string html, CancellationToken cancellationToken)
    {
        await using var context = await _browser.NewContextAsync();
        return await UntilCancelledAsync(context, async () =>
        {
            var page = await context.NewPageAsync();
            // The HTML is self-contained (images as data URIs); anything else it asked for would be a bug, not a download.
            await page.RouteAsync("**", route => route.AbortAsync());
            await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new()
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = """<div style="width:100%;font-size:9px;text-align:center;color:#666">— <span class="pageNumber"></span> —</div>""",
                Margin = new() { Top = "20mm", Bottom = "18mm", Left = "18mm", Right = "18mm" },
            });
        }, cancellationToken);
    }

    /// <summary>
    /// Playwright takes no CancellationToken: a cancelled report (the client left, the service stops) closes its
    /// browser context, which ends whatever call is waiting, and the caller sees the cancellation, not the browser's.
    /// </summary>
    private static async Task<T> UntilCancelledAsync<T>(IBrowserContext context, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var closing = cancellationToken.Register(() => _ = context.CloseAsync());
        try
        {
            return await work();
        }
        catch (PlaywrightException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static async Task<ReportChart> ShotAsync(IPage page, string selector, string caption)
    {
        var element = await page.QuerySelectorAsync(selector) ?? throw new InvalidOperationException($"The chart page has no {selector}.");
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not visible.");
        var png = await element.ScreenshotAsync(new() { Type = ScreenshotType.Png });
        return new ReportChart(caption, png, (int)Math.Round(box.Width * 2), (int)Math.Round(box.Height * 2), null);
    }

    /// <summary>Answers the chart page's requests from the screen's files beside the service.</summary>
    private static async Task ServeScreenFileAsync(IRoute route)
    {
        var path = new Uri(route.Request.Url).AbsolutePath;
        var root = Path.GetFullPath(Screen.ScreenApi.FilesDirectory);
        var file = path.StartsWith("/screen/", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(root, path["/screen/".Length..])) : null;
        if (file is null || !file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
        {
            await route.FulfillAsync(new() { Status = 404, Body = $"not found: {path}" });
            return;
        }
        var type = Path.GetExtension(file) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".json" => "application/json",
            ".css" => "text/css",
            _ => "application/octet-stream",
        };
        await route.FulfillAsync(new() { Status = 200, ContentType = type, BodyBytes = await File.ReadAllBytesAsync(file) });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _browser.CloseAsync();
        }
        finally
        {
            // The driver process must go even when a crashed browser cannot be closed.
            _playwright.Dispose();
        }
    }
}

/// <summary>The two figures of the report.</summary>
internal sealed record RenderedCharts(ReportChart Trend, ReportChart Provinces)
{
    public static RenderedCharts Missing(string trendCaption, string provincesCaption, string why) =>
        new(new ReportChart(trendCaption, null, 0, 0, why), new ReportChart(provincesCaption, null, 0, 0, why));
}
