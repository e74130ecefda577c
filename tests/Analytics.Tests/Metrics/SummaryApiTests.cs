using System.Text.Json;

namespace Analytics.Tests.Metrics;

/// <summary>Every figure of /api/summary against hand-computed expectations (see <see cref="MetricsFixture"/>).</summary>
[NonParallelizable]
public sealed class SummaryApiTests
{
    private MetricsFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task ImportTheFixture() => _fixture = await MetricsFixture.CreateAsync();

    [OneTimeTearDown]
    public void Dispose() => _fixture.Dispose();

    private static decimal Money(JsonElement figures, string name) => figures.GetProperty(name).GetDecimal();

    private static double? Ratio(JsonElement figures, string name) =>
        figures.GetProperty(name).ValueKind == JsonValueKind.Null ? null : figures.GetProperty(name).GetDouble();

    [Test]
    public async Task MarchFiguresFollowTheDefinitions()
    {
        var march = await _fixture.Get("/api/summary?from=2024-03-01&to=2024-03-31");

        // D1, D2 (23:59:59 on the 31st), D3, J1, J2, P1, P2; the unpaid D4, J3, P3 and April's D5 never count.
        Assert.That(march.GetProperty("orders").GetInt64(), Is.EqualTo(7));
        // JD's 139.70 is taken once although both SKU rows repeat it.
        Assert.That(Money(march, "gmv"), Is.EqualTo(399.60m));
        // D1's refunded line (30.00) and D3, refunded in the later overlapping export (50.00).
        Assert.That(Money(march, "refunds"), Is.EqualTo(80.00m));
        Assert.That(Money(march, "netSales"), Is.EqualTo(319.60m));
        Assert.That(march.GetProperty("units").GetInt64(), Is.EqualTo(11));
        Assert.That(Ratio(march, "unitsPerOrder"), Is.EqualTo(1.57));
        Assert.That(Money(march, "avgOrderValue"), Is.EqualTo(57.09m));
        // Buyers X (D1, D3), Y (D2) and jd_a (J1, J2); PDD's default export has none.
        Assert.That(march.GetProperty("buyers").GetInt64(), Is.EqualTo(3));
        Assert.That(Ratio(march, "buyerCoverage"), Is.EqualTo(0.7143));
        Assert.That(Money(march, "basketSize"), Is.EqualTo(113.20m), "339.60 paid by orders with a buyer / 3 buyers");
        Assert.That(Ratio(march, "repeatRate"), Is.EqualTo(0.6667), "X and jd_a bought twice");
        Assert.That(march.GetProperty("provinces").GetInt32(), Is.EqualTo(4), "山西, 陕西, 内蒙古, 北京; PDD's unknown does not count");
    }

    [Test]
    public async Task EstimatesNameThePlatformsWhoseFiguresAreInferred()
    {
        var estimates = (await _fixture.Get("/api/summary?from=2024-03-01&to=2024-03-31")).GetProperty("estimates");

        Assert.That(estimates.GetProperty("refunds").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "douyin", "jd", "pdd" }));
        Assert.That(estimates.GetProperty("buyers").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "douyin" }));
        Assert.That(estimates.GetProperty("repeatRate").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "douyin" }));
    }

    [Test]
    public async Task ComparisonsStateTheirWindowsAndChanges()
    {
        var march = await _fixture.Get("/api/summary?from=2024-03-01&to=2024-03-31");

        var previous = march.GetProperty("previous");
        Assert.That((previous.GetProperty("from").GetString(), previous.GetProperty("to").GetString()), Is.EqualTo(("2024-02-01", "2024-02-29")));
        Assert.That(Money(previous, "gmv"), Is.EqualTo(45.00m));
        Assert.That(previous.GetProperty("change").GetProperty("gmv").GetDouble(), Is.EqualTo(7.88), "(399.60 − 45) / 45");
        var yearAgo = march.GetProperty("yearAgo");
        Assert.That((yearAgo.GetProperty("from").GetString(), yearAgo.GetProperty("to").GetString()), Is.EqualTo(("2023-03-01", "2023-03-31")));
        Assert.That((yearAgo.GetProperty("orders").GetInt64(), Money(yearAgo, "gmv")), Is.EqualTo((1L, 50.00m)));
        Assert.That(yearAgo.GetProperty("change").GetProperty("orders").GetDouble(), Is.EqualTo(6.0));
        var yearToDate = march.GetProperty("yearToDate");
        Assert.That((yearToDate.GetProperty("from").GetString(), yearToDate.GetProperty("to").GetString()), Is.EqualTo(("2024-01-01", "2024-03-31")));
        Assert.That((yearToDate.GetProperty("orders").GetInt64(), Money(yearToDate, "gmv")), Is.EqualTo((8L, 444.60m)));
        Assert.That(yearToDate.GetProperty("comparedWith").GetProperty("to").GetString(), Is.EqualTo("2023-03-31"));
        Assert.That(yearToDate.GetProperty("change").GetProperty("gmv").GetDouble(), Is.EqualTo(4.5575), "(444.60 − 80) / 80");
    }

    [Test]
    public async Task TwentyNinthOfFebruaryComparesWithTheTwentyEighthAYearEarlier()
    {
        var leapDay = await _fixture.Get("/api/summary?from=2024-02-29&to=2024-02-29");

        var yearAgo = leapDay.GetProperty("yearAgo");
        Assert.That((yearAgo.GetProperty("from").GetString(), yearAgo.GetProperty("to").GetString()), Is.EqualTo(("2023-02-28", "2023-02-28")));
        Assert.That((Money(leapDay, "gmv"), Money(yearAgo, "gmv")), Is.EqualTo((45.00m, 30.00m)));
        Assert.That(yearAgo.GetProperty("change").GetProperty("gmv").GetDouble(), Is.EqualTo(0.5));
        Assert.That(leapDay.GetProperty("previous").GetProperty("from").GetString(), Is.EqualTo("2024-02-28"), "a one-day range compares with the day before");
    }

    [TestCase("2024-03-01", "2024-03-15", "2024-02-01", "2024-02-15", TestName = "Month to date compares with the same days of the month before")]
    [TestCase("2024-03-01", "2024-03-30", "2024-02-01", "2024-02-29", TestName = "The 30th of March compares up to the 29th of a leap February")]
    [TestCase("2023-03-01", "2023-03-30", "2023-02-01", "2023-02-28", TestName = "The 30th of March compares up to the 28th of February")]
    [TestCase("2024-05-01", "2024-05-31", "2024-04-01", "2024-04-30", TestName = "A whole month of 31 days compares with the whole month before")]
    [TestCase("2024-01-01", "2024-01-22", "2023-12-01", "2023-12-22", TestName = "Month to date in January compares across the year boundary")]
    [TestCase("2024-01-01", "2024-03-15", "2023-10-01", "2023-12-15", TestName = "Months to date compare with as many months before")]
    [TestCase("2024-03-31", "2024-03-31", "2024-03-30", "2024-03-30", TestName = "The 31st alone compares with the day before")]
    [TestCase("2024-03-10", "2024-03-20", "2024-02-28", "2024-03-09", TestName = "A range not starting on the 1st compares with the equal range before it")]
    public async Task PreviousWindowFollowsTheCalendar(string from, string to, string previousFrom, string previousTo)
    {
        var summary = await _fixture.Get($"/api/summary?from={from}&to={to}");

        var previous = summary.GetProperty("previous");
        Assert.That((previous.GetProperty("from").GetString(), previous.GetProperty("to").GetString()), Is.EqualTo((previousFrom, previousTo)));
        var direct = await _fixture.Get($"/api/summary?from={previousFrom}&to={previousTo}");
        Assert.That((previous.GetProperty("orders").GetInt64(), Money(previous, "gmv")),
            Is.EqualTo((direct.GetProperty("orders").GetInt64(), Money(direct, "gmv"))), "环比 states the figures of the window it names");
    }

    [Test]
    public async Task APaymentAtMidnightBelongsToTheDayItStarts()
    {
        var april = await _fixture.Get("/api/summary?from=2024-04-01&to=2024-04-01");
        var lastDay = await _fixture.Get("/api/summary?from=2024-03-31&to=2024-03-31");

        Assert.That(Money(april, "gmv"), Is.EqualTo(10.00m), "D5 paid 2024-04-01 00:00:00");
        Assert.That(Money(lastDay, "gmv"), Is.EqualTo(20.00m), "D2 paid 2024-03-31 23:59:59");
    }

    [Test]
    public async Task FiltersByPlatformShopEnterpriseAndProvince()
    {
        const string march = "/api/summary?from=2024-03-01&to=2024-03-31";

        var enterprise = await _fixture.Get($"{march}&enterprise={Uri.EscapeDataString(MetricsFixture.Enterprise)}");
        var unmapped = await _fixture.Get($"{march}&enterprise={Uri.EscapeDataString(MetricsFixture.PddShop)}");
        var jd = await _fixture.Get($"{march}&platform=jd");
        var jdByName = await _fixture.Get($"{march}&platform={Uri.EscapeDataString("京东")}");
        var shanxi = await _fixture.Get($"{march}&province={Uri.EscapeDataString("山西")}");
        var shop = await _fixture.Get($"{march}&shop={Uri.EscapeDataString(MetricsFixture.DouyinShop)}");

        Assert.That((enterprise.GetProperty("orders").GetInt64(), Money(enterprise, "gmv")), Is.EqualTo((5L, 339.60m)), "the Douyin and JD shops of one enterprise");
        Assert.That((unmapped.GetProperty("orders").GetInt64(), Money(unmapped, "gmv")), Is.EqualTo((2L, 60.00m)), "an unmapped shop is its own enterprise");
        Assert.That((jd.GetProperty("orders").GetInt64(), Money(jd, "gmv"), jd.GetProperty("buyers").GetInt64()), Is.EqualTo((2L, 199.60m, 1L)));
        Assert.That(Ratio(jd, "repeatRate"), Is.EqualTo(1.0));
        Assert.That(Money(jdByName, "gmv"), Is.EqualTo(199.60m));
        Assert.That((shanxi.GetProperty("orders").GetInt64(), Money(shanxi, "gmv"), Money(shanxi, "refunds")), Is.EqualTo((2L, 120.00m, 80.00m)));
        Assert.That((shop.GetProperty("orders").GetInt64(), shop.GetProperty("buyers").GetInt64()), Is.EqualTo((3L, 2L)));
    }

    [TestCase("from=2015-01-01&to=2015-12-31")]
    [TestCase("from=2024-03-01&to=2031-03-31")]
    public async Task ARangeFarFromTheDataAnswersZerosNotAnError(string query)
    {
        var figures = await _fixture.Get($"/api/summary?{query}");

        Assert.That(figures.GetProperty("orders").GetInt64(), Is.EqualTo(query.StartsWith("from=2015", StringComparison.Ordinal) ? 0 : 8));
        var from = DateOnly.ParseExact(query[5..15], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(figures.GetProperty("yearAgo").GetProperty("from").GetString(), Is.EqualTo(from.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            "同比 still names its window");
    }

    [Test]
    public async Task AnEmptyPeriodAnswersZerosAndNullRatios()
    {
        var empty = await _fixture.Get("/api/summary?from=2023-06-01&to=2023-06-30");

        Assert.That((empty.GetProperty("orders").GetInt64(), Money(empty, "gmv"), empty.GetProperty("buyers").GetInt64()), Is.EqualTo((0L, 0.00m, 0L)));
        foreach (var ratio in new[] { "unitsPerOrder", "avgOrderValue", "buyerCoverage", "basketSize", "repeatRate" })
            Assert.That(empty.GetProperty(ratio).ValueKind, Is.EqualTo(JsonValueKind.Null), ratio);
        Assert.That(empty.GetProperty("yearAgo").GetProperty("change").GetProperty("gmv").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("from=2024-13-01&to=2024-03-31", "from", "is not a date")]
    [TestCase("to=2024-03-31", "from", "required")]
    [TestCase("from=2024-03-31&to=2024-03-01", "from", "after")]
    [TestCase("from=2024-03-01&to=2024-03-31&platform=amazon", "platform", "douyin")]
    [TestCase("from=2024-03-01&to=2024-03-31&province=%E7%81%AB%E6%98%9F", "province", "GB/T 2260")]
    [TestCase("from=1900-01-01&to=2024-03-31", "to", "at most 100 years")]
    public async Task BadRequestsAreProblemsNamingTheParameter(string query, string parameter, string message)
    {
        using var response = await _fixture.Client.GetAsync(new Uri($"/api/summary?{query}", UriKind.Relative));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), Does.Contain(message));
    }
}
