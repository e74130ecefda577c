using System.Globalization;
using System.Text.Json;

namespace Analytics.Tests.Screen;

/// <summary>What a person looking at the wall sees once the screen has loaded: every panel filled, the right time.</summary>
public sealed class PanelTests : ScreenFixture
{
    private static readonly string[] DemoPlatforms = ["douyin", "jd", "pdd"];

    [Test]
    public async Task EveryPanelIsDrawnWithFiguresAndFreshness()
    {
        await Screen.OpenAsync();

        var charts = await Screen.WaitUntilChartsAreDrawnAsync();
        var kpis = await Screen.KpisAsync();
        var freshness = await Page.Locator(".freshness-row[data-platform]").EvaluateAllAsync<string[]>("rows => rows.map(row => row.dataset.platform)");
        using (Assert.EnterMultipleScope())
        {
            foreach (var chart in charts)
                Assert.That(chart.IsDrawn, Is.True, $"[data-chart] canvas is blank: {chart}");
            foreach (var kpi in kpis)
                Assert.That(kpi.Text, Is.Not.Null.And.Not.Empty.And.Not.EqualTo("—"), $".kpi[data-kpi={kpi.Name}] .kpi-value shows a figure");
            Assert.That(freshness, Is.SupersetOf(DemoPlatforms), ".freshness-row[data-platform] for each demo platform");
        }
    }

    [Test]
    public async Task TheClockShowsServerTimeInBeijing()
    {
        await Screen.OpenAsync();

        var shown = await Page.Locator("#clock").InnerTextAsync();
        var serverNow = ServerClock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

        Assert.That(DateTime.TryParseExact(shown.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock), Is.True,
            $"#clock shows '{shown}', not YYYY-MM-DD HH:mm:ss");
        Assert.That(clock, Is.EqualTo(serverNow.DateTime).Within(TimeSpan.FromSeconds(5)), "#clock against the server's Beijing time (the browser runs in UTC)");
    }

    /// <summary>数据截至 marks a platform whose uploads are overdue; the server decides which, the screen shows it.</summary>
    [TestCase("2023-06-30T10:00:00+08:00")]
    [TestCase("2023-09-30T10:00:00+08:00")]
    public async Task FreshnessRowsAreMarkedStaleExactlyWhenTheServerSaysSo(string serverNow)
    {
        ServerClock.Set(DateTimeOffset.Parse(serverNow, CultureInfo.InvariantCulture));
        await Screen.OpenAsync();

        var staleByPlatform = (await GetJsonAsync("/api/freshness")).EnumerateArray()
            .GroupBy(shop => shop.GetProperty("platform").GetString()!)
            .ToDictionary(platform => platform.Key, platform => platform.Select(Stale).Distinct().ToList());
        if (serverNow.StartsWith("2023-09", StringComparison.Ordinal))
            Assert.That(staleByPlatform.Values.SelectMany(stale => stale), Has.Some.True, "three months without an upload is stale by any interval");
        using (Assert.EnterMultipleScope())
        {
            foreach (var (platform, stale) in staleByPlatform.Where(p => p.Value.Count == 1))
            {
                var row = Page.Locator($".freshness-row[data-platform=\"{platform}\"]");
                Assert.That(await row.CountAsync(), Is.EqualTo(1), $".freshness-row[data-platform={platform}]");
                var classes = await row.First.GetAttributeAsync("class") ?? "";
                Assert.That(classes.Split(' ').Contains("stale"), Is.EqualTo(stale[0]), $"{platform}: /api/freshness says stale={stale[0]}, row class is '{classes}'");
            }
        }
    }

    private static bool Stale(JsonElement shop)
    {
        Assert.That(shop.TryGetProperty("stale", out var stale), Is.True, $"/api/freshness items have a boolean 'stale': {shop}");
        return stale.GetBoolean();
    }
}
