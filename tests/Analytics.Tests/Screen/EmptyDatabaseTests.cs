using Analytics.Tests.Support;

namespace Analytics.Tests.Screen;

/// <summary>A new installation before the first import: the screen says there is no data, not a blank panel.</summary>
[Category("Browser")]
[NonParallelizable]
public sealed class EmptyDatabaseTests
{
    [Test]
    public async Task TheDataAsOfPanelSaysNothingHasBeenImportedYet()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-empty-").FullName;
        try
        {
            await using (var app = LiveApp.Start(Path.Combine(folder, "analytics.db"), new TestClock(DateTimeOffset.UtcNow)))
            {
                await using var chromium = await HeadlessChromium.LaunchAsync();
                var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, ExtraHTTPHeaders = app.DisplayHeaders() });
                await page.GotoAsync(app.Address.ToString());

                var panel = page.Locator(".freshness-empty");
                await panel.WaitForAsync(new() { Timeout = 15_000 });

                Assert.That(await panel.InnerTextAsync(), Is.EqualTo("暂无数据：尚未导入订单导出文件"));
                Assert.That(await page.Locator(".freshness-row[data-platform]").CountAsync(), Is.Zero);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
