using Analytics.Ingestion.Store;
using Dapper;

namespace Analytics.Api.Metrics;

/// <summary>Reads the figures of a scope from the store; ratios and comparisons are computed by the callers.</summary>
internal sealed class SalesReader(AnalyticsStore store)
{
    /// <summary>Platforms whose exports carry refund amounts; every other platform's refunds are inferred from a status.</summary>
    private static readonly HashSet<string> PlatformsWithRefundAmounts = ["taobao"];

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
        // Distinct buyers are not additive, so they are counted from orders (buyer keys include the platform).
        const string buyers = """
            SELECT count(*) AS Buyers, coalesce(sum(n >= 2), 0) AS RepeatBuyers
            FROM (SELECT s.buyer_key, count(*) AS n
                  FROM orders s
                  WHERE s.paid_at >= @from AND s.paid_at < @toNext AND s.buyer_key IS NOT NULL AND 
            """;

        using var connection = store.Open();
        var parameters = scope.SqlParameters();
        var platforms = connection.Query<PlatformRow>(SalesSql.Sales(scope, byPlatform + SalesSql.ScopeFilter + "\nGROUP BY s.platform"), parameters).ToList();
        var provinceCount = connection.ExecuteScalar<int>(SalesSql.Sales(scope, provinces + SalesSql.ScopeFilter), parameters);
        var (buyerCount, repeatBuyers) = connection.QuerySingle<(long, long)>(buyers + SalesSql.ScopeFilter + "\n GROUP BY s.buyer_key)", parameters);
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

    /// <summary>Per figure, the platforms whose value in this window is an estimate (METRICS.md, Refunds and Buyers).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Estimates(SalesTotals totals)
    {
        IReadOnlyList<string> refunds = totals.Platforms.Where(p => !PlatformsWithRefundAmounts.Contains(p)).ToList();
        return new Dictionary<string, IReadOnlyList<string>>
        {
            ["refunds"] = refunds,
            ["netSales"] = refunds,
            ["buyers"] = totals.FingerprintPlatforms,
            ["basketSize"] = totals.FingerprintPlatforms,
            ["repeatRate"] = totals.FingerprintPlatforms,
        };
    }

    public IReadOnlyList<DayRow> Days(SalesScope scope)
    {
        const string days = """
            SELECT s.day AS Day, sum(s.orders) AS Orders, sum(s.gmv_fen) AS GmvFen, sum(s.refund_fen) AS RefundFen
            FROM sales s
            WHERE 
            """;
        using var connection = store.Open();
        return connection.Query<DayRow>(SalesSql.Sales(scope, days + SalesSql.ScopeFilter + "\nGROUP BY s.day"), scope.SqlParameters()).ToList();
    }

    /// <summary>Distinct buyers per interval, the interval named by the first day it covers (clipped to the scope).</summary>
    public IReadOnlyDictionary<string, long> BuyersPer(SalesScope scope, TrendInterval interval)
    {
        // The interval start of a payment time, as constant SQL: the day, the Monday on or before it, or the month's first day.
        var start = interval switch
        {
            TrendInterval.Day => "substr(s.paid_at, 1, 10)",
            TrendInterval.Week => "date(s.paid_at, '-6 days', 'weekday 1')",
            _ => "substr(s.paid_at, 1, 7) || '-01'",
        };
        var sql = $"""
            SELECT {start} AS Start, count(DISTINCT s.buyer_key) AS Buyers
            FROM orders s
            WHERE s.paid_at >= @from AND s.paid_at < @toNext AND s.buyer_key IS NOT NULL AND {SalesSql.ScopeFilter}
            GROUP BY 1
            """;
        using var connection = store.Open();
        return connection.Query<(string Start, long Buyers)>(sql, scope.SqlParameters())
            .ToDictionary(r => string.CompareOrdinal(r.Start, SalesScope.Text(scope.From)) < 0 ? SalesScope.Text(scope.From) : r.Start, r => r.Buyers);
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
        using var connection = store.Open();
        var text = dimension.OfProducts ? SalesSql.ProductSales(scope, sql) : SalesSql.Sales(scope, sql);
        return connection.Query<RankingRow>(text, scope.SqlParameters()).ToList();
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
        using var connection = store.Open();
        return connection.Query<RankingRow>(SalesSql.ProductSales(scope, sql + SalesSql.ScopeFilter + "\nGROUP BY s.province_code"), parameters).ToList();
    }

    public ProductName? Product(string platform, string productId)
    {
        const string sql = """
            SELECT platform AS Platform, product_id AS ProductId, title AS Title, shop AS Shop
            FROM products WHERE platform = @platform AND product_id = @productId
            ORDER BY observed_at DESC LIMIT 1
            """;
        using var connection = store.Open();
        return connection.QuerySingleOrDefault<ProductName>(sql, new { platform, productId });
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

internal sealed record DayRow
{
    public required string Day { get; init; }
    public long Orders { get; init; }
    public long GmvFen { get; init; }
    public long RefundFen { get; init; }
}

internal sealed record RankingRow
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

internal sealed record ProductName
{
    public required string Platform { get; init; }
    public required string ProductId { get; init; }
    public string? Title { get; init; }
    public required string Shop { get; init; }
}
