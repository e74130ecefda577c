using System.Globalization;

namespace Analytics.Tests.Screen;

/// <summary>
/// A database whose data ends before the current period (a copy restored from last year, a demo shown months later):
/// the screen opens on the latest month with data and says so, rather than zeros or an outage.
/// </summary>
[Category("Browser")]
public sealed class OldDataTests : ScreenFixture
{
    [Test]
    public async Task AScreenLongAfterTheDataShowsTheLatestMonthWithDataAndSaysSo()
    {
        ServerClock.Set(new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.FromHours(8)));
        await Screen.OpenAsync();

        var state = await Screen.StateAsync();
        var summary = await SummaryAsync(state);
        var netSales = (await Screen.KpisAsync()).Single(k => k.Name == "netSales");
        var notice = Page.Locator(".data-notice");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((state.From, state.To, state.Today), Is.EqualTo(("2023-06-01", "2023-06-30", "2024-03-15")));
            Assert.That(await notice.IsVisibleAsync(), Is.True, ".data-notice is shown");
            Assert.That(await notice.InnerTextAsync(), Is.EqualTo("显示最近有数据的月份：2023年6月（数据截至2023年6月30日）"));
            Assert.That(await Page.Locator("#period-label").InnerTextAsync(), Is.EqualTo("2023年6月"));
            Assert.That(decimal.Parse(netSales.Value!, CultureInfo.InvariantCulture), Is.EqualTo(summary.GetProperty("netSales").GetDecimal()).And.GreaterThan(0));
            Assert.That(state.Online, Is.True, "the API answered: no 数据服务中断");
            Assert.That(await Page.Locator("#api-status").InnerTextAsync(), Does.Not.Contain("中断"));
            Assert.That(await Page.Locator(".kpi[data-kpi=\"projection\"] .kpi-note").InnerTextAsync(), Is.EqualTo("数据停在2023年6月30日"));
        }
    }

    [Test]
    public async Task WithCurrentDataThereIsNoNotice()
    {
        await Screen.OpenAsync();

        var state = await Screen.StateAsync();

        Assert.That((state.From, state.To), Is.EqualTo(("2023-06-01", "2023-06-30")));
        Assert.That(await Page.Locator(".data-notice").IsVisibleAsync(), Is.False);
    }
}
