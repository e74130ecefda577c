using System.Globalization;
using Analytics.Store;
using Analytics.Store.Sales;

namespace Analytics.Api.Metrics;

/// <summary>
/// Where figures are composed: a window with its 环比, 同比 and 累计 (each window read once), the trend, rankings with
/// shares and 环比, a product's regions and how fresh each shop's data is. The HTTP endpoints, the reports and workers
/// ask here; none composes windows itself.
/// </summary>
internal sealed class SalesMetrics(StoreReads data)
{
    private readonly SalesReader _reader = data.Sales;
    private IReadOnlyDictionary<string, string>? _platformNames;
    private readonly Dictionary<SalesScope, (WindowFigures Figures, SalesTotals Totals)> _windows = [];
    private readonly Dictionary<(SalesScope, string), IReadOnlyList<RankingRow>> _rankings = [];

    public static readonly IReadOnlyList<string> Measures = ["gmv", "orders", "netSales"];

    /// <summary>The figures of a window; asked again (环比 and 同比 of a whole year are the same year), it is not read again.</summary>
    public WindowFigures Figures(SalesScope window) => Window(window).Figures;

    /// <summary>Per figure, the platforms whose value in the window is inferred rather than read (docs/METRICS.md, Refunds and Buyers).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Estimates(SalesScope window)
    {
        var totals = Window(window).Totals;
        IReadOnlyList<string> refunds = totals.Platforms.Where(p => !data.Formats.StatesRefundAmounts(p)).ToList();
        return new Dictionary<string, IReadOnlyList<string>>
        {
            ["refunds"] = refunds,
            ["netSales"] = refunds,
            ["buyers"] = totals.FingerprintPlatforms,
            ["basketSize"] = totals.FingerprintPlatforms,
            ["repeatRate"] = totals.FingerprintPlatforms,
        };
    }

    public Summary Summary(SalesScope scope)
    {
        var current = Figures(scope);
        var yearToDate = scope.YearToDate();
        return new Summary(current, Estimates(scope),
            ComparedFigures.Of(current, Figures(scope.Previous())),
            ComparedFigures.Of(current, Figures(scope.YearAgo())),
            YearToDateFigures.Of(Figures(yearToDate), Figures(yearToDate.YearAgo())));
    }

    /// <summary>A ranking's rows; asked again (a report's products for its table and for its categories), it is not read again.</summary>
    public IReadOnlyList<RankingRow> Ranking(SalesScope scope, RankingDimension dimension)
    {
        if (!_rankings.TryGetValue((scope, dimension.Name), out var rows))
            _rankings[(scope, dimension.Name)] = rows = _reader.Ranking(scope, dimension);
        return rows;
    }

    public ProductName? Product(string platform, string productId) => _reader.Product(platform, productId);

    public Trend Trend(SalesScope scope, TrendInterval step)
    {
        var days = _reader.Days(scope).ToDictionary(d => d.Day);
        var intervals = Intervals(scope, step).ToList();
        var buyers = _reader.BuyersPer(scope, intervals);
        var points = new List<TrendPoint>();
        foreach (var (start, end) in intervals)
        {
            var inside = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1)
                .Select(i => days.GetValueOrDefault(SalesScope.Text(start.AddDays(i)))).OfType<DayRow>().ToList();
            points.Add(new TrendPoint(SalesScope.Text(start), SalesScope.Text(end), inside.Sum(d => d.Orders),
                WindowFigures.Yuan(inside.Sum(d => d.GmvFen)), WindowFigures.Yuan(inside.Sum(d => d.GmvFen - d.RefundFen)),
                buyers[start]));
        }
        return new Trend(SalesScope.Text(scope.From), SalesScope.Text(scope.To), step.ToString().ToLowerInvariant(), points);
    }

    /// <summary>A metric (netSales, gmv in yuan; orders) of every day of the scope, days without sales as 0: the forecasts' input.</summary>
    public Forecasts.DailySeries Series(SalesScope scope, string metric, Forecasts.ShopDays? kept = null) =>
        kept is not null && kept.Covers(scope) ? kept.Series(scope, metric) : Forecasts.DailySeries.From(scope.From, scope.To, _reader.Days(scope).Select(d => (DateOnly.Parse(d.Day, CultureInfo.InvariantCulture), MetricOf(metric, d.Orders, d.GmvFen, d.RefundFen))));

    /// <summary>As <see cref="Series"/> for every member of a dimension with sales in the scope, with its name.</summary>
    public IReadOnlyList<MemberSeries> SeriesBy(SalesScope scope, RankingDimension dimension, string metric) =>
        _reader.DaysBy(scope, dimension)
            .GroupBy(d => (d.Key, d.Platform, d.Shop))
            .Select(member => new MemberSeries(member.Key.Key, member.First().Name ?? member.Key.Key, member.Key.Platform, member.Key.Shop,
                Forecasts.DailySeries.From(scope.From, scope.To, member.Select(d => (DateOnly.Parse(d.Day, CultureInfo.InvariantCulture), MetricOf(metric, d.Orders, d.GmvFen, d.RefundFen)))),
                Forecasts.DailySeries.From(scope.From, scope.To, member.Select(d => (DateOnly.Parse(d.Day, CultureInfo.InvariantCulture), d.RefundFen / 100.0))),
                Forecasts.DailySeries.From(scope.From, scope.To, member.Select(d => (DateOnly.Parse(d.Day, CultureInfo.InvariantCulture), d.GmvFen / 100.0)))))
            .ToList();

    /// <summary>A day's figure: netSales and gmv in yuan, orders as a count.</summary>
    public static double MetricOf(string metric, long orders, long gmvFen, long refundFen) => metric switch
    {
        "orders" => orders,
        "gmv" => gmvFen / 100.0,
        _ => (gmvFen - refundFen) / 100.0,
    };

    private static IEnumerable<(DateOnly Start, DateOnly End)> Intervals(SalesScope scope, TrendInterval interval)
    {
        for (var start = scope.From; start <= scope.To;)
        {
            var next = interval switch
            {
                TrendInterval.Day => start.AddDays(1),
                TrendInterval.Week => start.AddDays(7 - ((int)start.DayOfWeek + 6) % 7),
                _ => new DateOnly(start.Year, start.Month, 1).AddMonths(1),
            };
            var end = next.AddDays(-1) > scope.To ? scope.To : next.AddDays(-1);
            yield return (start, end);
            start = next;
        }
    }

    public Ranking Rank(SalesScope scope, RankingDimension ranked, string measure, int limit)
    {
        var rows = Ranking(scope, ranked);
        var previousScope = scope.Previous();
        var previous = Ranking(previousScope, ranked).ToDictionary(RowKey);
        long Value(RankingRow row) => measure switch { "orders" => row.Orders, "netSales" => row.NetSalesFen, _ => row.GmvFen };

        var known = rows.Where(r => r.Key != "").ToList();
        var unknown = rows.Where(r => r.Key == "").ToList();
        // Products overlap within an order, so their total is the orders' total, not the sum of the products.
        var total = ranked.OfProducts ? Ranking(scope, RankingDimension.All["platforms"]) : rows;
        var totalValue = total.Sum(Value);
        var items = known.OrderByDescending(Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(limit)
            .Select((row, index) => new RankedItem(index + 1, row.Key, row.Name, row.Platform, PlatformName(row.Platform), row.Shop, row.Orders,
                WindowFigures.Yuan(row.GmvFen), WindowFigures.Yuan(row.NetSalesFen),
                totalValue == 0 ? null : Math.Round((double)Value(row) / totalValue, 4),
                FigureChanges.Of(Value(row), previous.TryGetValue(RowKey(row), out var before) ? Value(before) : 0)))
            .ToList();
        return new Ranking(ranked.Name, measure, SalesScope.Text(scope.From), SalesScope.Text(scope.To),
            new DayWindow(SalesScope.Text(previousScope.From), SalesScope.Text(previousScope.To)),
            Amounts(total), items, ranked.Name == "provinces" ? Amounts(unknown) : null);
    }

    public ProductRegions Regions(SalesScope scope, ProductName product)
    {
        var rows = _reader.ProductRegions(scope, product.Platform, product.ProductId);
        var known = rows.Where(r => r.Key != "").ToList();
        var totalGmv = rows.Sum(r => r.GmvFen);
        var items = known.OrderByDescending(r => r.GmvFen).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((row, index) => new RegionItem(index + 1, row.Key, row.Name, row.Orders, WindowFigures.Yuan(row.GmvFen),
                WindowFigures.Yuan(row.NetSalesFen), row.Units, totalGmv == 0 ? null : Math.Round((double)row.GmvFen / totalGmv, 4)))
            .ToList();
        return new ProductRegions(product.Platform, PlatformName(product.Platform)!, product.ProductId, product.Title, product.Shop,
            SalesScope.Text(scope.From), SalesScope.Text(scope.To), Amounts(rows), rows.Sum(r => r.Units), items,
            Amounts(rows.Where(r => r.Key == "")));
    }

    /// <summary>
    /// 网络零售额 by product category and 其中农产品, against the same days a year before; shares are of the county's
    /// 网络零售额 for the window, and what no product line carries is stated apart, so nothing is silently dropped.
    /// </summary>
    public CategorySales Categories(SalesScope scope, ProductCategories categories)
    {
        var yearAgo = scope.YearAgo();
        var now = CategoryTotals(scope, categories);
        var before = CategoryTotals(yearAgo, categories);
        var total = Figures(scope).NetSales;
        double? Share(long fen) => total == 0 ? null : Math.Round((double)(WindowFigures.Yuan(fen) / total), 4);
        var items = now.ByCategory
            .OrderByDescending(c => c.Value.NetSalesFen).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select((c, index) =>
            {
                var baseline = before.ByCategory.GetValueOrDefault(c.Key).NetSalesFen;
                return new CategoryItem(index + 1, c.Key, c.Value.Products, WindowFigures.Yuan(c.Value.NetSalesFen), Share(c.Value.NetSalesFen),
                    WindowFigures.Yuan(baseline), FigureChanges.Of(c.Value.NetSalesFen, baseline));
            })
            .ToList();
        var farm = new CategoryFigure(now.FarmProducts, WindowFigures.Yuan(now.FarmFen), Share(now.FarmFen), WindowFigures.Yuan(before.FarmFen), FigureChanges.Of(now.FarmFen, before.FarmFen));
        return new CategorySales(SalesScope.Text(scope.From), SalesScope.Text(scope.To),
            new DayWindow(SalesScope.Text(yearAgo.From), SalesScope.Text(yearAgo.To)), total, items, farm,
            total - items.Sum(i => i.NetSales));
    }

    /// <summary>Every product that sold in the window with its category and why, largest 网络零售额 first: what the bureau checks and fixes.</summary>
    public IReadOnlyList<CategorizedProduct> CategorizedProducts(SalesScope scope, ProductCategories categories) =>
        Ranking(scope, RankingDimension.All["products"]).Where(r => r.Key != "")
            .OrderByDescending(r => r.NetSalesFen).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r =>
            {
                var category = categories.Of(r);
                return new CategorizedProduct(r.Platform ?? "", PlatformName(r.Platform), r.Shop ?? "", r.Key, r.Name,
                    category.Category, category.Farm, category.Source, category.Keyword, WindowFigures.Yuan(r.NetSalesFen));
            })
            .ToList();

    private (Dictionary<string, (int Products, long NetSalesFen)> ByCategory, int FarmProducts, long FarmFen) CategoryTotals(SalesScope scope, ProductCategories categories)
    {
        var byCategory = new Dictionary<string, (int Products, long NetSalesFen)>(StringComparer.Ordinal);
        var (farmProducts, farm) = (0, 0L);
        foreach (var product in Ranking(scope, RankingDimension.All["products"]).Where(r => r.Key != ""))
        {
            var category = categories.Of(product);
            var (count, fen) = byCategory.GetValueOrDefault(category.Category);
            byCategory[category.Category] = (count + 1, fen + product.NetSalesFen);
            if (category.Farm) (farmProducts, farm) = (farmProducts + 1, farm + product.NetSalesFen);
        }
        return (byCategory, farmProducts, farm);
    }

    /// <summary>
    /// 数据截至, per platform and shop with landed imports: the latest payment time they brought and whether it is older
    /// than the platform's expected upload interval (<paramref name="expectedEveryHours"/>) at <paramref name="now"/>.
    /// </summary>
    public IReadOnlyList<ShopFreshness> Freshness(DateTime now, Func<string, int> expectedEveryHours) =>
        data.ImportsPerShop().Select(shop =>
        {
            var hours = expectedEveryHours(shop.Platform);
            var asOf = shop.LatestPaidAt is null ? (DateTime?)null : DateTime.Parse(shop.LatestPaidAt, CultureInfo.InvariantCulture);
            return new ShopFreshness
            {
                Platform = shop.Platform, PlatformName = shop.PlatformName, Shop = shop.Shop, Enterprise = shop.Enterprise,
                LatestPaidAt = shop.LatestPaidAt, LastImportAt = shop.LastImportAt, LastExportedAt = shop.LastExportedAt,
                ExpectedEveryHours = hours, Stale = asOf is null || now - asOf.Value > TimeSpan.FromHours(hours),
            };
        }).ToList();

    private string? PlatformName(string? platform) =>
        platform is null ? null : (_platformNames ??= data.PlatformNames()).GetValueOrDefault(platform, platform);

    private static string RowKey(RankingRow row) => $"{row.Platform}\u001f{row.Shop}\u001f{row.Key}";

    private static SalesAmounts Amounts(IEnumerable<RankingRow> rows)
    {
        var list = rows.ToList();
        return new SalesAmounts(list.Sum(r => r.Orders), WindowFigures.Yuan(list.Sum(r => r.GmvFen)), WindowFigures.Yuan(list.Sum(r => r.NetSalesFen)));
    }

    private (WindowFigures Figures, SalesTotals Totals) Window(SalesScope window)
    {
        if (!_windows.TryGetValue(window, out var known))
        {
            var totals = _reader.Totals(window);
            _windows[window] = known = (WindowFigures.Of(window, totals), totals);
        }
        return known;
    }
}

/// <summary>One member of a dimension (a platform, enterprise, shop, province or product) with its daily series.</summary>
internal sealed record MemberSeries(string Key, string Name, string? Platform, string? Shop, Forecasts.DailySeries Values, Forecasts.DailySeries Refunds, Forecasts.DailySeries Gmv);
