using System.Text.Json;

namespace Analytics.Tests.Screen;

/// <summary>The wall runs for weeks without a reload: refreshing must not leak, or the tab eventually crashes.</summary>
public sealed class MemoryTests : ScreenFixture
{
    [Test]
    public async Task FiveHundredRefreshesLeaveTheHeapWhereTwentyLeftIt()
    {
        await Screen.OpenAsync();
        var devTools = await Page.Context.NewCDPSessionAsync(Page);

        for (var i = 0; i < 20; i++)
            await Screen.RefreshDataAsync();
        var baseline = await UsedHeapAsync(devTools);
        for (var i = 20; i < 500; i++)
            await Screen.RefreshDataAsync();
        var final = await UsedHeapAsync(devTools);

        await TestContext.Out.WriteLineAsync($"JS heap after 20 refreshes: {baseline:N0} bytes; after 500: {final:N0} bytes ({(final - baseline) * 100.0 / baseline:+0.0;-0.0}%)");
        Assert.That(final, Is.LessThanOrEqualTo(baseline * 1.10), "used JS heap after 500 refreshes, at most 10% above the size after 20");
    }

    private static async Task<double> UsedHeapAsync(Microsoft.Playwright.ICDPSession devTools)
    {
        await devTools.SendAsync("HeapProfiler.collectGarbage");
        var usage = await devTools.SendAsync("Runtime.getHeapUsage");
        return usage!.Value.GetProperty("usedSize").GetDouble();
    }
}
