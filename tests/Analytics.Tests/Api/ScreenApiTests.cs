using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Api.Hosting;
using Analytics.Ingestion.Formats;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Tests.Api;

/// <summary>What the big screen needs from the server besides the metrics: its files offline, the server's clock, and staleness.</summary>
public sealed class ScreenApiTests
{
    private static WebApplicationFactory<Program> WithClock(AnalyticsApp app, TimeProvider clock, params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            });
        });

    [Test]
    public async Task ThePageEChartsAndTheMapAreServedFromTheServiceItself()
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var samePage = await client.GetStringAsync(new Uri("/screen", UriKind.Relative));
        var echarts = await client.GetByteArrayAsync(new Uri("/screen/vendor/echarts.min.js", UriKind.Relative));
        using var map = JsonDocument.Parse(await client.GetStringAsync(new Uri("/screen/vendor/china.json", UriKind.Relative)));

        var provinceIds = map.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("id").GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("/screen/vendor/echarts.min.js").And.Contain("data-chart=\"map\"").And.Not.Contain("http://").And.Not.Contain("https://"));
            Assert.That(samePage, Is.EqualTo(page));
            Assert.That(echarts, Has.Length.GreaterThan(500_000), "the ECharts bundle from npm");
            Assert.That(provinceIds, Has.Count.EqualTo(34).And.All.Match("^[1-8][0-9]0000$"), "34 provinces keyed by their GB/T 2260 code");
        }
    }

    [Test]
    public async Task TheClockIsTheServersTimeInBeijing()
    {
        using var app = new AnalyticsApp();
        using var factory = WithClock(app, new TestClock(new DateTimeOffset(2023, 6, 29, 16, 0, 5, TimeSpan.Zero)), ("Screen:Title", "禾丰县数据大屏"));
        using var client = factory.CreateClient();

        var clock = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/clock", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(clock.GetProperty("now").GetString(), Does.StartWith("2023-06-30T00:00:0").And.EndWith("+08:00"));
            Assert.That(clock.GetProperty("today").GetString(), Is.EqualTo("2023-06-30"));
            Assert.That(clock.GetProperty("title").GetString(), Is.EqualTo("禾丰县数据大屏"));
        }
    }

    [TestCase("2025-03-03T20:00:00+08:00", null, false, TestName = "A day after the last payment is fresh")]
    [TestCase("2025-03-05T20:00:00+08:00", null, true, TestName = "Three days after the last payment is stale by default (48 hours)")]
    [TestCase("2025-03-05T20:00:00+08:00", "96", false, TestName = "A platform uploaded every four days is fresh after three")]
    public async Task FreshnessSaysWhenAPlatformsDataIsOlderThanItsUploadInterval(string now, string? douyinHours, bool stale)
    {
        using var app = new AnalyticsApp();
        var settings = douyinHours is null ? [] : new[] { ("Freshness:UploadIntervalHours:douyin", douyinHours) };
        using var factory = WithClock(app, new TestClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)), settings);
        using var client = factory.CreateClient();
        var export = new ExportBytes(DouyinExport.Current74, "-")
            .Row(("主订单编号", "\t6937841205567283410"), ("子订单编号", "\t6937841205567283411"), ("商品数量", "1"),
                ("订单应付金额", "20.00"), ("支付完成时间", "2025-03-02 20:15:40"), ("订单状态", "已发货"), ("省", "山西省"))
            .Utf8WithBom();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(export);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "douyin.csv");
        form.Add(new StringContent("乡味优选抖音店"), "shop");
        using var upload = await client.PostAsync(new Uri("/api/imports", UriKind.Relative), form);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var shops = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/freshness", UriKind.Relative));

        var shop = shops.EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(shop.GetProperty("latestPaidAt").GetString(), Is.EqualTo("2025-03-02 20:15:40"));
            Assert.That(shop.GetProperty("stale").GetBoolean(), Is.EqualTo(stale));
            Assert.That(shop.GetProperty("expectedEveryHours").GetInt32(), Is.EqualTo(douyinHours is null ? 48 : 96));
        }
    }

    [Test]
    public void ThePinnedDemoClockKeepsItsDateAndRunsTheTimeOfDay()
    {
        var real = new TestClock(new DateTimeOffset(2026, 11, 22, 5, 30, 0, TimeSpan.Zero)); // 13:30 in Beijing
        var pinned = new PinnedDateClock(new DateOnly(2023, 6, 30), real);

        var first = pinned.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        real.Advance(TimeSpan.FromHours(2));
        var later = pinned.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Date, Is.EqualTo(new DateTime(2023, 6, 30)));
            Assert.That(first.TimeOfDay, Is.EqualTo(new TimeSpan(13, 30, 0)).Within(TimeSpan.FromSeconds(5)));
            Assert.That(later.TimeOfDay, Is.EqualTo(new TimeSpan(15, 30, 0)).Within(TimeSpan.FromSeconds(5)));
        }
    }
}
