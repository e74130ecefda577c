using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Store;
using Analytics.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Forecasts;

public sealed class ForecastApiTests
{
    private static readonly DateOnly Start = new(2023, 2, 6);

    [Test]
    public async Task AForecastAsOfADayIsTheSameWhateverCameAfterIt()
    {
        using var app = new AnalyticsApp();
        SalesDays.Write(app, "douyin", "甲店", Start, SalesDays.Steady(Start, 90, 10_000, seed: 1));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        const string url = "/api/forecast?metric=netSales&horizon=10&asOf=2023-04-20";

        var first = await client.GetFromJsonAsync<JsonElement>(url);
        SalesDays.Write(app, "douyin", "甲店", new DateOnly(2023, 4, 21), Enumerable.Repeat(1.0, 30).ToArray());
        var again = await client.GetFromJsonAsync<JsonElement>(url);

        Assert.That(first.GetProperty("model").GetString(),
            Is.AnyOf("seasonal-naive", "seasonal-naive+events", "holt-winters-damped", "holt-winters-damped+events"));
        Assert.That(again.GetProperty("model").GetString(), Is.EqualTo(first.GetProperty("model").GetString()), "the same model as of the same day");
        Assert.That(first.GetProperty("points").GetArrayLength(), Is.EqualTo(10));
        Assert.That(first.GetProperty("points")[0].GetProperty("date").GetString(), Is.EqualTo("2023-04-21"));
        Assert.That(again.GetProperty("points").GetRawText(), Is.EqualTo(first.GetProperty("points").GetRawText()));
        Assert.That(again.GetProperty("backtest").GetRawText(), Is.EqualTo(first.GetProperty("backtest").GetRawText()));
        var monthEnd = first.GetProperty("monthEnd");
        Assert.That(monthEnd.GetProperty("period").GetString(), Is.EqualTo("2023-04"));
        Assert.That(monthEnd.GetProperty("lower").GetDecimal(), Is.LessThanOrEqualTo(monthEnd.GetProperty("value").GetDecimal()));
        Assert.That(monthEnd.GetProperty("upper").GetDecimal(), Is.GreaterThanOrEqualTo(monthEnd.GetProperty("value").GetDecimal()));
        Assert.That(monthEnd.GetProperty("value").GetDecimal(), Is.InRange(280_000m, 340_000m), "30 days of about 10,400 yuan");
    }

    [Test]
    public async Task UnderEightWeeksOfHistoryTheAnswerSaysSoInsteadOfForecasting()
    {
        using var app = new AnalyticsApp();
        SalesDays.Write(app, "douyin", "甲店", Start, SalesDays.Steady(Start, 40, 10_000, seed: 1));
        using var client = app.CreateClient();

        var answer = await client.GetFromJsonAsync<JsonElement>("/api/forecast?metric=orders&horizon=7&asOf=2023-03-17");

        Assert.That(answer.GetProperty("model").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(answer.GetProperty("points").GetArrayLength(), Is.Zero);
        Assert.That(answer.GetProperty("message").GetString(), Does.Contain("历史不足八周"));
    }

    [TestCase("metric=sales&horizon=7", "metric")]
    [TestCase("metric=gmv&horizon=0", "horizon")]
    [TestCase("metric=gmv&horizon=7&asOf=2023-02-30", "asOf")]
    [TestCase("metric=gmv&platform=amazon", "platform")]
    public async Task BadQuestionsAreProblemsNamingTheParameter(string query, string parameter)
    {
        using var app = new AnalyticsApp();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/forecast?{query}", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").TryGetProperty(parameter, out _), Is.True, problem.GetRawText());
    }

    [Test]
    public async Task AnOperatorForecastsOnlyTheirOwnShops()
    {
        using var app = new AnalyticsApp();
        SalesDays.Write(app, "douyin", "甲店", Start, SalesDays.Steady(Start, 90, 10_000, seed: 1));
        SalesDays.Write(app, "douyin", "乙店", Start, SalesDays.Steady(Start, 90, 50_000, seed: 2));
        app.Services.GetRequiredService<AnalyticsStore>().AddShop("甲店", "douyin", null, "test");
        using var operatorClient = app.CreateClientAs("operator", "甲店");

        var own = await operatorClient.GetFromJsonAsync<JsonElement>("/api/forecast?metric=netSales&horizon=7&asOf=2023-05-01");
        using var other = await operatorClient.GetAsync(new Uri("/api/forecast?metric=netSales&asOf=2023-05-01&shop=乙店", UriKind.Relative));

        Assert.That(own.GetProperty("points")[0].GetProperty("value").GetDecimal(), Is.LessThan(15_000m), "甲店 alone, not the county");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task ADatabaseWhoseDataIsYearsOldAnswersFiguresNotErrors()
    {
        using var app = new AnalyticsApp();
        SalesDays.Write(app, "douyin", "甲店", new DateOnly(2021, 3, 1), SalesDays.Steady(new DateOnly(2021, 3, 1), 90, 10_000, seed: 1));
        using var client = app.CreateClient();

        using var summary = await client.GetAsync(new Uri("/api/summary?from=2026-05-01&to=2026-05-31", UriKind.Relative));
        using var trend = await client.GetAsync(new Uri("/api/trend?from=2015-01-01&to=2015-01-31&interval=day", UriKind.Relative));
        var figures = await summary.Content.ReadFromJsonAsync<JsonElement>();
        var forecast = await client.GetFromJsonAsync<JsonElement>("/api/forecast?metric=netSales&asOf=2026-05-15");

        Assert.That((summary.StatusCode, trend.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(figures.GetProperty("netSales").GetDecimal(), Is.Zero);
        Assert.That(figures.GetProperty("avgOrderValue").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(forecast.GetProperty("message").GetString(), Does.Contain("数据只到 2021-05-29"));
    }
}
