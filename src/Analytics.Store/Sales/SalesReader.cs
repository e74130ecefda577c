using Dapper;
using Microsoft.Data.Sqlite;

namespace Analytics.Store.Sales;

/// <summary>Reads the figures of a scope over one request's connection; ratios and comparisons are computed by the callers.</summary>
public sealed class SalesReader
{
    private readonly SqliteConnection _connection;

    internal SalesReader(SqliteConnection connection) => _connection = connection;

    public SalesTotals Totals(SalesScope scope)
    {
        const string byPlatform = """
            SELECT s.platform AS Platform, sum(s.orders) AS Orders, sum(s.gmv_fen) AS GmvFen, sum(s.refund_fen) AS RefundFen,
                   sum(s.units) AS Units, sum(s.buyer_orders) AS BuyerOrders, sum(s.buyer_gmv_fen) AS BuyerGmvFen,
                   sum(s.estimated_buyer_orders) AS EstimatedBuyerOrders
            FROM sales s
            WHERE 
            """;
        const string provinces = """
            SELECT count(DISTINCT s.province_code) FROM sales s WHERE s.province_code <> '' AND 
            """;

        var parameters = scope.SqlParameters();
        var platforms = _connection.Query<PlatformRow>(SalesSql.Sales(scope, byPlatform + SalesSql.ScopeFilter + "\nGROUP BY s.platform"), parameters).ToList();
        var provinceCount = _connection.ExecuteScalar<int>(SalesSql.Sales(scope, provinces + SalesSql.ScopeFilter), parameters);
        var (buyerCount, repeatBuyers) = Buyers(scope);
        return new SalesTotals
        {
            Orders = platforms.Sum(p => p.Orders),
            GmvFen = platforms.Sum(p => p.GmvFen),
            RefundFen = platforms.Sum(p => p.RefundFen),
            Units = platforms.Sum(p => p.Units),
            BuyerOrders = platforms.Sum(p => p.BuyerOrders),
            BuyerGmvFen = platforms.Sum(p => p.BuyerGmvFen),
            Buyers = buyerCount,
            RepeatBuyers = repeatBuyers,
            Provinces = provinceCount,
            Platforms = platforms.Where(p => p.Orders > 0).Select(p => p.Platform).Order(StringComparer.Ordinal).ToList(),
            FingerprintPlatforms = platforms.Where(p => p.EstimatedBuyerOrders > 0).Select(p => p.Platform).Order(StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>
    /// Distinct buyers and those with two or more orders. Buyer keys include the platform, so counts add up across
    /// platforms; from the period histograms when the window starts at a period start, else counted from orders.
    /// </summary>
    private (long Buyers, long RepeatBuyers) Buyers(SalesScope scope)
    {
        const string fromHistogram = """
            SELECT coalesce(sum(firsts), 0), coalesce(sum(seconds), 0) FROM buyer_period_days
            WHERE period = @period AND day <= @to AND (@platform IS NULL OR platform = @platform)
            """;
        const string fromOrders = """
            SELECT count(*), coalesce(sum(n >= 2), 0)
            FROM (SELECT s.buyer_key, count(*) AS n
                  FROM orders s
                  WHERE s.paid_at >= @from AND s.paid_at < @toNext AND s.buyer_key IS NOT NULL AND 
            """;
        if (HistogramPeriod(scope) is { } period)
            return _connection.QuerySingle<(long, long)>(fromHistogram, new { period, to = SalesScope.Text(scope.To), platform = scope.Platform });
        return _connection.QuerySingle<(long, long)>(fromOrders + SalesSql.ScopeFilter + "\n GROUP BY s.buyer_key)", scope.SqlParameters());
    }

    /// <summary>The last day of a histogram period (D…, W…, M…, Q…, Y…) that starts on <paramref name="start"/>.</summary>
    private static DateOnly PeriodEnd(string period, DateOnly start) => period[0] switch
    {
        'D' => start,
        'W' => start.AddDays(6),
        'M' => start.AddMonths(1).AddDays(-1),
        'Q' => start.AddMonths(3).AddDays(-1),
        _ => start.AddYears(1).AddDays(-1),
    };

    /// <summary>The histograms know buyers per platform only; shop, enterprise and province filters count from orders.</summary>
    private static string? HistogramPeriod(SalesScope scope) =>
        scope.Raw || scope.Shop is not null || scope.Enterprise is not null || scope.ProvinceCode is not null || scope.OnlyShops is not null
            ? null
            : BuyerPeriods.Starting(scope.From, scope.To);

    public IReadOnlyList<DayRow> Days(SalesScope scope)
    {
        const string days = """
            SELECT s.day AS Day, sum(s.orders) AS Orders, sum(s.gmv_fen) AS GmvFen, sum(s.refund_fen) AS RefundFen
            FROM sales s
            WHERE 
            """;
        return _connection.Query<DayRow>(SalesSql.SalesByDay(scope, days + SalesSql.ScopeFilter + "\nGROUP BY s.day"), scope.SqlParameters()).ToList();
    }

    /// <summary>
    /// The scope's days split by a dimension (platform, enterprise, shop, province or product): one row per day and member
    /// with sales, for the forecasts and warnings that watch every member's series at once.
    /// </summary>
    public IReadOnlyList<MemberDayRow> DaysBy(SalesScope scope, RankingDimension dimension)
    {
        var sql = $"""
            SELECT s.day AS Day, {dimension.Key} AS Key, {dimension.Label} AS Name, {dimension.Platform} AS Platform, {dimension.Shop} AS Shop,
                   sum(s.orders) AS Orders, sum(s.gmv_fen) AS GmvFen, sum(s.refund_fen) AS RefundFen
            FROM {(dimension.OfProducts ? "product_sales" : "sales")} s
            WHERE {SalesSql.ScopeFilter}
            GROUP BY s.day, {dimension.GroupBy}
            """;
        var text = dimension.OfProducts ? SalesSql.ProductSalesByDay(scope, sql) : SalesSql.SalesByDay(scope, sql);
        return _connection.Query<MemberDayRow>(text, scope.SqlParameters()).ToList();
    }

    /// <summary>Distinct buyers of each interval (each clipped to the scope), by interval start.</summary>
    public IReadOnlyDictionary<DateOnly, long> BuyersPer(SalesScope scope, IReadOnlyList<(DateOnly Start, DateOnly End)> intervals)
    {
        // Intervals that are whole periods (or end early at the scope's end) are read from the histograms in one
        // query: their period names are consecutive. The rest are counted one by one.
        const string fromHistogram = """
            SELECT period AS Period, sum(firsts) AS Buyers FROM buyer_period_days
            WHERE period >= @first AND period <= @last AND day <= @to AND (@platform IS NULL OR platform = @platform)
            GROUP BY period
            """;
        // A histogram is summed up to the scope's end, so only an interval that runs to its period's end (or to the
        // scope's end) can be read in the batch; a shorter one — the first, clipped week of a month — is counted alone.
        var periods = intervals.Select(i => (i.Start, Period: HistogramPeriod(scope.Over(i.Start, i.End)) is { } p &&
            (i.End == scope.To || i.End == PeriodEnd(p, i.Start)) ? p : null)).ToList();
        var aligned = periods.Where(p => p.Period is not null).ToList();
        var fromPeriods = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in aligned.GroupBy(p => p.Period![0]))
        {
            var names = kind.Select(p => p.Period!).ToList();
            foreach (var (period, buyers) in _connection.Query<(string Period, long Buyers)>(fromHistogram,
                         new { first = names[0], last = names[^1], to = SalesScope.Text(scope.To), platform = scope.Platform }))
                fromPeriods[period] = buyers;
        }
        return intervals.Zip(periods).ToDictionary(
            pair => pair.First.Start,
            pair => pair.Second.Period is { } period
                ? fromPeriods.GetValueOrDefault(period)
                : Buyers(scope.Over(pair.First.Start, pair.First.End)).Buyers);
    }

    public IReadOnlyList<RankingRow> Ranking(SalesScope scope, RankingDimension dimension)
    {
        var sql = $"""
            SELECT {dimension.Key} AS Key, {dimension.Label} AS Name, {dimension.Platform} AS Platform, {dimension.Shop} AS Shop,
                   sum(s.orders) AS Orders, sum(s.gmv_fen) AS GmvFen, sum(s.gmv_fen - s.refund_fen) AS NetSalesFen
            FROM {(dimension.OfProducts ? "product_sales" : "sales")} s
            WHERE {SalesSql.ScopeFilter}
            GROUP BY {dimension.GroupBy}
            """;
        var text = dimension.OfProducts ? SalesSql.ProductSales(scope, sql) : SalesSql.Sales(scope, sql);
        return _connection.Query<RankingRow>(text, scope.SqlParameters()).ToList();
    }

    public IReadOnlyList<RankingRow> ProductRegions(SalesScope scope, string platform, string productId)
    {
        const string sql = """
            SELECT s.province_code AS Key, (SELECT p.name FROM provinces p WHERE p.code = s.province_code) AS Name,
                   s.platform AS Platform, NULL AS Shop, sum(s.orders) AS Orders, sum(s.gmv_fen) AS GmvFen,
                   sum(s.gmv_fen - s.refund_fen) AS NetSalesFen, sum(s.units) AS Units
            FROM product_sales s
            WHERE s.platform = @productPlatform AND s.product_id = @productId AND 
            """;
        var parameters = new DynamicParameters(scope.SqlParameters());
        parameters.Add("productPlatform", platform);
        parameters.Add("productId", productId);
        return _connection.Query<RankingRow>(SalesSql.OneProductSales(scope, sql + SalesSql.ScopeFilter + "\nGROUP BY s.province_code"), parameters).ToList();
    }

    public ProductName? Product(string platform, string productId)
    {
        const string sql = """
            SELECT platform AS Platform, product_id AS ProductId, title AS Title, shop AS Shop
            FROM products WHERE platform = @platform AND product_id = @productId
            ORDER BY observed_at DESC LIMIT 1
            """;
        return _connection.QuerySingleOrDefault<ProductName>(sql, new { platform, productId });
    }

    private sealed record PlatformRow
    {
        public required string Platform { get; init; }
        public long Orders { get; init; }
        public long GmvFen { get; init; }
        public long RefundFen { get; init; }
        public long Units { get; init; }
        public long BuyerOrders { get; init; }
        public long BuyerGmvFen { get; init; }
        public long EstimatedBuyerOrders { get; init; }
    }
}

public sealed record DayRow
{
    public required string Day { get; init; }
    public long Orders { get; init; }
    public long GmvFen { get; init; }
    public long RefundFen { get; init; }
}

/// <summary>A day of one member of a dimension (its key as in rankings: platform code, enterprise, shop, province code, product id).</summary>
public sealed record MemberDayRow
{
    public required string Day { get; init; }
    public required string Key { get; init; }
    public string? Name { get; init; }
    public string? Platform { get; init; }
    public string? Shop { get; init; }
    public long Orders { get; init; }
    public long GmvFen { get; init; }
    public long RefundFen { get; init; }
}

public sealed record RankingRow
{
    public required string Key { get; init; }
    public string? Name { get; init; }
    public string? Platform { get; init; }
    public string? Shop { get; init; }
    public long Orders { get; init; }
    public long GmvFen { get; init; }
    public long NetSalesFen { get; init; }
    public long Units { get; init; }
}

public sealed record ProductName
{
    public required string Platform { get; init; }
    public required string ProductId { get; init; }
    public string? Title { get; init; }
    public required string Shop { get; init; }
}
