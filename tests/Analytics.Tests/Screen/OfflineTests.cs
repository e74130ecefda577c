namespace Analytics.Tests.Screen;

/// <summary>
/// When the network or the server drops, the wall keeps showing the last figures and says it is offline, instead of
/// going blank or showing zeros; it comes back by itself.
/// </summary>
public sealed class OfflineTests : ScreenFixture
{
    [Test]
    public async Task AnUnreachableApiKeepsTheLastFiguresAndShowsOffline()
    {
        await Screen.OpenAsync();
        var online = await Screen.KpisAsync();
        ExpectFailedRequests();

        await Page.RouteAsync("**/api/**", route => route.AbortAsync());
        await Screen.RefreshAsync();
        var offline = await Screen.KpisAsync();
        var offlineState = await Screen.StateAsync();
        var offlineCharts = await Screen.WaitUntilChartsAreDrawnAsync();
        var offlineStatus = await Screen.AttributeAsync("#api-status", "data-state");

        await Page.UnrouteAsync("**/api/**");
        await Screen.RefreshAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(offlineStatus, Is.EqualTo("offline"), "#api-status data-state while the API is unreachable");
            Assert.That(offlineState.Online, Is.False, "state().online while the API is unreachable");
            foreach (var (before, during) in online.Zip(offline))
                Assert.That((during.Value, during.Text), Is.EqualTo((before.Value, before.Text)), $"{before.Name}: the last figure stays while offline");
            foreach (var chart in offlineCharts)
                Assert.That(chart.IsDrawn, Is.True, $"the chart stays drawn while offline: {chart}");
            Assert.That(await Screen.AttributeAsync("#api-status", "data-state"), Is.EqualTo("online"), "#api-status data-state once the API answers again");
            Assert.That((await Screen.StateAsync()).Online, Is.True, "state().online once the API answers again");
        }
    }
}
