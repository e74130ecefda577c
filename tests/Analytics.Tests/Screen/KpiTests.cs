using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Analytics.Tests.Screen;

/// <summary>The KPI tiles show the API's figures for the window the screen says it shows, in the screen's number format.</summary>
public sealed class KpiTests : ScreenFixture
{
    [TestCase("/", "month", "2023-06-01")]
    [TestCase("/?period=today", "today", "2023-06-30")]
    [TestCase("/?period=month", "month", "2023-06-01")]
    [TestCase("/?period=quarter", "quarter", "2023-04-01")]
    [TestCase("/?period=year", "year", "2023-01-01")]
    [TestCase("/?period=ytd", "ytd", "2023-01-01")]
    public async Task ThePeriodRunsFromItsStartToToday(string url, string period, string from)
    {
        await Screen.OpenAsync(url);

        var state = await Screen.StateAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Period, Is.EqualTo(period), "state().period");
            Assert.That(state.From, Is.EqualTo(from), "state().from");
            Assert.That(state.To, Is.EqualTo("2023-06-30"), "state().to");
            Assert.That(state.Today, Is.EqualTo("2023-06-30"), "state().today");
            Assert.That(await Screen.AttributeAsync("#period-label", "data-from"), Is.EqualTo(from), "#period-label data-from");
            Assert.That(await Screen.AttributeAsync("#period-label", "data-to"), Is.EqualTo("2023-06-30"), "#period-label data-to");
        }
    }

    [TestCase("/")]
    [TestCase("/?period=today")]
    [TestCase("/?period=year")]
    public async Task TilesShowTheApiFiguresWithTheirChanges(string url)
    {
        await Screen.OpenAsync(url);

        var summary = await SummaryAsync(await Screen.StateAsync());
        AssertTilesShow(await Screen.KpisAsync(), summary);
    }

    /// <summary>Each tile against /api/summary: the raw figure, the text shown for it, and 环比 / 同比.</summary>
    internal static void AssertTilesShow(IReadOnlyList<KpiTile> tiles, JsonElement summary)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var tile in tiles)
            {
                Assert.That(tile.Found, Is.True, $".kpi[data-kpi={tile.Name}]");
                var figure = Number(summary.GetProperty(tile.Name));
                Assert.That(Number(tile.Value), Is.EqualTo(figure), $"{tile.Name}: data-value '{tile.Value}' against the API's {figure}");
                Assert.That(KpiText.Allowed(tile.Name, figure), Does.Contain(tile.Text), $"{tile.Name}: the text shown for {figure}");
                foreach (var (label, shown, baseline) in new[] { ("环比", tile.Previous, "previous"), ("同比", tile.YearAgo, "yearAgo") })
                {
                    var compared = summary.GetProperty(baseline);
                    if (tile.Name == "repeatRate")
                        AssertPointChangeShows(tile.Name, label, shown, figure, Number(compared.GetProperty(tile.Name)), compared.GetProperty("change").GetProperty(tile.Name));
                    else
                        AssertChangeShows(tile.Name, label, shown, compared.GetProperty("change").GetProperty(tile.Name));
                }
            }
        }
    }

    private static void AssertChangeShows(string kpi, string label, KpiChange? shown, JsonElement apiChange)
    {
        var what = $"{kpi} {label}";
        Assert.That(shown, Is.Not.Null, $"{what}: .kpi-change element");
        if (shown is null)
            return;
        Assert.That(shown.Text, Does.StartWith(label), what);
        var change = Number(apiChange);
        if (change is null)
        {
            Assert.That(shown.Change, Is.Empty, $"{what}: data-change for a null change");
            Assert.That(shown.Text, Does.Not.Contain("▲").And.Not.Contain("▼"), what);
            return;
        }
        Assert.That(Number(shown.Change), Is.EqualTo(change), $"{what}: data-change '{shown.Change}' against the API's {change}");
        if (change == 0)
        {
            // No change has no arrow to show; 持平 ("level") is how statistics bureaus write it, 0.0% says the same.
            Assert.That(shown.Text, Does.Contain("持平").Or.Contain("0.0%"), what);
            return;
        }
        var percents = KpiText.Percent(Math.Abs(change.Value));
        Assert.That(percents.Any(percent => Regex.IsMatch(shown.Text, @"(^|[^\d.,])" + Regex.Escape(percent))), Is.True,
            $"{what}: '{shown.Text}' shows {string.Join(" or ", percents)}");
        Assert.That(shown.Text, Does.Contain(change > 0 ? "▲" : "▼"), $"{what}: arrow for {change}");
    }

    /// <summary>A rate's change is written as bureaus write it: the difference in 个百分点, not a percent of a percent.</summary>
    private static void AssertPointChangeShows(string kpi, string label, KpiChange? shown, decimal? rate, decimal? baseline, JsonElement apiChange)
    {
        var what = $"{kpi} {label}";
        Assert.That(shown, Is.Not.Null, $"{what}: .kpi-change element");
        if (shown is null)
            return;
        Assert.That(shown.Text, Does.StartWith(label), what);
        Assert.That(shown.Change, Is.EqualTo(Number(apiChange)?.ToString(CultureInfo.InvariantCulture) ?? "").Or.EqualTo(apiChange.ToString()), $"{what}: data-change");
        if (rate is null || baseline is null)
        {
            Assert.That(shown.Text, Does.Not.Contain("▲").And.Not.Contain("▼"), what);
            return;
        }
        var points = (rate.Value - baseline.Value) * 100;
        var written = Math.Round(Math.Abs(points), 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
        Assert.That(shown.Text, Does.Contain(written + "个百分点"), $"{what}: {rate} against {baseline}");
        if (written != "0.0")
            Assert.That(shown.Text, Does.Contain(points > 0 ? "▲" : "▼"), $"{what}: arrow for {points} points");
    }

    private static decimal? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();

    private static decimal? Number(string? text) =>
        string.IsNullOrEmpty(text) || text == "null" ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
