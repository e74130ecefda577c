using Analytics.Api.Metrics;
using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Reports;

/// <summary>
/// Everything a report says, read once from the store with the metrics API's own readers and definitions: the
/// period, the same period a year before, 累计 (1 January to the period's end), the rankings on both sides, the
/// monthly trend of this year and last, and what the figures rest on.
/// </summary>
internal sealed record ReportFacts
{
    public required ReportPeriod Period { get; init; }
    public required WindowFigures Current { get; init; }
    public required WindowFigures YearAgo { get; init; }
    public required WindowFigures YearToDate { get; init; }
    public required WindowFigures YearToDateYearAgo { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Estimates { get; init; }
    public required ComparedRows Platforms { get; init; }
    public required ComparedRows Enterprises { get; init; }
    public required ComparedRows Products { get; init; }
    public required ComparedRows Provinces { get; init; }
    public required IReadOnlyDictionary<string, string> ProvinceShortNames { get; init; }
    public required IReadOnlyDictionary<string, string> PlatformNames { get; init; }

    /// <summary>网络零售额 per month (yuan) of the period's year up to its end, and of the whole year before.</summary>
    public required IReadOnlyList<MonthSales> ThisYear { get; init; }
    public required IReadOnlyList<MonthSales> LastYear { get; init; }

    public required ReportCoverage Coverage { get; init; }

    /// <summary>网络零售额 by product category and 其中农产品, against the same period a year before.</summary>
    public required CategorySales Categories { get; init; }

    /// <summary>No order at all in the same period a year before: the report states no 同比.</summary>
    public bool HasYearAgo => YearAgo.Orders > 0;

    public bool HasYearToDateYearAgo => YearToDateYearAgo.Orders > 0;

    public static ReportFacts Read(StoreReads data, ReportPeriod period)
    {
        var metrics = new SalesMetrics(data);
        var scope = new SalesScope(period.From, period.To);
        var yearAgo = scope.YearAgo();
        var yearToDate = scope.YearToDate();
        ComparedRows Rows(string dimension) => new(
            metrics.Ranking(scope, RankingDimension.All[dimension]), metrics.Ranking(yearAgo, RankingDimension.All[dimension]));

        return new ReportFacts
        {
            Period = period,
            // For a year, a first quarter or a January, 累计 is the period itself: SalesMetrics reads each window once.
            Current = metrics.Figures(scope),
            YearAgo = metrics.Figures(yearAgo),
            YearToDate = metrics.Figures(yearToDate),
            YearToDateYearAgo = metrics.Figures(yearToDate.YearAgo()),
            Estimates = metrics.Estimates(scope),
            Platforms = Rows("platforms"),
            Enterprises = Rows("enterprises"),
            Products = Rows("products"),
            Provinces = Rows("provinces"),
            ProvinceShortNames = data.ProvinceShortNames(),
            PlatformNames = data.PlatformNames(),
            ThisYear = Months(data, new DateOnly(period.Year, 1, 1), period.To),
            LastYear = Months(data, new DateOnly(period.Year - 1, 1, 1), new DateOnly(period.Year - 1, 12, 31)),
            Coverage = ReportCoverage.Read(data, period),
            Categories = metrics.Categories(scope, ProductCategories.Of(data)),
        };
    }

    private static List<MonthSales> Months(StoreReads data, DateOnly from, DateOnly to)
    {
        var byMonth = data.NetSalesByMonth(SalesScope.Text(from)[..7], SalesScope.Text(to)[..7]);
        var months = new List<MonthSales>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            var key = SalesScope.Text(month)[..7];
            months.Add(new MonthSales(key, WindowFigures.Yuan(byMonth.GetValueOrDefault(key))));
        }
        return months;
    }
}

/// <summary>A ranking's rows in the period and in the same period a year before.</summary>
internal sealed record ComparedRows(IReadOnlyList<RankingRow> Current, IReadOnlyList<RankingRow> YearAgo)
{
    /// <summary>The row's 网络零售额 a year before, in fen (0 when it sold nothing then).</summary>
    public long YearAgoNetSalesFen(RankingRow row) =>
        YearAgo.Where(r => r.Key == row.Key && r.Platform == row.Platform && r.Shop == row.Shop).Sum(r => r.NetSalesFen);

    /// <summary>Rows with a known key, largest 网络零售额 first.</summary>
    public IReadOnlyList<RankingRow> Ranked() =>
        Current.Where(r => r.Key != "").OrderByDescending(r => r.NetSalesFen).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
}

internal sealed record MonthSales(string Month, decimal NetSales);
