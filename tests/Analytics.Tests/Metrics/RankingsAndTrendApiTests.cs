using System.Text.Json;

namespace Analytics.Tests.Metrics;

/// <summary>Rankings, 单品销售区域分布, the trend and freshness against hand-computed expectations (see <see cref="MetricsFixture"/>).</summary>
[NonParallelizable]
public sealed class RankingsAndTrendApiTests
{
    private const string March = "from=2024-03-01&to=2024-03-31";
    private MetricsFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task ImportTheFixture() => _fixture = await MetricsFixture.CreateAsync();

    [OneTimeTearDown]
    public void Dispose() => _fixture.Dispose();

    private static IEnumerable<(string? Key, decimal Gmv, long Orders)> Items(JsonElement ranking) =>
        ranking.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString(), i.GetProperty("gmv").GetDecimal(), i.GetProperty("orders").GetInt64()));

    [Test]
    public async Task PlatformRankingHasSharesAndChangeOnThePreviousMonth()
    {
        var ranking = await _fixture.Get($"/api/rankings/platforms?{March}");

        Assert.That(Items(ranking), Is.EqualTo(new (string?, decimal, long)[] { ("jd", 199.60m, 2), ("douyin", 140.00m, 3), ("pdd", 60.00m, 2) }));
        var items = ranking.GetProperty("items");
        Assert.That(items[0].GetProperty("name").GetString(), Is.EqualTo("京东"));
        Assert.That(items[0].GetProperty("share").GetDouble(), Is.EqualTo(0.4995), "199.60 / 399.60");
        Assert.That(items[1].GetProperty("change").GetDouble(), Is.EqualTo(2.1111), "Douyin had 45.00 in February");
        Assert.That(items[0].GetProperty("change").ValueKind, Is.EqualTo(JsonValueKind.Null), "JD had nothing in February");
        Assert.That(items[1].GetProperty("netSales").GetDecimal(), Is.EqualTo(60.00m));
        Assert.That(ranking.GetProperty("previous").GetProperty("to").GetString(), Is.EqualTo("2024-02-29"));
    }

    [Test]
    public async Task EnterpriseRankingGroupsMappedShopsAndKeepsUnmappedShopsApart()
    {
        var ranking = await _fixture.Get($"/api/rankings/enterprises?{March}");

        Assert.That(Items(ranking), Is.EqualTo(new (string?, decimal, long)[] { (MetricsFixture.Enterprise, 339.60m, 5), (MetricsFixture.PddShop, 60.00m, 2) }));
    }

    [Test]
    public async Task ProvinceRankingCountsUnknownProvincesApart()
    {
        var ranking = await _fixture.Get($"/api/rankings/provinces?{March}");

        Assert.That(Items(ranking), Is.EqualTo(new (string?, decimal, long)[] { ("15", 139.70m, 1), ("14", 120.00m, 2), ("11", 59.90m, 1), ("61", 20.00m, 1) }));
        Assert.That(ranking.GetProperty("items")[1].GetProperty("name").GetString(), Is.EqualTo("山西省"));
        var unknown = ranking.GetProperty("unknown");
        Assert.That((unknown.GetProperty("orders").GetInt64(), unknown.GetProperty("gmv").GetDecimal()), Is.EqualTo((2L, 60.00m)));
    }

    [Test]
    public async Task ProductRankingSharesJdOrderAmountsByPriceTimesQuantity()
    {
        var ranking = await _fixture.Get($"/api/rankings/products?{March}&limit=10");

        // S1: 111.80 of J1's 139.70 (weights 119.80 : 29.90) + J2's 59.90.
        Assert.That(Items(ranking), Is.EqualTo(new (string?, decimal, long)[]
        {
            ("S1", 171.70m, 2), ("P2", 80.00m, 2), ("6001", 60.00m, 2), ("P1", 60.00m, 2), ("S2", 27.90m, 1),
        }));
        Assert.That(ranking.GetProperty("items")[1].GetProperty("name").GetString(), Is.EqualTo("商品P2"));
        Assert.That(ranking.GetProperty("items")[1].GetProperty("shop").GetString(), Is.EqualTo(MetricsFixture.DouyinShop));
    }

    [Test]
    public async Task RankingsCanRankByOrdersAndLimit()
    {
        var ranking = await _fixture.Get($"/api/rankings/platforms?{March}&by=orders&limit=1");

        Assert.That(Items(ranking), Is.EqualTo(new (string?, decimal, long)[] { ("douyin", 140.00m, 3) }));
        Assert.That(ranking.GetProperty("items")[0].GetProperty("share").GetDouble(), Is.EqualTo(0.4286), "3 of 7 orders");
    }

    [Test]
    public async Task ProductRegionsSplitOneProductsSalesByProvince()
    {
        var regions = await _fixture.Get($"/api/products/douyin/P1/regions?{March}");

        var items = regions.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("key").GetString(), i.GetProperty("name").GetString(), i.GetProperty("gmv").GetDecimal(), i.GetProperty("units").GetInt64())).ToList();
        Assert.That(items, Is.EqualTo(new (string?, string?, decimal, long)[] { ("14", "山西省", 40.00m, 2), ("61", "陕西省", 20.00m, 1) }));
        Assert.That(regions.GetProperty("title").GetString(), Is.EqualTo("商品P1"));
        Assert.That(regions.GetProperty("total").GetProperty("gmv").GetDecimal(), Is.EqualTo(60.00m));
    }

    [Test]
    public async Task PddProductsWithoutProvinceAreCountedApart()
    {
        var regions = await _fixture.Get($"/api/products/pdd/6001/regions?{March}");

        Assert.That(regions.GetProperty("items").GetArrayLength(), Is.Zero);
        Assert.That(regions.GetProperty("unknown").GetProperty("gmv").GetDecimal(), Is.EqualTo(60.00m));
    }

    [Test]
    public async Task AnUnknownProductIsNotFound()
    {
        using var response = await _fixture.Client.GetAsync(new Uri($"/api/products/douyin/NOPE/regions?{March}", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task DailyTrendHasEveryDayIncludingEmptyOnes()
    {
        var trend = await _fixture.Get($"/api/trend?{March}&interval=day");

        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.That(points, Has.Count.EqualTo(31));
        Assert.That((points[0].GetProperty("orders").GetInt64(), points[0].GetProperty("gmv").GetDecimal()), Is.EqualTo((0L, 0.00m)));
        var fifth = points[4];
        Assert.That((fifth.GetProperty("start").GetString(), fifth.GetProperty("orders").GetInt64(), fifth.GetProperty("gmv").GetDecimal(),
            fifth.GetProperty("netSales").GetDecimal(), fifth.GetProperty("buyers").GetInt64()), Is.EqualTo(("2024-03-05", 2L, 95.00m, 65.00m, 1L)));
        Assert.That(points[30].GetProperty("gmv").GetDecimal(), Is.EqualTo(20.00m));
    }

    [Test]
    public async Task MonthlyAndWeeklyTrendsAreClippedToTheRange()
    {
        var monthly = await _fixture.Get("/api/trend?from=2024-02-15&to=2024-03-31&interval=month");
        var weekly = await _fixture.Get("/api/trend?from=2024-03-01&to=2024-03-10&interval=week");

        var months = monthly.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("start").GetString(), p.GetProperty("end").GetString(), p.GetProperty("gmv").GetDecimal(), p.GetProperty("buyers").GetInt64())).ToList();
        Assert.That(months, Is.EqualTo(new (string?, string?, decimal, long)[] { ("2024-02-15", "2024-02-29", 45.00m, 1), ("2024-03-01", "2024-03-31", 399.60m, 3) }));
        var weeks = weekly.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("start").GetString(), p.GetProperty("end").GetString())).ToList();
        Assert.That(weeks, Is.EqualTo(new (string?, string?)[] { ("2024-03-01", "2024-03-03"), ("2024-03-04", "2024-03-10") }), "weeks run Monday to Sunday");
    }

    [Test]
    public async Task FreshnessGivesEachShopsLatestPaymentAndImport()
    {
        var freshness = await _fixture.Get("/api/freshness");

        var douyin = freshness.EnumerateArray().Single(s => s.GetProperty("shop").GetString() == MetricsFixture.DouyinShop);
        Assert.That(douyin.GetProperty("latestPaidAt").GetString(), Is.EqualTo("2024-04-01 00:00:00"));
        Assert.That(douyin.GetProperty("enterprise").GetString(), Is.EqualTo(MetricsFixture.Enterprise));
        Assert.That(douyin.GetProperty("lastExportedAt").GetString(), Is.EqualTo("2024-03-25 01:06:40"));
        Assert.That(freshness.GetArrayLength(), Is.EqualTo(3));
    }

    [TestCase("/api/rankings/cities?from=2024-03-01&to=2024-03-31", "dimension")]
    [TestCase("/api/rankings/platforms?from=2024-03-01&to=2024-03-31&by=units", "by")]
    [TestCase("/api/rankings/platforms?from=2024-03-01&to=2024-03-31&limit=0", "limit")]
    [TestCase("/api/trend?from=2024-03-01&to=2024-03-31&interval=hour", "interval")]
    [TestCase("/api/trend?from=2024-03-01&to=2024-03-31", "interval")]
    public async Task BadRankingAndTrendRequestsNameTheParameter(string url, string parameter)
    {
        using var response = await _fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(problem.GetProperty("errors").TryGetProperty(parameter, out _), Is.True, problem.ToString());
    }
}
