using System.Text.Json;
using Analytics.Api.Metrics;

namespace Analytics.Api.Reports;

/// <summary>
/// What the chart page draws, shaped like the metrics API's trend and province ranking answers so that the screen's
/// drawTrend and drawMap take it unchanged.
/// </summary>
internal sealed record ReportChartData(ChartTrends Trend, ChartRanking Provinces)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReportChartData Of(ReportFacts facts)
    {
        static ChartTrend Trend(IReadOnlyList<MonthSales> months, int year) =>
            new($"{year}-01-01", "month", months.Select(m => new ChartPoint($"{m.Month}-01", m.NetSales)).ToList());
        var total = facts.Current.NetSales;
        var provinces = facts.Provinces.Ranked()
            .Select(row => new ChartItem(row.Key, facts.ProvinceShortNames.GetValueOrDefault(row.Key) ?? row.Name ?? row.Key,
                WindowFigures.Yuan(row.NetSalesFen), total == 0 ? null : (double)(WindowFigures.Yuan(row.NetSalesFen) / total)))
            .ToList();
        // A year with no data at all before it draws no last-year line: a line along zero would say "no sales".
        IReadOnlyList<MonthSales> lastYear = facts.LastYear.Any(m => m.NetSales != 0) ? facts.LastYear : [];
        return new ReportChartData(
            new ChartTrends(Trend(facts.ThisYear, facts.Period.Year), Trend(lastYear, facts.Period.Year - 1)),
            new ChartRanking(provinces));
    }

    public static string TrendCaption(ReportPeriod period) => $"图1　{period.Year}年与{period.Year - 1}年各月网络零售额（万元）";

    public static string ProvincesCaption(ReportPeriod period) => $"图2　{period.Name}网络零售额的省份分布";
}

internal sealed record ChartTrends(ChartTrend Current, ChartTrend LastYear);

internal sealed record ChartTrend(string From, string Interval, IReadOnlyList<ChartPoint> Points);

internal sealed record ChartPoint(string Start, decimal NetSales);

internal sealed record ChartRanking(IReadOnlyList<ChartItem> Items);

internal sealed record ChartItem(string Key, string Name, decimal NetSales, double? Share);
