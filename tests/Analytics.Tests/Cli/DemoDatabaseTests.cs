using System.Text.Json;
using Analytics.Tests.Api;
using Analytics.Ingestion.Importing;
using Analytics.Store;
using Analytics.Tests.Support;
using Dapper;

namespace Analytics.Tests.Cli;

/// <summary>
/// The demo the README promises: its exports go through the real importer, and the figures the county published
/// come out of the imported orders by METRICS.md (net sales = Σ buyer-paid − Σ refunds of orders paid in the period).
/// </summary>
[Category("Demo")]
[NonParallelizable]
public sealed class DemoDatabaseTests
{
    private string _database = "";
    private string _output = "";

    [OneTimeSetUp]
    public async Task OpenTheSharedDemoDatabase()
    {
        var demo = await DemoData.DatabaseAsync();
        (_database, _output) = (demo.Path, demo.BuildOutput);
    }

    private long NetSalesFen(string from, string toExclusive)
    {
        using var connection = Database.Open(_database);
        return connection.ExecuteScalar<long>(
            "SELECT coalesce(sum(gmv_fen) - sum(refund_fen), 0) FROM orders WHERE paid_at >= @from AND paid_at < @toExclusive",
            new { from, toExclusive });
    }

    [Test]
    public void TheDemoShowsItsProgressAndEveryFileLanded()
    {
        Assert.That(_output, Does.Contain("imported 12/12 shops"));
        using var connection = Database.Open(_database);
        Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM imports WHERE status <> 'landed' OR rows_rejected > 0"), Is.Zero);
        // Twelve shops, thirty monthly exports each; a 天猫 订单报表 with its 宝贝报表, loose or zipped, is one import.
        Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM imports WHERE status = 'landed'"), Is.EqualTo(12 * 30));
    }

    [Test]
    public void NetSalesOf2022Are3091WanYuanUp39Point1Percent()
    {
        var year2022 = NetSalesFen("2022-01-01", "2023-01-01");
        var year2021 = NetSalesFen("2021-01-01", "2022-01-01");

        Assert.That(Math.Round(year2022 / 1_000_000m), Is.EqualTo(3091m), "万元");
        Assert.That(Math.Round((year2022 - year2021) * 100m / year2021, 1), Is.EqualTo(39.1m));
    }

    [Test]
    public void FirstQuarterOf2023Is764WanYuanUp24Point18PercentFrom21Provinces()
    {
        var quarter2023 = NetSalesFen("2023-01-01", "2023-04-01");
        var quarter2022 = NetSalesFen("2022-01-01", "2022-04-01");
        using var connection = Database.Open(_database);
        var provinces = connection.ExecuteScalar<long>(
            "SELECT count(DISTINCT province_code) FROM orders WHERE paid_at >= '2023-01-01' AND paid_at < '2023-04-01' AND province_code IS NOT NULL");

        Assert.That(Math.Round(quarter2023 / 1_000_000m), Is.EqualTo(764m));
        Assert.That(Math.Round((quarter2023 - quarter2022) * 100m / quarter2022, 2), Is.EqualTo(24.18m));
        Assert.That(provinces, Is.EqualTo(21));
    }

    [Test]
    public void EveryDemoShopMapsToItsEnterprise()
    {
        using var connection = Database.Open(_database);
        var unmapped = connection.Query<string>(
            "SELECT DISTINCT o.shop FROM orders o LEFT JOIN shops s ON s.platform = o.platform AND s.shop = o.shop WHERE s.enterprise IS NULL");

        Assert.That(unmapped, Is.Empty);
    }

    /// <summary>
    /// Rollups and raw lines agree: each endpoint answers the same from the importer's rollups as from the orders and
    /// lines themselves (source=raw), over months, a year, a leap day, a single day, and every filter.
    /// </summary>
    [TestCase("/api/summary?from=2023-03-01&to=2023-03-31")]
    [TestCase("/api/summary?from=2022-01-01&to=2022-12-31")]
    [TestCase("/api/summary?from=2022-11-11&to=2022-11-11&platform=douyin")]
    [TestCase("/api/summary?from=2023-01-01&to=2023-03-31&province=14")]
    [TestCase("/api/summary?from=2023-01-01&to=2023-06-30&enterprise=禾丰县富硒谷物农业专业合作社")]
    [TestCase("/api/summary?from=2022-02-20&to=2022-03-05&shop=禾丰小米杂粮拼多多店")]
    [TestCase("/api/trend?from=2023-01-01&to=2023-06-30&interval=month")]
    [TestCase("/api/trend?from=2023-02-01&to=2023-03-15&interval=day&platform=jd")]
    [TestCase("/api/trend?from=2022-12-20&to=2023-01-20&interval=week")]
    [TestCase("/api/trend?from=2023-01-02&to=2023-01-30&interval=week&platform=douyin")]
    // A month and a quarter that start mid-week: the first, clipped week must not take the whole period's buyers.
    [TestCase("/api/trend?from=2023-03-01&to=2023-03-31&interval=week")]
    [TestCase("/api/trend?from=2023-04-01&to=2023-06-30&interval=week")]
    [TestCase("/api/trend?from=2022-11-15&to=2023-02-01&interval=month")]
    [TestCase("/api/rankings/platforms?from=2022-01-01&to=2022-12-31")]
    [TestCase("/api/rankings/enterprises?from=2023-01-01&to=2023-03-31&by=netSales")]
    [TestCase("/api/rankings/shops?from=2023-03-01&to=2023-03-31&by=orders&limit=100")]
    [TestCase("/api/rankings/provinces?from=2023-01-01&to=2023-03-31&limit=40")]
    [TestCase("/api/rankings/products?from=2023-03-01&to=2023-03-31&limit=50")]
    [TestCase("/api/rankings/products?from=2022-06-01&to=2022-06-30&platform=pdd&province=14")]
    public async Task RollupsAndRawLinesGiveTheSameAnswer(string url)
    {
        using var app = new AnalyticsApp(_database);
        using var client = app.CreateClient();

        var fromRollups = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var fromRaw = await client.GetStringAsync(new Uri(url + "&source=raw", UriKind.Relative));

        Assert.That(fromRaw, Is.EqualTo(fromRollups));
        Assert.That(fromRollups, Does.Match("\"orders\":[1-9]"), "the comparison is over real sales, not empty windows");
    }

    [Test]
    public async Task TheTopProductsRegionsAgreeFromRollupsAndRawLines()
    {
        using var app = new AnalyticsApp(_database);
        using var client = app.CreateClient();
        var top = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/rankings/products?from=2023-01-01&to=2023-03-31&limit=1", UriKind.Relative)))
            .RootElement.GetProperty("items")[0];
        var url = $"/api/products/{top.GetProperty("platform").GetString()}/{top.GetProperty("key").GetString()}/regions?from=2023-01-01&to=2023-03-31";

        var fromRollups = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var fromRaw = await client.GetStringAsync(new Uri(url + "&source=raw", UriKind.Relative));

        Assert.That(fromRaw, Is.EqualTo(fromRollups));
        Assert.That(JsonDocument.Parse(fromRollups).RootElement.GetProperty("items").GetArrayLength(), Is.GreaterThan(5));
    }
}
