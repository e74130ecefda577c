using System.Net;
using System.Net.Http.Headers;
using Analytics.Api.Alerts;
using Analytics.Ingestion.Formats;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Forecasts;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Tests.Alerts;

/// <summary>
/// Every rule's whole episode: not raised before its persistence is met, raised once when it is, judged again without
/// a second alert or a new episode for the same rule and scope, and resolved by itself when the condition clears.
/// Three steady shops from 6 February 2023 as in <see cref="AlertRuleTests"/>; the clock on 27 April, judging through the 25th.
/// </summary>
public sealed class AlertLifecycleTests
{
    private static readonly DateOnly Start = new(2023, 2, 6);
    private const int Days = 80; // through 2023-04-26

    private static AnalyticsApp App()
    {
        var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-27";
        SalesDays.Write(app, "douyin", "甲店", Start, SalesDays.Steady(Start, Days, 10_000, seed: 1));
        SalesDays.Write(app, "douyin", "乙店", Start, SalesDays.Steady(Start, Days, 10_000, seed: 2));
        SalesDays.Write(app, "jd", "丙店", Start, SalesDays.Steady(Start, Days, 10_000, seed: 3));
        return app;
    }

    private static Task<AlertChanges> Evaluate(IServiceProvider services) =>
        services.GetRequiredService<AlertWorker>().EvaluateAsync(CancellationToken.None);

    private static List<StoredAlert> Open(IServiceProvider services, string rule) =>
        [.. services.GetRequiredService<AnalyticsStore>().Alerts.List(all: false).Where(a => a.Rule == rule)];

    /// <summary>
    /// The lifecycle of one rule's one scope: <paramref name="short"/> is too brief to raise, <paramref name="persist"/>
    /// raises, <paramref name="clear"/> resolves; returns the episode as raised.
    /// </summary>
    private static async Task<StoredAlert> AssertLifecycle(IServiceProvider services, string rule, Func<StoredAlert, bool> scope,
        Action @short, Action persist, Action clear)
    {
        @short();
        await Evaluate(services);
        var tooShort = Open(services, rule).Where(scope).ToList();
        persist();
        var raised = await Evaluate(services);
        var open = Open(services, rule).Where(scope).ToList();
        var again = await Evaluate(services);
        var stillOpen = Open(services, rule).Where(scope).ToList();
        clear();
        var cleared = await Evaluate(services);
        var history = services.GetRequiredService<AnalyticsStore>().Alerts.List(all: true).Where(a => a.Rule == rule).Where(scope).ToList();

        Assert.That(tooShort, Is.Empty, $"{rule}: raised before its persistence was met");
        Assert.That(open, Has.Count.EqualTo(1), $"{rule}: one open episode for the scope");
        var episode = open[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(raised.Raised, Does.Contain(episode.Id), $"{rule}: raised when the condition persisted");
            Assert.That(again.Raised, Does.Not.Contain(episode.Id).And.Empty, $"{rule}: judged again, nothing raised again");
            Assert.That(stillOpen.Select(a => a.Id), Is.EqualTo(new[] { episode.Id }), $"{rule}: the same episode stays open");
            Assert.That(cleared.Resolved, Does.Contain(episode.Id), $"{rule}: resolved by itself when the condition cleared");
            Assert.That(Open(services, rule).Where(scope), Is.Empty, $"{rule}: nothing open after it cleared");
            Assert.That(history, Has.Count.EqualTo(1).And.All.Matches<StoredAlert>(a => a.ResolvedAt != null), $"{rule}: one episode in the history, resolved");
        }
        return episode;
    }

    [Test]
    public async Task BelowBandRaisesAfterFiveOfSevenDaysOnceAndResolves()
    {
        using var app = App();
        // The defaults: 5 of the last 7 days (19–25 April) under the band; four low days are not yet an alert.
        var shop = await AssertLifecycle(app.Services, AlertRules.BelowBand, a => a.ScopeKind == "shop" && a.ScopeKey == "douyin/甲店",
            @short: () => SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 22), SalesDays.Steady(new DateOnly(2023, 4, 22), 4, 3_000, seed: 9)),
            persist: () => SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 21), SalesDays.Steady(new DateOnly(2023, 4, 21), 5, 3_000, seed: 9)),
            clear: () => SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 21), SalesDays.Steady(new DateOnly(2023, 4, 21), 5, 10_000, seed: 4)));

        Assert.That(shop.Message, Does.StartWith("甲店 网络零售额"));
    }

    [Test]
    public async Task ARefundSpikeRaisesAfterTwoDaysOnceAndResolves()
    {
        using var app = App();
        // 20,000 yuan a day: above the volume under which refunds are too few to be a rate (15,000).
        SalesDays.Write(app, "jd", "丙店", Start, SalesDays.Steady(Start, Days, 20_000, seed: 3), [.. Enumerable.Range(0, Days).Select(i => 600.0 + 20 * (i % 5))]);
        var from = new DateOnly(2023, 4, 24);

        var spike = await AssertLifecycle(app.Services, AlertRules.RefundSpike, a => a.ScopeKind == "shop" && a.ScopeKey == "jd/丙店",
            @short: () => SalesDays.Write(app, "jd", "丙店", from.AddDays(1), [20_000], [4_500]),
            persist: () => SalesDays.Write(app, "jd", "丙店", from, [20_000, 20_000], [4_000, 4_500]),
            clear: () => SalesDays.Write(app, "jd", "丙店", from, [20_000, 20_000], [620, 640]));

        Assert.That(spike.Message, Does.StartWith("丙店 退款率连续 2 天异常升高"));
    }

    [Test]
    public async Task AMonthProjectedBelowLastYearRaisesOnceAndResolvesWhenTheProjectionRecovers()
    {
        using var app = new AnalyticsApp();
        app.Settings["Clock:Date"] = "2023-04-27";
        var from = new DateOnly(2022, 3, 1);
        double[] Year(double aprilFactor)
        {
            var values = SalesDays.Steady(from, 422, 10_000, seed: 5);
            for (var i = 31; i < 61; i++)
                values[i] *= aprilFactor; // April 2022
            return values;
        }

        await AssertLifecycle(app.Services, AlertRules.MonthBelowLastYear, a => a.ScopeKind == "county" && a.ScopeKey == "@2023-04",
            // 15% below last April: under the 20% the rule waits for.
            @short: () => SalesDays.Write(app, "jd", "丙店", from, Year(1.0 / 0.85)),
            persist: () => SalesDays.Write(app, "jd", "丙店", from, Year(2.0)),
            clear: () => SalesDays.Write(app, "jd", "丙店", from, Year(1.0)));
    }

    [Test]
    public async Task AProductsSharpDropRaisesAfterAWeekOnceAndResolves()
    {
        using var app = App();
        void Product(DateOnly day, int days, double level, int seed) =>
            SalesDays.WriteProduct(app, "douyin", "甲店", "P1", "富硒小米 5斤装", day, SalesDays.Steady(day, days, level, seed));
        Product(Start, Days, 8_000, seed: 7); // above the rule's minimum volume (5,000 yuan a day)
        var week = new DateOnly(2023, 4, 19);

        var drop = await AssertLifecycle(app.Services, AlertRules.SharpDrop, a => a.ScopeKind == "product" && a.ScopeKey == "douyin/甲店/P1",
            // Three poor days of seven leave the week 34% short: under the 40% the rule asks for.
            @short: () => Product(week.AddDays(4), 3, 1_600, seed: 8),
            persist: () => Product(week, 7, 1_600, seed: 8),
            clear: () => Product(week, 7, 8_000, seed: 7));

        Assert.That(drop.Message, Does.StartWith("商品“富硒小米 5斤装”网络零售额近 7 天骤降"));
    }

    [Test]
    public async Task AProvincesSharpDropRaisesAfterAWeekOnceAndResolves()
    {
        using var app = App();
        var week = new DateOnly(2023, 4, 19);
        void All(DateOnly day, int days, double level)
        {
            SalesDays.Write(app, "douyin", "甲店", day, SalesDays.Steady(day, days, level, seed: 11));
            SalesDays.Write(app, "douyin", "乙店", day, SalesDays.Steady(day, days, level, seed: 12));
            SalesDays.Write(app, "jd", "丙店", day, SalesDays.Steady(day, days, level, seed: 13));
        }

        await AssertLifecycle(app.Services, AlertRules.SharpDrop, a => a.ScopeKind == "province" && a.ScopeKey == "14",
            @short: () => All(week.AddDays(4), 3, 2_000),
            persist: () => All(week, 7, 2_000),
            clear: () => All(week, 7, 10_000));
    }

    [Test]
    public async Task AShopThatStopsUploadingRaisesOnceAfterItsIntervalAndResolvesWithTheNextUpload()
    {
        using var app = new AnalyticsApp();
        var clock = new TestClock(new DateTimeOffset(2025, 3, 3, 20, 0, 0, TimeSpan.FromHours(8)));
        using var factory = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        }));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.CreateKey("bureau"));

        await AssertLifecycle(factory.Services, AlertRules.StaleShop, a => a.ScopeKey == "douyin/乡味优选抖音店",
            @short: () => Upload(client, "2025-03-02 20:15:40", "6937841205567283410"), // 24 hours: inside the 48-hour interval
            persist: () => clock.Set(new DateTimeOffset(2025, 3, 5, 20, 0, 0, TimeSpan.FromHours(8))),
            clear: () => Upload(client, "2025-03-05 19:00:00", "6937841205567283420"));
    }

    private static void Upload(HttpClient client, string paidAt, string orderId)
    {
        var export = new ExportBytes(DouyinExport.Current74, "-")
            .Row(("主订单编号", "\t" + orderId), ("子订单编号", "\t" + orderId[..^1] + "1"), ("商品数量", "1"),
                ("订单应付金额", "20.00"), ("支付完成时间", paidAt), ("订单状态", "已发货"), ("省", "山西省"))
            .Utf8WithBom();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(export);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"douyin-{paidAt[..10]}.csv");
        form.Add(new StringContent("乡味优选抖音店"), "shop");
        using var upload = client.PostAsync(new Uri("/api/imports", UriKind.Relative), form).GetAwaiter().GetResult();
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), upload.Content.ReadAsStringAsync().GetAwaiter().GetResult());
    }
}
