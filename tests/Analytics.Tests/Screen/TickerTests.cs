using Analytics.Store;
using Analytics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Analytics.Tests.Screen;

/// <summary>
/// 预警 on the wall: an open alert's own text on one quiet line, 暂无预警 when there is none. A private copy of the demo
/// database with the alert worker off, so the alerts are exactly the ones the test records.
/// </summary>
[Category("Browser")]
[Category("Demo")]
[NonParallelizable]
public sealed class TickerTests
{
    private static readonly DateTimeOffset Now = new(2023, 6, 30, 10, 0, 0, TimeSpan.FromHours(8));

    [Test]
    public async Task TheTickerShowsAnOpenAlertsTextAsTextAndSaysWhenThereIsNone()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-ticker-").FullName;
        try
        {
            var database = await DemoData.CopyToAsync(folder);
            await using var app = LiveApp.Start(database, new TestClock(Now), new Dictionary<string, string> { ["Alerts:Enabled"] = "false" });
            await using var chromium = await HeadlessChromium.LaunchAsync();
            var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, ExtraHTTPHeaders = app.DisplayHeaders() });
            var screen = new BigScreen(page, app.Address);
            var alerts = app.Services.GetRequiredService<AnalyticsStore>().Alerts;
            await screen.OpenAsync();
            var text = page.Locator(".ticker-text");
            var quiet = await text.InnerTextAsync();

            // A shop name from an export file that looks like markup.
            const string message = "<b>甲店</b> 网络零售额连续 4 天低于预期下限（合计 12,000 元，预期 40,000 元）。";
            await alerts.RecordAsync([Finding(message)], ["below-band"], "2023-06-30 09:00:00", CancellationToken.None);
            await screen.RefreshDataAsync();
            var shown = await text.InnerTextAsync();
            var markup = await page.Locator(".ticker b").CountAsync();
            var colour = await text.EvaluateAsync<string>("e => getComputedStyle(e).color");

            await alerts.RecordAsync([], ["below-band"], "2023-06-30 09:30:00", CancellationToken.None);
            await screen.RefreshDataAsync();
            var resolved = await text.InnerTextAsync();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(quiet, Is.EqualTo("暂无预警"), "before any alert");
                Assert.That(shown, Is.EqualTo("网络零售额低于预期：" + message), "the alert's rule and message, as text");
                Assert.That(markup, Is.Zero, "no element made from the shop name");
                Assert.That(colour, Is.Not.EqualTo("rgb(239, 68, 68)").And.Not.EqualTo("rgb(220, 38, 38)"), "amber, not a red alarm");
                Assert.That(resolved, Is.EqualTo("暂无预警"), "after the episode resolved");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AlertFinding Finding(string message) => new()
    {
        Rule = "below-band", ScopeKind = "shop", ScopeKey = "douyin/<b>甲店</b>", ScopeName = "<b>甲店</b>", Since = "2023-06-26", Unit = "fen",
        FigureFen = 1_200_000, ExpectedFen = 4_000_000, BoundFen = 3_000_000, Message = message,
    };
}
