using System.Globalization;

namespace Analytics.Tests.Screen;

/// <summary>A screen left on overnight starts the new day at midnight on its own: "today" means the new day.</summary>
public sealed class PeriodRolloverTests : ScreenFixture
{
    private static readonly DateTimeOffset TenSecondsBeforeMidnight = new(2023, 6, 29, 23, 59, 50, TimeSpan.FromHours(8));

    [Test]
    public async Task TodayRollsOverToTheNewDayAtMidnight()
    {
        ServerClock.Set(TenSecondsBeforeMidnight);
        await Page.Clock.InstallAsync(new() { TimeString = TenSecondsBeforeMidnight.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) });
        await Screen.OpenAsync("/?period=today");
        var before = await Screen.StateAsync();
        Assert.That((before.From, before.To), Is.EqualTo(("2023-06-29", "2023-06-29")), "state() before midnight");

        ServerClock.Advance(TimeSpan.FromSeconds(30));
        await Page.Clock.RunForAsync(30_000);

        var after = await WaitForStateAsync(state => state.From == "2023-06-30", TimeSpan.FromSeconds(10));
        var newDay = await GetJsonAsync("/api/summary?from=2023-06-30&to=2023-06-30");
        await WaitUntilOrdersShow(newDay.GetProperty("orders").GetInt64());
        await Screen.WaitUntilKpisSettleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((after.From, after.To, after.Today), Is.EqualTo(("2023-06-30", "2023-06-30", "2023-06-30")), "state() 30 s after midnight");
            Assert.That(await Screen.AttributeAsync("#period-label", "data-from"), Is.EqualTo("2023-06-30"), "#period-label data-from");
        }
        KpiTests.AssertTilesShow(await Screen.KpisAsync(), newDay);
    }

    private async Task<ScreenState> WaitForStateAsync(Func<ScreenState, bool> reached, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var state = await Screen.StateAsync();
        while (!reached(state) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            state = await Screen.StateAsync();
        }
        return state;
    }

    // The tiles may update a moment after state() moves on; the assertions that follow say what differs if they never do.
    private async Task WaitUntilOrdersShow(long orders)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && await Screen.AttributeAsync(".kpi[data-kpi=\"orders\"] .kpi-value", "data-value") != orders.ToString(CultureInfo.InvariantCulture))
            await Task.Delay(200);
    }
}
