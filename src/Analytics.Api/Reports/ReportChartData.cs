using Analytics.Api.Metrics;

namespace Analytics.Api.Reports;

/// <summary>
/// What the report's charts draw (<see cref="ReportCharts"/>): this year's and last year's months, the provinces in
/// rank order, in yuan.
/// </summary>
internal sealed record ReportChartData(ChartTrends Trend, ChartRanking Provinces)
{
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

    public static string ProvincesCaption(ReportPeriod period) => $"图2　{period.Name}网络零售额居前十位的省份（万元）";
}

internal sealed record ChartTrends(ChartTrend Current, ChartTrend LastYear);

internal sealed record ChartTrend(string From, string Interval, IReadOnlyList<ChartPoint> Points);

internal sealed record ChartPoint(string Start, decimal NetSales);

internal sealed record ChartRanking(IReadOnlyList<ChartItem> Items);

internal sealed record ChartItem(string Key, string Name, decimal NetSales, double? Share);
