using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Ingestion.Formats;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Api;
using Analytics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Metrics;

/// <summary>
/// Kuaishou, the shipped 乐村淘 mapping and a county mall mapped in the bureau's own folder (Formats:Path), each in a window
/// of its own, through the real importer and read back over HTTP. Kuaishou, March 2024: K1 (59.80 ×2) and K2 (1,299.90)
/// by receiver A (甘肃), K3 (45.90, 交易关闭 + 退款成功) by receiver B (山西), K4 unpaid, K5 (10.00) with no receiver and no
/// province. 乐村淘, March 2023: the committed sample. The county mall, June 2024: two orders of one receiver, one refunded.
/// </summary>
[NonParallelizable]
public sealed class MorePlatformsApiTests
{
    private TemporaryFolder _formats = null!;
    private AnalyticsApp _app = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task ImportTheThreePlatforms()
    {
        _formats = new TemporaryFolder();
        MappingFiles.Write(_formats.Path, "hefeng_mall.ini", MappingFiles.CountyMall);
        _app = new AnalyticsApp();
        _app.Settings["Formats:Path"] = _formats.Path;
        _client = _app.CreateClient();
        var store = _app.Services.GetRequiredService<AnalyticsStore>();
        async Task Import(string path, string shop)
        {
            var receipt = await store.ImportAsync(path, new ImportRequest("test", shop));
            Assert.That(receipt is { Landed: true, RowsRejected: 0 }, Is.True, receipt.ToText());
        }

        await Import(Write("kuaishou.csv", Kuaishou()), "槐乡农品快手小店");
        var lecuntao = Path.Combine(SampleFiles.Folder(), "禾丰县乐村淘特色馆");
        await Import(Directory.GetFiles(lecuntao, "*.csv").Single(), "禾丰县乐村淘特色馆");
        await Import(Write("mall.csv", new ExportBytes(MappingFiles.CountyMallHeader)
            .Row(Mall("M0001", "60.00", "已签收")).Row(Mall("M0002", "40.00", "已退款")).Row(Mall("M0003", "25.00", "未付款")).Utf8()), "禾丰优选自营店");
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
        _formats.Dispose();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_app.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Kuaishou()
    {
        (string, string)[] Order(string id, string paid, string paidAt, string status, string quantity, string receiver, string province,
            string afterSale = "-") =>
        [
            ("订单号", id), ("订单支付时间", paidAt), ("订单状态", status), ("实付款", paid), ("成交数量", quantity), ("售后状态", afterSale),
            ("商品ID", "21234567890123"), ("商品名称", "马铃薯粉条"), ("收货人姓名", receiver), ("收货人电话", receiver == "/" ? "/" : "138****0000"),
            ("收货地址-省", province), ("收货地址-市", "-"), ("收货地址-区", "-"),
        ];
        return new ExportBytes(KuaishouExport.Current61, "-")
            .Row(Order("2403051000000001", "¥59.80", "2024-03-05 10:00:00", "交易成功", "2", "张**", "甘肃省"))
            .Row(Order("2403061000000002", "¥1,299.90", "2024-03-06 10:00:00", "已发货", "1", "张**", "甘肃省"))
            .Row(Order("2403071000000003", "¥45.90", "2024-03-07 10:00:00", "交易关闭", "1", "李**", "山西省", afterSale: "退款成功"))
            .Row(Order("2403081000000004", "¥16.20", "-", "待付款", "1", "王**", "山西省"))
            .Row(Order("2403081000000005", "¥10.00", "2024-03-08 10:00:00", "已收货", "1", "/", "/"))
            .Utf8WithBom();
    }

    private static (string, string)[] Mall(string id, string amount, string status) =>
    [
        ("商城订单号", id), ("付款时间", status == "未付款" ? "" : "2024-06-01 10:00:05"), ("状态", status), ("商品编码", "XM-1"), ("规格", "1kg"),
        ("商品", "富硒小米"), ("数量", "1"), ("行实付金额", amount), ("收货人", "钱**"), ("手机", "139****0000"), ("省份", "山西"), ("城市", "运城市"),
        ("区县", "盐湖区"),
    ];

    private async Task<JsonElement> Get(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private static string[] Platforms(JsonElement estimates, string figure) =>
        [.. estimates.GetProperty(figure).EnumerateArray().Select(e => e.GetString()!)];

    private static (string? Key, string? Name, decimal NetSales)[] Ranked(JsonElement ranking) =>
        [.. ranking.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString(), i.GetProperty("name").GetString(), i.GetProperty("netSales").GetDecimal()))];

    [Test]
    public async Task KuaishouFiguresFollowTheDefinitionsAndItsBuyersAndRefundsAreEstimates()
    {
        var march = await Get("/api/summary?from=2024-03-01&to=2024-03-31");

        Assert.That(march.GetProperty("orders").GetInt64(), Is.EqualTo(4), "K4 is unpaid");
        Assert.That(march.GetProperty("gmv").GetDecimal(), Is.EqualTo(1415.60m), "59.80 + 1,299.90 + 45.90 + 10.00");
        Assert.That(march.GetProperty("refunds").GetDecimal(), Is.EqualTo(45.90m));
        Assert.That(march.GetProperty("netSales").GetDecimal(), Is.EqualTo(1369.70m));
        Assert.That(march.GetProperty("units").GetInt64(), Is.EqualTo(5));
        Assert.That(march.GetProperty("avgOrderValue").GetDecimal(), Is.EqualTo(353.90m));
        Assert.That(march.GetProperty("buyers").GetInt64(), Is.EqualTo(2), "receivers A and B; K5 has none");
        Assert.That(march.GetProperty("buyerCoverage").GetDouble(), Is.EqualTo(0.75));
        Assert.That(march.GetProperty("basketSize").GetDecimal(), Is.EqualTo(702.80m), "1,405.60 paid by orders with a buyer / 2");
        Assert.That(march.GetProperty("repeatRate").GetDouble(), Is.EqualTo(0.5), "A bought twice");
        Assert.That(march.GetProperty("provinces").GetInt32(), Is.EqualTo(2));
        var estimates = march.GetProperty("estimates");
        Assert.That(Platforms(estimates, "buyers"), Is.EqualTo(new[] { "kuaishou" }));
        Assert.That(Platforms(estimates, "repeatRate"), Is.EqualTo(new[] { "kuaishou" }));
        Assert.That(Platforms(estimates, "refunds"), Is.EqualTo(new[] { "kuaishou" }), "快手's export states no refund amount");
    }

    [Test]
    public async Task TheShippedLecuntaoMappingIsCountedAndShownByItsChineseName()
    {
        var march = await Get("/api/summary?from=2023-03-01&to=2023-03-31&platform=乐村淘");

        Assert.That(march.GetProperty("orders").GetInt64(), Is.EqualTo(5), "待付款 and 已取消 never count");
        Assert.That(march.GetProperty("gmv").GetDecimal(), Is.EqualTo(624.60m), "156.70 + 149.70 + 38.40 + 129.80 + 150.00");
        Assert.That(march.GetProperty("refunds").GetDecimal(), Is.EqualTo(118.20m), "79.80 + 38.40, as the file states them");
        Assert.That(march.GetProperty("netSales").GetDecimal(), Is.EqualTo(506.40m));
        Assert.That(march.GetProperty("units").GetInt64(), Is.EqualTo(16));
        Assert.That(march.GetProperty("buyers").GetInt64(), Is.EqualTo(4));
        Assert.That(march.GetProperty("repeatRate").GetDouble(), Is.EqualTo(0.25), "lct_138001 bought twice");
        Assert.That(march.GetProperty("provinces").GetInt32(), Is.EqualTo(4));
        var estimates = march.GetProperty("estimates");
        Assert.That(Platforms(estimates, "refunds"), Is.Empty, "乐村淘's export states its refunds");
        Assert.That(Platforms(estimates, "buyers"), Is.Empty, "and its buyers' accounts");

        var ranking = await Get("/api/rankings/platforms?from=2023-03-01&to=2023-03-31");
        Assert.That(Ranked(ranking), Is.EqualTo(new (string?, string?, decimal)[] { ("lecuntao", "乐村淘", 506.40m) }));

        var freshness = await Get("/api/freshness");
        Assert.That(freshness.EnumerateArray().Where(f => f.GetProperty("platform").GetString() == "lecuntao").Select(f => f.GetProperty("platformName").GetString()),
            Is.EqualTo(new[] { "乐村淘" }), "the screen's 数据截至 row");

        var report = await _client.GetStringAsync(new Uri("/api/reports/monthly/2023-03.html", UriKind.Relative));
        Assert.That(report, Does.Contain("乐村淘").And.Not.Contain("lecuntao"));
    }

    [Test]
    public async Task ACountyMallInTheBureausFolderIsShownByItsNameWithItsFiguresMarkedAsEstimates()
    {
        var june = await Get("/api/summary?from=2024-06-01&to=2024-06-30");

        Assert.That((june.GetProperty("orders").GetInt64(), june.GetProperty("gmv").GetDecimal(), june.GetProperty("refunds").GetDecimal()),
            Is.EqualTo((2L, 100.00m, 40.00m)));
        var estimates = june.GetProperty("estimates");
        Assert.That(Platforms(estimates, "refunds"), Is.EqualTo(new[] { "hefeng_mall" }), "refunds are read from 已退款, so estimated");
        Assert.That(Platforms(estimates, "buyers"), Is.EqualTo(new[] { "hefeng_mall" }), "receivers, not accounts");

        var ranking = await Get("/api/rankings/platforms?from=2024-06-01&to=2024-06-30");
        Assert.That(Ranked(ranking), Is.EqualTo(new (string?, string?, decimal)[] { ("hefeng_mall", "禾丰优选", 60.00m) }));
        var byAlias = await Get("/api/summary?from=2024-06-01&to=2024-06-30&platform=县商城");
        Assert.That(byAlias.GetProperty("orders").GetInt64(), Is.EqualTo(2), "the mapping's 别名 filter too");
    }

    [Test]
    public async Task TheImportLogNamesEachPlatformInChinese()
    {
        var imports = await Get("/api/imports");

        var names = imports.EnumerateArray().Select(i => (i.GetProperty("platform").GetString(), i.GetProperty("platformName").GetString())).ToList();
        Assert.That(names, Is.SupersetOf(new (string?, string?)[] { ("kuaishou", "快手"), ("lecuntao", "乐村淘"), ("hefeng_mall", "禾丰优选") }));
    }
}
