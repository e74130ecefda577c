using System.Text.Json;
using Analytics.Tests.Support;
using Microsoft.Playwright;
using static Analytics.Tests.Support.TitlesThatLookLikeCode;

namespace Analytics.Tests.Screen;

/// <summary>
/// Product titles and shop names reach the wall from export files. One that looks like HTML is shown as those very
/// characters: it makes no element, fires no handler, opens no dialog — in the panels, the chart labels and under the
/// pointer, where ECharts would draw a tooltip.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public sealed class TextFromFilesTests
{
    private string _folder = "";

    [SetUp]
    public void MakeAFolder() => _folder = Directory.CreateTempSubdirectory("analytics-markup-").FullName;

    [TearDown]
    public void RemoveIt() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task TitlesAndShopNamesThatLookLikeMarkupAreShownAsTypedAndRunNothing()
    {
        await using var app = LiveApp.Start(Path.Combine(_folder, "analytics.db"), new TestClock(AfterTheOrders));
        using (var api = app.CreateApiClient())
            await UploadAsync(api);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN", ExtraHTTPHeaders = app.DisplayHeaders() });
        var alarms = await PageAlarms.WatchAsync(page);
        var screen = new BigScreen(page, app.Address);

        await screen.OpenAsync();
        // 单品销售区域分布 names the best seller first, then turns to the next product every few seconds.
        var productTitles = new List<string> { await page.Locator("#product-title").InnerTextAsync() };
        await page.WaitForFunctionAsync("title => document.querySelector('#product-title').textContent.includes(title)", FormulaTitle,
            new() { Timeout = 20_000 });
        productTitles.Add(await page.Locator("#product-title").InnerTextAsync());
        var enterprises = await page.Locator(".scroll-list[data-list=\"enterprises\"] .name").AllInnerTextsAsync();
        // For a person to look at: the panels below the tiles, names as typed (not the whole screen, whose picture is the README's).
        var views = page.Locator("main.views");
        if (await views.BoundingBoxAsync() is { } box)
            Screenshots.Save(await views.ScreenshotAsync(), "screen-text-from-files", (int)box.Width, (int)box.Height);
        await HoverEveryChartAsync(page);
        var overview = await WhatTheScreenShowsAsync(page, alarms);

        await screen.OpenAsync("/?pages=rankings");
        var productLabels = await AxisNamesAsync(page, "products");
        var shopLabels = await AxisNamesAsync(page, "shops");
        await HoverEveryChartAsync(page);
        var rankings = await WhatTheScreenShowsAsync(page, alarms);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(productTitles[0], Is.EqualTo($"1/2 {MarkupTitle}（抖音 · {MarkupShop}） · 销往3个省份"), "the panel shows the title's characters");
            Assert.That(productTitles[1], Is.EqualTo($"2/2 {FormulaTitle}（抖音 · {MarkupShop}） · 销往2个省份"));
            Assert.That(enterprises, Is.EqualTo(new[] { MarkupShop }), "企业销售排行's scrolling list (a shop not in the registry is its own enterprise)");
            Assert.That(productLabels, Is.EquivalentTo(new[] { MarkupTitle + "（抖音）", FormulaTitle + "（抖音）" }), "单品销售排行's bar labels, drawn as text on the canvas");
            Assert.That(shopLabels, Is.EqualTo(new[] { MarkupShop }), "店铺销售排行's bar labels");
            foreach (var (view, seen) in new[] { ("overview", overview), ("rankings", rankings) })
            {
                Assert.That(seen.Injected, Is.Empty, $"{view}: elements made from a name");
                Assert.That(seen.Violations, Is.Empty, $"{view}: Content-Security-Policy violations");
            }
            Assert.That(alarms.Dialogs, Is.Empty, "dialogs");
            Assert.That(alarms.Errors, Is.Empty, "errors in the browser console");
        }
    }

    private sealed record Seen(IReadOnlyList<string> Injected, IReadOnlyList<string> Violations);

    private static async Task<Seen> WhatTheScreenShowsAsync(IPage page, PageAlarms alarms) =>
        new(await alarms.InjectedElementsAsync(), await alarms.PolicyViolationsAsync());

    /// <summary>The category names ECharts was given for a bar chart's axis: what it draws as the bars' labels.</summary>
    private static async Task<IReadOnlyList<string>> AxisNamesAsync(IPage page, string chart)
    {
        await page.WaitForFunctionAsync("""
            name => echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`))?.getOption().yAxis[0].data.length > 0
            """, chart);
        var names = await page.EvaluateAsync<string>("""
            name => JSON.stringify(echarts.getInstanceByDom(document.querySelector(`[data-chart="${name}"]`)).getOption().yAxis[0].data)
            """, chart);
        return JsonSerializer.Deserialize<string[]>(names)!;
    }

    /// <summary>The pointer over every visible chart on a grid of points: any tooltip ECharts would show appears now.</summary>
    private static async Task HoverEveryChartAsync(IPage page)
    {
        foreach (var chart in await page.Locator(".view.active [data-chart]").AllAsync())
        {
            if (await chart.BoundingBoxAsync() is not { Width: > 0, Height: > 0 } box)
                continue;
            for (var x = 0.1; x < 1; x += 0.2)
                for (var y = 0.1; y < 1; y += 0.2)
                    await page.Mouse.MoveAsync((float)(box.X + box.Width * x), (float)(box.Y + box.Height * y));
            await page.WaitForTimeoutAsync(300);
        }
    }
}
