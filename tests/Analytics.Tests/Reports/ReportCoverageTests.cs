using System.Text;
using Analytics.Api.Reports;
using Analytics.Store;
using Analytics.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Tests.Reports;

/// <summary>数据说明 names the shops whose exports are missing, in the period and a year before, so nobody publishes a hole.</summary>
[Category("Demo")]
[NonParallelizable]
public sealed class ReportCoverageTests
{
    private string _folder = "";
    private string _database = "";

    [OneTimeSetUp]
    public async Task CopyTheDemoDatabaseWithHoles()
    {
        _folder = Directory.CreateTempSubdirectory("analytics-coverage-").FullName;
        _database = await DemoData.CopyToAsync(_folder);
        // As if one shop's February 2023 export and another's March 2022 export had never been imported.
        using var connection = Database.Open(_database);
        connection.Execute("""
            DELETE FROM sales_daily WHERE shop = '禾丰富硒小米旗舰店' AND day LIKE '2023-02-%';
            DELETE FROM sales_monthly WHERE shop = '禾丰富硒小米旗舰店' AND month = '2023-02';
            DELETE FROM sales_daily WHERE shop = '槐乡农品京东店' AND day LIKE '2022-03-%';
            DELETE FROM sales_monthly WHERE shop = '槐乡农品京东店' AND month = '2022-03';
            """);
    }

    [OneTimeTearDown]
    public void RemoveTheCopy()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<string> HtmlAsync(ReportPeriod period, DateTimeOffset now)
    {
        using var store = new AnalyticsStore(new StoreOptions { DatabasePath = _database }, TimeProvider.System);
        var renderer = new ReportRenderer(store, new TestClock(now), new ReportOptions("禾丰县", null));
        return Encoding.UTF8.GetString(await renderer.RenderAsync(period, ReportFormat.Html));
    }

    [Test]
    public async Task AMissingMonthAndAShortYearBeforeAreNamed()
    {
        var html = await HtmlAsync(ReportPeriod.Quarter(2023, 1), DateTimeOffset.Parse("2023-04-10T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(html, Does.Contain("以下店铺本期的数据不完整，可能缺少导出文件，相关数字偏低：抖音“禾丰富硒小米旗舰店”（缺少2023年2月数据）。"));
        Assert.That(html, Does.Contain("上年同期，以下店铺的数据不完整，同比增幅可能因此偏高：京东“槐乡农品京东店”（数据截至2022年2月28日）。"));
    }

    [Test]
    public async Task AWholeQuarterWithEveryExportSaysSo()
    {
        var html = await HtmlAsync(ReportPeriod.Quarter(2022, 4), DateTimeOffset.Parse("2023-04-10T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(html, Does.Contain("各店铺的订单数据均覆盖整个统计期。"));
        Assert.That(html, Does.Not.Contain("上年同期，以下店铺"));
    }

    [Test]
    public void APeriodThatHasNotEndedIsRefusedWithTheDayItCanBeMade()
    {
        var refused = Assert.ThrowsAsync<NothingToReportException>(() =>
            HtmlAsync(ReportPeriod.Annual(2023), DateTimeOffset.Parse("2023-06-30T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.That(refused!.NotEnded, Is.True);
        Assert.That(refused.Message, Does.Contain("has not ended yet (today is 2023-06-30)").And.Contain("from 2024-01-01"));
    }
}
