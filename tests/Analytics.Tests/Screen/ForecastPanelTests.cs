using System.Globalization;
using System.Text.Json;
using Analytics.Tests.Support;

namespace Analytics.Tests.Screen;

/// <summary>
/// 预判 on the wall: the trend carries the rest of the month as a dashed forecast in its 80% band, and 本月预计 shows the
/// month-end projection with its band — both the API's own figures, from the last whole day (yesterday).
/// </summary>
[Category("Browser")]
public sealed class ForecastPanelTests : ScreenFixture
{
    /// <summary>Mid-June in the demo: ten days of the month are still to come, so there is a forecast to draw.</summary>
    private static readonly DateTimeOffset MidJune = new(2023, 6, 20, 10, 0, 0, TimeSpan.FromHours(8));

    // The trend chart's series as ECharts holds them (the page loads ECharts as a global script).
    private const string TrendSeries = """
        () => JSON.stringify(echarts.getInstanceByDom(document.querySelector('[data-chart="trend"]')).getOption().series
          .map(s => ({ id: s.id, stack: s.stack ?? null, dash: s.lineStyle?.type ?? null, data: s.data })))
        """;

    [Test]
    public async Task TheTrendDrawsTheRestOfTheMonthAsADashedLineInsideItsBand()
    {
        ServerClock.Set(MidJune);
        await Screen.OpenAsync();
        await Screen.WaitUntilChartsAreDrawnAsync();
        await Screen.WaitUntilChartsStopMovingAsync();

        var forecast = await GetJsonAsync("/api/forecast?metric=netSales&horizon=11&asOf=2023-06-19");
        var series = BigScreen.Parse<TrendLine[]>(await Page.EvaluateAsync<string>(TrendSeries)).ToDictionary(s => s.Id);
        var violet = await Screen.PixelsNearAsync("trend", 196, 181, 253);
        // The README's picture: mid-month, so the forecast and its band have days to cover.
        Screenshots.Save(await Page.ScreenshotAsync(), Screenshots.Readme, 1920, 1080);

        Assert.That(series.Keys, Is.SupersetOf(new[] { "current", "lastYear", "bandLower", "bandWidth", "forecast" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(series["forecast"].Dash?.ValueKind, Is.EqualTo(JsonValueKind.Array), "the forecast line is dashed (a dash pattern)");
            Assert.That(series["bandLower"].Stack, Is.EqualTo("band").And.EqualTo(series["bandWidth"].Stack), "the band is a stacked pair");
            foreach (var point in forecast.GetProperty("points").EnumerateArray())
            {
                var index = int.Parse(point.GetProperty("date").GetString()![8..], CultureInfo.InvariantCulture) - 1;
                var (value, lower, upper) = (Wan(point, "value"), Wan(point, "lower"), Wan(point, "upper"));
                Assert.That(series["forecast"].Data[index], Is.EqualTo(value).Within(0.011), $"forecast on day {index + 1}");
                Assert.That(series["bandLower"].Data[index], Is.EqualTo(lower).Within(0.011), $"band's lower edge on day {index + 1}");
                Assert.That(series["bandLower"].Data[index] + series["bandWidth"].Data[index], Is.EqualTo(upper).Within(0.021), $"band's upper edge on day {index + 1}");
                Assert.That(series["forecast"].Data[index], Is.InRange(lower - 0.011, upper + 0.011), $"the line inside the band on day {index + 1}");
            }
            Assert.That(series["forecast"].Data.Take(18), Has.All.Null, "no forecast over the days that are history (1–18 June)");
            Assert.That(violet, Is.GreaterThan(150), "pixels of the dashed forecast line's colour in the trend's canvas");
        }
    }

    [Test]
    public async Task TheProjectionTileShowsTheMonthEndAndItsBand()
    {
        ServerClock.Set(MidJune);
        await Screen.OpenAsync();

        var monthEnd = (await GetJsonAsync("/api/forecast?metric=netSales&horizon=11&asOf=2023-06-19")).GetProperty("monthEnd");
        var tile = Page.Locator(".kpi[data-kpi=\"projection\"]");
        var (value, lower, upper) = (monthEnd.GetProperty("value").GetDouble(), monthEnd.GetProperty("lower").GetDouble(), monthEnd.GetProperty("upper").GetDouble());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await tile.Locator(".kpi-name").InnerTextAsync(), Is.EqualTo("本月预计"));
            Assert.That(await tile.Locator(".kpi-value").InnerTextAsync(), Is.EqualTo($"约{(value / 1e4).ToString("N2", CultureInfo.InvariantCulture)}万"));
            Assert.That(await tile.Locator(".kpi-note").InnerTextAsync(),
                Is.EqualTo($"80%区间 {(lower / 1e4).ToString("0.0", CultureInfo.InvariantCulture)}–{(upper / 1e4).ToString("0.0", CultureInfo.InvariantCulture)}万元"));
            Assert.That(await tile.Locator(".kpi-basis").InnerTextAsync(), Does.StartWith("至6月19日实际"));
            Assert.That(lower, Is.LessThan(upper), "a band with a width: ten days are forecast");
        }
    }

    [Test]
    public async Task WithUnderEightWeeksOfHistoryTheTileSaysSoInsteadOfAFigure()
    {
        // The demo's data starts on 1 January 2021: on the 20th there are 19 whole days behind it.
        ServerClock.Set(new DateTimeOffset(2021, 1, 20, 10, 0, 0, TimeSpan.FromHours(8)));
        await Screen.OpenAsync();

        var tile = Page.Locator(".kpi[data-kpi=\"projection\"]");
        var series = BigScreen.Parse<TrendLine[]>(await Page.EvaluateAsync<string>(TrendSeries));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await tile.Locator(".kpi-value").InnerTextAsync(), Is.EqualTo("—"));
            Assert.That(await tile.Locator(".kpi-note").InnerTextAsync(), Is.EqualTo("历史不足八周"));
            Assert.That(series.Select(s => s.Id), Does.Not.Contain("forecast"), "no dashed line without a forecast");
        }
    }

    private static double Wan(JsonElement point, string name) => Math.Round(point.GetProperty(name).GetDouble() / 100, MidpointRounding.AwayFromZero) / 100;

    private sealed record TrendLine
    {
        public string Id { get; init; } = "";
        public string? Stack { get; init; }
        public JsonElement? Dash { get; init; }
        public double?[] Data { get; init; } = [];
    }
}
